import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartConversationButton } from "@/components/chat/start-conversation-button";
import { CourthousePresenceLine } from "@/components/check-ins/courthouse-presence";
import { LiveJobPage } from "@/components/jobs/live-job-page";
import { Avatar } from "@/components/profiles/avatar";
import { Rating } from "@/components/profiles/rating";
import { SignedIn } from "@/components/viewer/signed-in";
import { actorFromSession, getCurrentSession } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { getJobDetail, type JobDetail } from "@/lib/jobs/get-job-detail";
import type { PartyContact } from "@/lib/jobs/get-assignment";
import { getJobViewerState } from "@/lib/jobs/get-job-viewer-state";
import { applicationStatusLabels, jobStatusLabels, taskTypeLabels, urgencyLabels } from "@/lib/jobs/labels";
import { ResponseWindowCountdown } from "@/components/jobs/response-window-countdown";
import { formatKurus } from "@/lib/jobs/money";
import { getLawyerCard } from "@/lib/profiles/get-lawyer-card";
import { listJobReviews } from "@/lib/reviews/list-reviews";
import { ApplicantList } from "@/app/ilanlar/[id]/applicant-list";
import {
  ApplyForm, CancelAssignmentForm, CancelJobForm, FavoriteForm, ReviewForm, WithdrawForm,
} from "@/app/ilanlar/[id]/forms";
import { CompleteForm } from "@/app/ilanlar/[id]/complete-form";
import { FairDealingSection } from "@/app/ilanlar/[id]/fair-dealing-section";
import { CompletionReport } from "@/components/jobs/completion-report";

async function loadJob(id: string): Promise<JobDetail> {
  try {
    return await getJobDetail(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const job = await loadJob((await params).id);
  return { title: job.title };
}

function Contact({ heading, party }: { heading: string; party: PartyContact }) {
  return (
    <div>
      <h3 className="small muted" style={{ margin: "0 0 0.25rem" }}>{heading}</h3>
      <p style={{ margin: 0 }}>
        <Link href={`/avukat/${party.id}`}>{party.fullName}</Link> · {party.barName} · Sicil no {party.barNumber}
      </p>
      <p className="small" style={{ margin: 0 }}>
        {party.phone && <>Telefon: <a href={`tel:${party.phone.replace(/\s/g, "")}`}>{party.phone}</a> </>}
        {party.email && <>E-posta: <a href={`mailto:${party.email}`}>{party.email}</a></>}
        {!party.phone && !party.email && <span className="muted">İletişim bilgilerini paylaşmıyor; mesaj gönderebilirsiniz.</span>}
      </p>
    </div>
  );
}

function AnonymityNotice() {
  return (
    <p className="banner banner-info small" data-testid="anonymity-notice">
      Başvurunuz ilan sahibine adınız gösterilmeden iletilir: baş harfleriniz, baronuz, puanınız ve iş sayılarınız görünür; adınız, siciliniz ve
      iletişim bilgileriniz yalnızca sizi görevlendirirse açılır. Notunuza adınızı ya da iletişim bilgilerinizi yazmayın.
    </p>
  );
}

type Notice = { yeni?: string; tamamlandi?: string; degerlendirildi?: string };

export default async function JobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Notice> }) {
  const { id } = await params;
  const [job, session, { yeni, tamamlandi, degerlendirildi }] = await Promise.all([loadJob(id), getCurrentSession(), searchParams]);
  const [poster, viewer, reviews] = await Promise.all([
    getLawyerCard(job.posterId),
    session ? getJobViewerState(actorFromSession(session), job) : null,
    job.status === "DONE" ? listJobReviews(job.id) : [],
  ]);
  const verified = session?.user.verified ?? false;
  const assignment = viewer?.assignment ?? null;
  const counterpart = assignment ? (assignment.viewerRole === "POSTER" ? assignment.assignee : assignment.poster) : null;

  return (
    <div className="stack job-page">
      <LiveJobPage jobId={job.id} />
      {yeni && <div className="banner banner-success" role="status">İlanınız yayınlandı.</div>}
      {tamamlandi && <div className="banner banner-success" role="status" data-testid="job-notice">İş tamamlandı olarak işaretlendi; raporunuz ilan sahibine iletildi.</div>}
      {degerlendirildi && <div className="banner banner-success" role="status" data-testid="job-notice">Değerlendirmeniz kaydedildi. Teşekkürler!</div>}
      <section className="card">
        <div className="job-card-top">
          <span className="badge">{taskTypeLabels[job.taskType]}</span>
          {job.urgency !== "NORMAL" && <span className={`badge badge-urgent-${job.urgency.toLowerCase()}`}>{urgencyLabels[job.urgency]}</span>}
          <span className="badge" data-testid="job-status">{jobStatusLabels[job.status]}</span>
          <span className="spacer" />
          {/* one's own job needs no bookmark; a closed one only lets a bookmark go */}
          {viewer && !viewer.isPoster && (job.status === "OPEN" || viewer.saved) && <FavoriteForm jobId={job.id} saved={viewer.saved} />}
          {viewer?.isPoster && job.status === "OPEN" && (
            <Link className="button button-secondary" href={`/ilanlar/${job.id}/duzenle`}>İlanı düzenle</Link>
          )}
        </div>
        <h1 data-testid="job-title">{job.title}</h1>
        {job.responseWindowEndsAt && <ResponseWindowCountdown endsAt={job.responseWindowEndsAt.toISOString()} open={job.status === "OPEN"} />}
        <dl className="facts">
          <div><dt>Ücret</dt><dd className="job-fee" data-testid="job-fee">{formatKurus(job.feeKurus)}</dd></div>
          <div><dt>Tarih</dt><dd>{formatDateTime(job.scheduledAt)}</dd></div>
          <div>
            <dt>Adliye</dt>
            <dd>
              {job.courthouseName} · {job.provinceName}
              {/* drawn in the browser: the count changes with time and check-ins, the page copy is shared */}
              {job.status === "OPEN" && <SignedIn><CourthousePresenceLine courthouseId={job.courthouseId} /></SignedIn>}
            </dd>
          </div>
          {job.court && <div><dt>Mahkeme / daire</dt><dd>{job.court}</dd></div>}
          <div><dt>Hukuk alanı</dt><dd>{job.lawArea}</dd></div>
          <div><dt>Son başvuru</dt><dd>{formatDateTime(job.deadlineAt)}</dd></div>
          <div><dt>Başvuru</dt><dd>{job.activeApplicationCount}</dd></div>
        </dl>
        <p className="job-description">{job.description}</p>
        {job.status === "CANCELLED" && job.cancelReason && <p className="banner banner-warning">İptal gerekçesi: {job.cancelReason}</p>}
        <div className="row poster-row">
          <Avatar name={job.poster.fullName} path={poster?.avatarPath ?? null} size={40} />
          <div>
            <Link href={`/avukat/${job.posterId}`}>{job.poster.fullName}</Link>
            <div className="small muted">{job.poster.barName} · <Rating average={poster?.ratingAverage ?? null} count={poster?.ratingCount ?? 0} /></div>
          </div>
          <span className="spacer" />
          {/* an applicant of an anonymous job reaches the poster through it only once assigned (lib/messaging/open-conversation.ts) */}
          {verified && viewer && !viewer.isPoster && !(job.anonymousApplicants && viewer.myApplication && !viewer.isAssignee) && (
            <StartConversationButton peerId={job.posterId} jobId={job.id} />
          )}
        </div>
      </section>

      {reviews.length > 0 && (
        <section className="card" data-testid="job-reviews" aria-labelledby="job-reviews-heading">
          <h2 id="job-reviews-heading" style={{ marginTop: 0 }}>Değerlendirmeler</h2>
          <ul className="list">
            {reviews.map((r) => (
              <li key={r.id} data-testid="job-review">
                <strong role="img" aria-label={`5 üzerinden ${r.overall}`}>{"★".repeat(r.overall)}{"☆".repeat(5 - r.overall)}</strong>{" "}
                <span className="small muted">
                  <Link href={`/avukat/${r.author.id}`}>{r.author.fullName}</Link> → <Link href={`/avukat/${r.subject.id}`}>{r.subject.fullName}</Link> · {formatDate(r.createdAt)}
                </span>
                {r.comment && <p style={{ margin: "0.25rem 0 0" }}>{r.comment}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!session && (
        <p className="card">
          Başvurmak için <Link href={`/giris?next=/ilanlar/${job.id}`}>giriş yapın</Link>.
        </p>
      )}

      {assignment && counterpart && (
        <section className="card assignment" data-testid="assignment">
          <h2 style={{ marginTop: 0 }}>{assignment.viewerRole === "ASSIGNEE" ? "Bu iş size verildi" : "Görevlendirme"}</h2>
          <dl className="facts">
            <div><dt>Dosya numarası</dt><dd data-testid="file-number">{assignment.fileNumber ?? "Belirtilmedi"}</dd></div>
            {assignment.court && <div><dt>Mahkeme / daire</dt><dd>{assignment.court}</dd></div>}
          </dl>
          <Contact heading={assignment.viewerRole === "ASSIGNEE" ? "İlan sahibi" : "Görevli avukat"} party={counterpart} />
          <div className="row" style={{ marginTop: "0.75rem" }}>
            <a className="button button-secondary" href={`/api/ilanlar/${job.id}/yetki-belgesi`} data-testid="authorisation-pdf" download>
              Yetki belgesi (PDF)
            </a>
            <a className="button button-secondary" href={`/api/ilanlar/${job.id}/yetki-belgesi?bicim=udf`} data-testid="authorisation-udf" download>
              Yetki belgesi (UDF)
            </a>
            {verified && <StartConversationButton peerId={counterpart.id} jobId={job.id} />}
          </div>
          {assignment.completionReport && <CompletionReport assignment={assignment} />}
          {assignment.viewerRole === "POSTER" && job.status === "DONE" && job.taskType === "DURUSMA" && assignment.nextHearingAt && assignment.nextHearingAt > new Date() && (
            // a GET form: the post form reads the job it follows from ?sonraki= and checks the viewer posted it
            <form action="/ilanlar/yeni" method="get" style={{ marginTop: "0.75rem" }}>
              <input type="hidden" name="sonraki" value={job.id} />
              <button type="submit" className="button button-primary" data-testid="follow-up-job">Sonraki duruşma için tevkil ver</button>
            </form>
          )}
          {job.status === "ASSIGNED" && assignment.viewerRole === "ASSIGNEE" && (
            <>
              <h3>İşi tamamla</h3>
              <CompleteForm jobId={job.id} taskType={job.taskType} />
            </>
          )}
          {job.status === "ASSIGNED" && <CancelAssignmentForm jobId={job.id} />}
          <FairDealingSection job={job} viewerRole={assignment.viewerRole} />
          {viewer?.canReview && (
            <>
              <h3>Değerlendirme</h3>
              <ReviewForm jobId={job.id} subjectName={counterpart.fullName} />
            </>
          )}
        </section>
      )}

      {viewer?.isPoster && job.status === "OPEN" && (
        <section className="card" data-testid="applicants">
          <h2 style={{ margin: 0 }}>Başvurular</h2>
          {job.anonymousApplicants && (
            <p className="small muted" data-testid="anonymity-note">Başvuranların adı, sicili ve iletişim bilgileri kabul ettiğiniz avukat için açılır.</p>
          )}
          <ApplicantList jobId={job.id} applicants={viewer.applicants ?? []} canMessage={verified} />
          <CancelJobForm jobId={job.id} />
        </section>
      )}

      {viewer && !viewer.isPoster && !assignment && (
        <section className="card">
          {viewer.myApplication ? (
            <div data-testid="my-application">
              <p>
                Başvurunuz: <span className="badge">{applicationStatusLabels[viewer.myApplication.status]}</span>
              </p>
              {job.anonymousApplicants && viewer.myApplication.status === "PENDING" && <AnonymityNotice />}
              {viewer.myApplication.status === "PENDING" && <WithdrawForm jobId={job.id} applicationId={viewer.myApplication.id} />}
            </div>
          ) : job.status !== "OPEN" ? (
            <p className="muted">Bu ilan başvuruya kapalı.</p>
          ) : verified ? (
            <>
              <h2 style={{ marginTop: 0 }}>Başvur</h2>
              {job.anonymousApplicants && <AnonymityNotice />}
              <ApplyForm jobId={job.id} />
            </>
          ) : (
            <p className="muted">Başvurmak için hesabınızın doğrulanması gerekiyor.</p>
          )}
        </section>
      )}
    </div>
  );
}
