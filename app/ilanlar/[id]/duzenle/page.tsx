import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobForm } from "@/components/jobs/job-form";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { AppError } from "@/lib/errors";
import { getJobForEdit } from "@/lib/jobs/get-job-for-edit";
import { placeOptionsFor } from "@/lib/jobs/reference-places";
import { updateJobAction } from "@/app/ilanlar/actions";

export const metadata: Metadata = { title: "İlanı düzenle" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requirePageSession(`/ilanlar/${id}/duzenle`);
  let initial: Record<string, string>;
  try {
    initial = await getJobForEdit(actorFromSession(session), id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return <div className="banner banner-error" role="alert">{error.message}</div>;
    throw error;
  }
  return (
    <div className="narrow-form">
      <h1>İlanı düzenle</h1>
      <div className="card">
        <JobForm action={updateJobAction} places={await placeOptionsFor(initial.provinceId)} initial={initial} submitLabel="Değişiklikleri kaydet" />
      </div>
    </div>
  );
}
