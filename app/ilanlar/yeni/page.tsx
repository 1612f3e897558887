import type { Metadata } from "next";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { AppError } from "@/lib/errors";
import { getFollowUpPrefill } from "@/lib/jobs/get-follow-up-prefill";
import { placeOptionsFor } from "@/lib/jobs/reference-places";
import { looksLikeRecordId } from "@/lib/validation";
import { JobForm } from "@/components/jobs/job-form";
import { createJobAction } from "@/app/ilanlar/actions";

export const metadata: Metadata = { title: "İlan ver" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<{ sonraki?: string }> }) {
  const { sonraki } = await searchParams;
  const session = await requirePageSession(sonraki ? `/ilanlar/yeni?sonraki=${encodeURIComponent(sonraki)}` : "/ilanlar/yeni");
  if (!session.user.verified) {
    return <div className="banner banner-warning" role="status">İlan vermek için hesabınızın doğrulanması gerekiyor.</div>;
  }
  // "Sonraki duruşma için tevkil ver" on a done hearing: the form starts from that job (refused unless it is the viewer's)
  let initial: Record<string, string> | undefined;
  let refusal: string | null = null;
  if (sonraki !== undefined) {
    try {
      if (!looksLikeRecordId(sonraki)) throw new AppError("NOT_FOUND", "İlan bulunamadı.");
      initial = await getFollowUpPrefill(actorFromSession(session), sonraki);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal = error.message;
    }
  }
  return (
    <div className="narrow-form">
      <h1>{initial ? "Sonraki duruşma için tevkil ver" : "Tevkil ilanı ver"}</h1>
      {initial && <p className="banner banner-success small" role="status" data-testid="follow-up-notice">Bilgiler önceki tevkilden dolduruldu; kontrol edip yayınlayın.</p>}
      {refusal && <p className="banner banner-warning small" role="status">{refusal}</p>}
      <div className="card">
        <JobForm action={createJobAction} places={await placeOptionsFor()} initial={initial} submitLabel="İlanı yayınla" />
      </div>
    </div>
  );
}
