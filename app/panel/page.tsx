import type { Metadata } from "next";
import Link from "next/link";
import { CheckInPanel } from "@/components/check-ins/check-in-panel";
import { ApplyPauseBanner } from "@/components/apply-pause-banner";
import { JobCard } from "@/components/jobs/job-card";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { countMyApplicationsByStatus, listMyApplications } from "@/lib/applications/list-my-applications";
import { activeApplyPause } from "@/lib/fair-dealing/apply-pause";
import { listFavorites } from "@/lib/favorites/list-favorites";
import type { ApplicationStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { countMyJobsByStatus, listMyJobs } from "@/lib/jobs/list-my-jobs";
import { listUpcomingAssignments } from "@/lib/jobs/list-upcoming-assignments";
import { applicationStatusLabels, jobStatusLabels } from "@/lib/jobs/labels";
import { formatKurus } from "@/lib/jobs/money";
import { placeOptionsFor } from "@/lib/jobs/reference-places";

export const metadata: Metadata = { title: "Panel" };

const jobStatuses: JobStatus[] = ["OPEN", "ASSIGNED", "DONE", "CANCELLED", "EXPIRED"];
const applicationStatuses: ApplicationStatus[] = ["PENDING", "ACCEPTED", "REJECTED", "WITHDRAWN"];

type Params = { hosgeldiniz?: string; ilan?: string; ilanSonra?: string; basvuru?: string; basvuruSonra?: string; kayitliSonra?: string };

function Tabs<T extends string>({ name, current, options, labels, counts, params }: {
  name: "ilan" | "basvuru";
  current: T;
  options: T[];
  labels: Record<T, string>;
  counts: Partial<Record<T, number>>;
  params: Params;
}) {
  return (
    <nav className="tabs" aria-label={name === "ilan" ? "İlan durumları" : "Başvuru durumları"}>
      {options.map((o) => {
        const query = new URLSearchParams({ ...(name === "ilan" ? { basvuru: params.basvuru ?? "" } : { ilan: params.ilan ?? "" }), [name]: o });
        return (
          <Link key={o} href={`/panel?${query}`} className={`tab${o === current ? " tab-current" : ""}`} aria-current={o === current ? "page" : undefined}>
            {labels[o]} <span className="tab-count">{counts[o] ?? 0}</span>
          </Link>
        );
      })}
    </nav>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requirePageSession("/panel");
  const params = await searchParams;
  const actor = actorFromSession(session);
  const jobStatus = jobStatuses.find((s) => s === params.ilan) ?? "OPEN";
  const applicationStatus = applicationStatuses.find((s) => s === params.basvuru) ?? "PENDING";
  const [upcoming, myJobs, jobCounts, myApplications, applicationCounts, favorites, places, pause] = await Promise.all([
    listUpcomingAssignments(actor),
    listMyJobs(actor, jobStatus, params.ilanSonra),
    countMyJobsByStatus(actor),
    listMyApplications(actor, applicationStatus, params.basvuruSonra),
    countMyApplicationsByStatus(actor),
    listFavorites(actor, { cursor: params.kayitliSonra, take: 10 }),
    placeOptionsFor(),
    activeApplyPause(actor.id),
  ]);
  const more = (key: keyof Params, cursor: string) => `/panel?${new URLSearchParams({ ilan: jobStatus, basvuru: applicationStatus, [key]: cursor })}`;
  return (
    <div className="stack">
      <ApplyPauseBanner pause={pause} />
      {params.hosgeldiniz && <div className="banner banner-success" role="status">Hesabınız oluşturuldu. Tevkil&apos;e hoş geldiniz!</div>}
      <div className="row">
        <h1 data-testid="dashboard-title" style={{ margin: 0 }}>Merhaba, {session.user.name}</h1>
        <span className="spacer" />
        {session.user.verified && <Link className="button button-primary" href="/ilanlar/yeni">İlan ver</Link>}
      </div>

      {session.user.verified && <CheckInPanel places={places} />}

      <section className="card" data-testid="upcoming-assignments">
        <div className="row">
          <h2 style={{ margin: 0 }}>Yaklaşan görevlerim</h2>
          <span className="spacer" />
          <Link className="small" href="/ayarlar/profil#takvim">Takvime ekle</Link>
        </div>
        {upcoming.length === 0 ? (
          <p className="empty">Üstlendiğiniz yaklaşan bir görev yok. <Link href="/ilanlar">İlanlara göz atın.</Link></p>
        ) : (
          <div className="job-list">
            {upcoming.map((job) => (
              <JobCard key={job.id} job={job} headingLevel={3} />
            ))}
          </div>
        )}
      </section>

      <section className="card" data-testid="my-jobs">
        <h2 style={{ marginTop: 0 }}>İlanlarım</h2>
        <Tabs name="ilan" current={jobStatus} options={jobStatuses} labels={jobStatusLabels} counts={jobCounts} params={params} />
        {myJobs.items.length === 0 ? (
          <p className="empty">Bu durumda ilanınız yok.</p>
        ) : (
          <div className="job-list">
            {myJobs.items.map((job) => (
              <JobCard
                key={job.id}
                job={job}
                headingLevel={3}
                extra={
                  <p className="small" style={{ margin: 0 }} data-testid="application-count">
                    {job.status === "OPEN" ? `${job.pendingApplications} bekleyen / ${job.totalApplications} başvuru` : job.assigneeName ? `Görevli: ${job.assigneeName}` : `${job.totalApplications} başvuru`}
                  </p>
                }
              />
            ))}
          </div>
        )}
        {myJobs.nextCursor && <Link className="button button-secondary" href={more("ilanSonra", myJobs.nextCursor)}>Daha fazla</Link>}
      </section>

      <section className="card" data-testid="my-applications">
        <h2 style={{ marginTop: 0 }}>Başvurularım</h2>
        <Tabs name="basvuru" current={applicationStatus} options={applicationStatuses} labels={applicationStatusLabels} counts={applicationCounts} params={params} />
        {myApplications.items.length === 0 ? (
          <p className="empty">Bu durumda başvurunuz yok.</p>
        ) : (
          <div className="job-list">
            {myApplications.items.map((a) => (
              <JobCard
                key={a.id}
                job={a.job}
                headingLevel={3}
                extra={
                  <p className="small" style={{ margin: 0 }}>
                    İlan: {jobStatusLabels[a.job.status]}
                    {a.proposedFeeKurus ? ` · Önerdiğiniz ücret ${formatKurus(a.proposedFeeKurus)}` : ""}
                  </p>
                }
              />
            ))}
          </div>
        )}
        {myApplications.nextCursor && <Link className="button button-secondary" href={more("basvuruSonra", myApplications.nextCursor)}>Daha fazla</Link>}
      </section>

      <section className="card" data-testid="favorites">
        <h2 style={{ marginTop: 0 }}>Kaydettiğim ilanlar</h2>
        {favorites.items.length === 0 ? (
          <p className="empty">İlan sayfalarındaki &quot;Kaydet&quot; ile ilanları burada toplayabilirsiniz.</p>
        ) : (
          <div className="job-list">
            {favorites.items.map((job) => (
              <JobCard key={job.id} job={job} headingLevel={3} extra={<p className="small muted" style={{ margin: 0 }}>{jobStatusLabels[job.status]}</p>} />
            ))}
          </div>
        )}
        {favorites.nextCursor && <Link className="button button-secondary" href={more("kayitliSonra", favorites.nextCursor)}>Daha fazla</Link>}
      </section>
    </div>
  );
}
