import type { Metadata } from "next";
import Link from "next/link";
import { BoardFilters, type BoardParams } from "@/components/jobs/board-filters";
import { JobCard } from "@/components/jobs/job-card";
import { LiveJobFeed } from "@/components/jobs/live-job-feed";
import { SignedIn } from "@/components/viewer/signed-in";
import { getCurrentSession } from "@/lib/auth/current-user";
import { myBoardFilter, type MyBoardFilter } from "@/lib/availability/my-board-filter";
import { AppError } from "@/lib/errors";
import { parseIstanbulDate } from "@/lib/jobs/istanbul-time";
import { parseTurkishLira } from "@/lib/jobs/money";
import { placeOptionsFor } from "@/lib/jobs/reference-places";
import { searchJobs, type BoardPage } from "@/lib/jobs/search-jobs";

export const metadata: Metadata = { title: "Tevkil ilanları" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params: BoardParams = Object.fromEntries(
    (["il", "adliye", "tur", "aciliyet", "baslangic", "bitis", "minUcret", "q", "sirala", "sonra", "bana"] as const).map((k) => [k, one(raw[k])]),
  );
  // nothing here may depend on the viewer: the page is cached once for everyone (lib/page-cache/page-routes.ts),
  // except "Bana uygun" (?bana=1), which the page cache never stores
  const [places, forMe] = await Promise.all([placeOptionsFor(params.il), params.bana ? viewerBoardFilter() : null]);
  let page: BoardPage = { items: [], nextCursor: null, total: 0, approximate: false };
  let error: string | null = null;
  try {
    if (!forMe || forMe.kind === "filter") {
      page = await searchJobs({
        provinceId: params.il, courthouseId: params.adliye, taskType: params.tur, urgency: params.aciliyet, from: params.baslangic,
        to: params.bitis, minFee: params.minUcret, q: params.q, sort: params.sirala, cursor: params.sonra,
        ...(forMe?.kind === "filter" ? { courthouseIds: forMe.courthouseIds, taskTypes: forMe.taskTypes } : {}),
      });
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = Object.values(e.details.fieldErrors ?? {})[0]?.[0] ?? e.message;
  }
  const next = new URLSearchParams(Object.entries(params).filter(([k, v]) => v && k !== "sonra") as [string, string][]);
  if (page.nextCursor) next.set("sonra", page.nextCursor);
  return (
    <div className="stack">
      <div className="row">
        <h1 style={{ margin: 0 }}>Tevkil ilanları</h1>
        <span className="spacer" />
        <SignedIn verified>
          <Link className="button button-primary" href="/ilanlar/yeni">İlan ver</Link>
        </SignedIn>
      </div>
      <BoardFilters places={places} params={params} />
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {forMe && forMe.kind !== "filter" && (
        <p className="banner banner-warning" role="status" data-testid="for-me-notice">
          {forMe.kind === "signed-out" ? (
            <>&quot;Bana uygun&quot; için <Link href="/giris?next=/ilanlar">giriş yapın</Link>.</>
          ) : forMe.kind === "off" ? (
            <>Görev alma durumunuz kapalı. <Link href="/ayarlar/gorev-durumu">Görev durumunu açın</Link>.</>
          ) : (
            <>Takip ettiğiniz bir adliye yok. <Link href="/ayarlar/takip">Adliye takip edin</Link>.</>
          )}
        </p>
      )}
      {/* for visitors too: it draws the count; only a signed-in lawyer's socket brings live jobs */}
      <LiveJobFeed
        total={page.total}
        knownIds={page.items.map((j) => j.id)}
        filters={{
          provinceId: Number(params.il) || undefined,
          courthouseId: Number(params.adliye) || undefined,
          taskType: params.tur || undefined,
          urgency: params.aciliyet || undefined,
          minFee: (params.minUcret && parseTurkishLira(params.minUcret)) || undefined,
          from: (params.baslangic && parseIstanbulDate(params.baslangic)?.toISOString()) || undefined,
          to: (params.bitis && parseIstanbulDate(params.bitis, true)?.toISOString()) || undefined,
          hasQuery: Boolean(params.q),
          ...(forMe?.kind === "filter" ? { courthouseIds: forMe.courthouseIds, taskTypes: forMe.taskTypes } : {}),
          none: Boolean(forMe && forMe.kind !== "filter"),
        }}
      />
      {page.approximate && page.total > 0 && (
        <p className="banner banner-warning" role="status" data-testid="approximate-results">
          “{params.q}” ile tam eşleşen ilan yok; yazılışı en yakın ilanlar gösteriliyor.
        </p>
      )}
      {page.items.length === 0 ? (
        <p className="card empty">Bu ölçütlere uyan açık ilan yok.</p>
      ) : (
        <div className="job-list">
          {page.items.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </div>
      )}
      {page.nextCursor && (
        <Link className="button button-secondary" href={`/ilanlar?${next}`} data-testid="next-page">
          Sonraki sayfa
        </Link>
      )}
    </div>
  );
}

/** "Bana uygun": the signed-in lawyer's courthouses and task types (lib/availability/my-board-filter.ts). */
async function viewerBoardFilter(): Promise<MyBoardFilter | { kind: "signed-out" }> {
  const session = await getCurrentSession();
  return session ? myBoardFilter(session.user.id) : { kind: "signed-out" };
}
