import type { Metadata } from "next";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { placeOptionsFor } from "@/lib/jobs/reference-places";
import { JobForm } from "@/components/jobs/job-form";
import { createJobAction } from "@/app/ilanlar/actions";

export const metadata: Metadata = { title: "İlan ver" };

export default async function NewJobPage() {
  const session = await requirePageSession("/ilanlar/yeni");
  if (!session.user.verified) {
    return <div className="banner banner-warning" role="status">İlan vermek için hesabınızın doğrulanması gerekiyor.</div>;
  }
  return (
    <div className="narrow-form">
      <h1>Tevkil ilanı ver</h1>
      <div className="card">
        <JobForm action={createJobAction} places={await placeOptionsFor()} submitLabel="İlanı yayınla" />
      </div>
    </div>
  );
}
