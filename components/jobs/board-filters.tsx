import Link from "next/link";
import { PlaceSelect } from "@/components/jobs/place-select";
import { SignedIn } from "@/components/viewer/signed-in";
import { taskTypeLabels, taskTypes, urgencies, urgencyLabels } from "@/lib/jobs/labels";
import type { PlaceOptions } from "@/lib/jobs/reference-places";

export type BoardParams = Partial<Record<"il" | "adliye" | "tur" | "aciliyet" | "baslangic" | "bitis" | "minUcret" | "q" | "sirala" | "sonra" | "bana", string>>;

/** The board's filters as a plain GET form: the URL is the state, so a filtered board can be shared or bookmarked. */
export function BoardFilters({ places, params }: { places: PlaceOptions; params: BoardParams }) {
  // on a phone the filters fold away unless one is in use, so the first jobs show without scrolling
  const filtered = Boolean(params.il || params.adliye || params.tur || params.aciliyet || params.baslangic || params.bitis || params.minUcret);
  return (
    <form method="get" action="/ilanlar" className="card board-filters" role="search" aria-label="İlan arama ve filtreler">
      <div className="field">
        <label htmlFor="board-q">Ara</label>
        <input id="board-q" name="q" type="search" defaultValue={params.q} placeholder="Örn. boşanma duruşması" />
      </div>
      {/* drawn in the browser for verified lawyers only, so the board's HTML stays the same for everyone */}
      <SignedIn verified>
        <div className="field checkbox">
          <input id="board-bana" name="bana" type="checkbox" value="1" defaultChecked={Boolean(params.bana)} />
          <label htmlFor="board-bana">Bana uygun: görev aldığım adliye ve türler (<Link href="/ayarlar/gorev-durumu">görev durumu</Link>)</label>
        </div>
      </SignedIn>
      <details className="filter-details" open={filtered}>
        <summary>Filtreler{filtered ? " (uygulanıyor)" : ""}</summary>
        <div className="filter-grid">
          <PlaceSelect places={places} defaultProvinceId={params.il} defaultCourthouseId={params.adliye} optional idPrefix="board" names={{ province: "il", courthouse: "adliye" }} />
          <div className="field">
            <label htmlFor="board-tur">Görev türü</label>
            <select id="board-tur" name="tur" defaultValue={params.tur ?? ""}>
              <option value="">Tümü</option>
              {taskTypes.map((t) => (
                <option key={t} value={t}>{taskTypeLabels[t]}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-aciliyet">Aciliyet</label>
            <select id="board-aciliyet" name="aciliyet" defaultValue={params.aciliyet ?? ""}>
              <option value="">Tümü</option>
              {urgencies.map((u) => (
                <option key={u} value={u}>{urgencyLabels[u]}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-baslangic">Tarihten</label>
            <input id="board-baslangic" name="baslangic" type="date" defaultValue={params.baslangic} />
          </div>
          <div className="field">
            <label htmlFor="board-bitis">Tarihe kadar</label>
            <input id="board-bitis" name="bitis" type="date" defaultValue={params.bitis} />
          </div>
          <div className="field">
            <label htmlFor="board-minUcret">En düşük ücret (TL)</label>
            <input id="board-minUcret" name="minUcret" inputMode="decimal" defaultValue={params.minUcret} />
          </div>
        </div>
      </details>
      <div className="field">
        <label htmlFor="board-sirala">Sıralama</label>
        {/* "Önerilen": the best matches first when searching, the soonest date otherwise (lib/jobs/search-jobs.ts) */}
        <select id="board-sirala" name="sirala" defaultValue={params.sirala ?? ""}>
          <option value="">Önerilen</option>
          <option value="soonest">En yakın tarih</option>
          <option value="newest">En yeni</option>
          <option value="fee">En yüksek ücret</option>
        </select>
      </div>
      <div className="row">
        <button type="submit" className="button button-primary">Filtrele</button>
        <Link className="button button-secondary" href="/ilanlar">Temizle</Link>
      </div>
    </form>
  );
}
