import Link from "next/link";
import { StartConversationButton } from "@/components/chat/start-conversation-button";
import { Avatar } from "@/components/profiles/avatar";
import { Rating } from "@/components/profiles/rating";
import type { Applicant } from "@/lib/applications/list-applicants";
import { applicationStatusLabels } from "@/lib/jobs/labels";
import { formatKurus } from "@/lib/jobs/money";
import { AcceptForm } from "@/app/ilanlar/[id]/forms";

/**
 * The poster's list of applicants. An anonymous one (the job hides applicants until one is accepted) is shown by
 * initials, bar, rating and counts: no photo, no profile link, no "Mesaj gönder" (lib/applications/list-applicants.ts
 * sends no id or name for them in the first place).
 */
export function ApplicantList({ jobId, applicants, canMessage }: { jobId: string; applicants: Applicant[]; canMessage: boolean }) {
  if (applicants.length === 0) return <p className="empty">Henüz başvuru yok.</p>;
  return (
    <ul className="list">
      {applicants.map((a) => {
        const { lawyer } = a;
        const shownName = lawyer.anonymous ? lawyer.initials : lawyer.fullName;
        return (
          <li key={a.applicationId} className="applicant" data-testid="applicant" data-anonymous={lawyer.anonymous ? "1" : undefined}>
            <div className="row">
              <Avatar name={shownName} path={lawyer.anonymous ? null : lawyer.avatarPath} size={40} />
              <div>
                {lawyer.anonymous ? <strong data-testid="applicant-initials">{lawyer.initials}</strong> : <Link href={`/avukat/${lawyer.id}`}>{lawyer.fullName}</Link>}{" "}
                {lawyer.verification === "VERIFIED" && <span className="badge badge-success">Doğrulanmış</span>}
                <div className="small muted">
                  {lawyer.barName} · <Rating average={lawyer.ratingAverage} count={lawyer.ratingCount} /> · {lawyer.completedJobCount} tamamlanan iş
                  {lawyer.cancelledAssignCount > 0 && <> · {lawyer.cancelledAssignCount} iptal</>}
                </div>
              </div>
              <span className="spacer" />
              <span className="badge">{applicationStatusLabels[a.status]}</span>
            </div>
            <p style={{ margin: "0.5rem 0" }}>{a.note}</p>
            <div className="row">
              <span className="small">Önerilen ücret: <strong>{a.proposedFeeKurus ? formatKurus(a.proposedFeeKurus) : "İlandaki ücret"}</strong></span>
              <span className="spacer" />
              {canMessage && !lawyer.anonymous && <StartConversationButton peerId={lawyer.id} jobId={jobId} />}
              {a.status === "PENDING" && <AcceptForm applicationId={a.applicationId} name={shownName} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
