import Link from "next/link";
import { jobFairDealingState } from "@/lib/fair-dealing/job-fair-dealing-state";
import { NoShowForm, OpenDisputeForm } from "@/app/ilanlar/[id]/fair-dealing-forms";

/**
 * For the two parties of an ASSIGNED or DONE job: the dispute desk (open one, or follow the one open) and, for the
 * poster once the job's time has passed, "Gelmedi / işi yapmadı". Rendered inside the party's own copy of the page.
 */
export async function FairDealingSection({ job, viewerRole }: { job: { id: string; status: string; scheduledAt: Date }; viewerRole: "POSTER" | "ASSIGNEE" }) {
  if (job.status !== "ASSIGNED" && job.status !== "DONE") return null;
  const { disputes, noShowReported, canReportNoShow } = await jobFairDealingState(job, viewerRole);
  const open = disputes.find((d) => d.status === "OPEN");
  return (
    <div className="stack" data-testid="fair-dealing">
      {noShowReported && <p className="banner banner-warning small">İlan sahibi bu iş için &quot;gelmedi / işi yapmadı&quot; bildirimi yaptı.</p>}
      {canReportNoShow && <NoShowForm jobId={job.id} />}
      {disputes.map((d) => (
        <p key={d.id} className="small" style={{ margin: 0 }}>
          <Link href={`/uyusmazlik/${d.id}`} data-testid="dispute-link">
            {d.status === "OPEN" ? "Açık uyuşmazlık: Uyuşmazlık Masası'nda görüntüle" : "Karara bağlanmış uyuşmazlık"}
          </Link>
        </p>
      ))}
      {!open && <OpenDisputeForm jobId={job.id} />}
    </div>
  );
}
