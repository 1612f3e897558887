import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { EXPORT_LINK_HOURS } from "@/lib/kvkk/build-data-export";
import { accountDeletionGraceMs } from "@/lib/kvkk/close-account";
import { getDataExportState, type DataExportState } from "@/lib/kvkk/data-export-download";
import { DeleteAccountForm } from "@/app/ayarlar/verilerim/delete-account-form";
import { ExportPanel, type ExportView } from "@/app/ayarlar/verilerim/export-panel";

export const metadata: Metadata = { title: "Verilerim" };

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`);

function viewOf(state: DataExportState): ExportView {
  if (state.status === "NONE") return state;
  if (state.status === "READY") {
    return { status: "READY", href: `/api/verilerim/${state.id}`, readyAt: formatDateTime(state.readyAt), expiresAt: formatDateTime(state.expiresAt), size: sizeOf(state.sizeBytes) };
  }
  return { status: state.status, requestedAt: formatDateTime(state.requestedAt) };
}

/** "7 gün" / "12 saat" / "hemen" for the grace period before a closed account is erased. */
function graceTextOf(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (hours === 0) return "hemen";
  return hours % 24 === 0 ? `${hours / 24} gün` : `${hours} saat`;
}

export default async function MyDataPage() {
  const graceText = graceTextOf(accountDeletionGraceMs());
  const session = await requirePageSession("/ayarlar/verilerim");
  const state = await getDataExportState(actorFromSession(session));
  return (
    <div className="stack narrow-form">
      <p className="small"><Link href="/ayarlar">← Ayarlar</Link></p>
      <h1>Verilerim</h1>
      <p className="muted">
        6698 sayılı Kişisel Verilerin Korunması Kanunu&apos;nun 11. maddesindeki haklarınızı buradan kendiniz kullanırsınız. Ayrıntılar{" "}
        <Link href="/kvkk">aydınlatma metninde</Link>.
      </p>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading" style={{ marginTop: 0 }}>Verilerimin kopyası</h2>
        <p className="muted small">
          Profiliniz, verdiğiniz ve üstlendiğiniz ilanlar, başvurularınız, değerlendirmeler, üyesi olduğunuz konuşmaların mesajları, bildirim
          geçmişiniz, güvenlik kaydınız ve yüklediğiniz dosyalar tek bir ZIP dosyasında. Hazırlanması birkaç dakika sürebilir; indirme
          bağlantısı {EXPORT_LINK_HOURS} saat geçerlidir.
        </p>
        <ExportPanel state={viewOf(state)} />
      </section>
      <section className="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading" style={{ marginTop: 0 }}>Hesabımı kapat</h2>
        <p className="small">
          İstek verildiğinde tüm oturumlarınız hemen kapanır ve bekleyen başvurularınız geri çekilir. Hesabınız{" "}
          <strong>{graceText}</strong> sonra kalıcı olarak kapatılır; bu süre içinde giriş yaparsanız istek iptal olur. Kapanınca adınız, e-posta
          adresiniz, telefonunuz, baro bilgileriniz, fotoğrafınız, uzmanlık alanlarınız, takipleriniz, kayıtlı ilanlarınız, bildirimleriniz ve
          güvenlik kaydınız silinir; açık ilanlarınız iptal edilir.
        </p>
        <p className="small muted">
          Meslektaşlarınızın ihtiyaç duyduğu kayıtlar kalır ama sizinle ilişkilendirilmez: yazıştığınız kişiler mesajlarınızı
          &quot;Silinmiş kullanıcı&quot; adıyla görmeye devam eder; tamamlanan işlerin ve değerlendirmelerin kaydı{" "}
          <Link href="/kvkk">aydınlatma metnindeki</Link> süre boyunca saklanır. Devam eden bir görevlendirmeniz varsa önce onu tamamlayın ya da
          iptal edin. Kapatmadan önce verilerinizin kopyasını indirmek isteyebilirsiniz.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
