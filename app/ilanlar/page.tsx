import type { Metadata } from "next";
import Link from "next/link";
import { BoardFilters, type BoardParams } from "@/components/jobs/board-filters";
import { JobCard } from "@/components/jobs/job-card";
import { LiveJobFeed } from "@/components/jobs/live-job-feed";
import { SignedIn } from "@/components/viewer/signed-in";
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
    (["il", "adliye", "tur", "aciliyet", "baslangic", "bitis", "minUcret", "q", "sirala", "sonra"] as const).map((k) => [k, one(raw[k])]),
  );
  // nothing here may depend on the viewer: the page is cached once for everyone (lib/page-cache/page-routes.ts)
  const places = await placeOptionsFor(params.il);
  let page: BoardPage = { items: [], nextCursor: null, total: 0, approximate: false };
  let error: string | null = null;
  try {
    page = await searchJobs({
      provinceId: params.il, courthouseId: params.adliye, taskType: params.tur, urgency: params.aciliyet, from: params.baslangic,
      to: params.bitis, minFee: params.minUcret, q: params.q, sort: params.sirala, cursor: params.sonra,
    });
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
