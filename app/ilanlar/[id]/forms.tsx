"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import {
  acceptAction,
  applyAction,
  cancelAssignmentAction,
  cancelJobAction,
  favoriteAction,
  reviewAction,
  withdrawAction,
} from "@/app/ilanlar/actions";

// The job page's forms. Each posts to its server action and shows the field errors it returns.

export function ApplyForm({ jobId }: { jobId: string }) {
  const [state, action] = useFormAction(applyAction);
  const errors = fieldErrorsOf(state.result);
  return (
    <form action={action} noValidate data-testid="apply-form">
      <FormMessage result={state.result} success="Başvurunuz iletildi." />
      <input type="hidden" name="jobId" value={jobId} />
      <FormField name="note" label="Notunuz" errors={errors}>
        <textarea id="field-note" name="note" rows={4} maxLength={2000} defaultValue={state.values.note} key={`n-${state.values.note}`} aria-invalid={errors?.note ? true : undefined} />
      </FormField>
      <FormField name="proposedFee" label="Önerdiğiniz ücret (TL, isteğe bağlı)" inputMode="decimal" errors={errors} defaultValue={state.values.proposedFee} key={`f-${state.values.proposedFee}`} />
      <SubmitButton pendingText="Gönderiliyor…">Başvur</SubmitButton>
    </form>
  );
}

export function WithdrawForm({ jobId, applicationId }: { jobId: string; applicationId: string }) {
  const [state, action] = useFormAction(withdrawAction);
  return (
    <form action={action}>
      <FormMessage result={state.result} />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton className="button button-danger" pendingText="Geri çekiliyor…">Başvuruyu geri çek</SubmitButton>
    </form>
  );
}

export function AcceptForm({ applicationId, name }: { applicationId: string; name: string }) {
  const [state, action] = useFormAction(acceptAction);
  return (
    <form action={action}>
      <FormMessage result={state.result} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton className="button button-primary" pendingText="Kabul ediliyor…" data-testid="accept-application" aria-label={`${name} başvurusunu kabul et`}>
        Kabul et
      </SubmitButton>
    </form>
  );
}

function ReasonForm({ jobId, action, label, button, pending }: {
  jobId: string;
  action: typeof cancelJobAction;
  label: string;
  button: string;
  pending: string;
}) {
  const [state, formAction] = useFormAction(action);
  const errors = fieldErrorsOf(state.result);
  return (
    <details className="danger-zone">
      <summary>{button}</summary>
      <form action={formAction} noValidate>
        <FormMessage result={state.result} />
        <input type="hidden" name="jobId" value={jobId} />
        <FormField name="reason" label={label} errors={errors} defaultValue={state.values.reason} key={`r-${state.values.reason}`} />
        <SubmitButton className="button button-danger" pendingText={pending}>{button}</SubmitButton>
      </form>
    </details>
  );
}

export const CancelJobForm = ({ jobId }: { jobId: string }) => (
  <ReasonForm jobId={jobId} action={cancelJobAction} label="İptal gerekçesi" button="İlanı iptal et" pending="İptal ediliyor…" />
);

export const CancelAssignmentForm = ({ jobId }: { jobId: string }) => (
  <ReasonForm jobId={jobId} action={cancelAssignmentAction} label="Görevlendirmeyi iptal gerekçesi" button="Görevlendirmeyi iptal et" pending="İptal ediliyor…" />
);

const scoreFields = [
  ["overall", "Genel puan"],
  ["professionalism", "Profesyonellik"],
  ["communication", "İletişim"],
  ["punctuality", "Dakiklik"],
] as const;

export function ReviewForm({ jobId, subjectName }: { jobId: string; subjectName: string }) {
  const [state, action] = useFormAction(reviewAction);
  const errors = fieldErrorsOf(state.result);
  return (
    <form action={action} noValidate data-testid="review-form">
      <FormMessage result={state.result} success="Değerlendirmeniz kaydedildi." />
      <p className="small muted">{subjectName} ile çalışmanızı değerlendirin (1 en düşük, 5 en yüksek).</p>
      <input type="hidden" name="jobId" value={jobId} />
      <div className="grid-2">
        {scoreFields.map(([name, label]) => (
          <FormField key={name} name={name} label={label} errors={errors}>
            <select id={`field-${name}`} name={name} defaultValue={state.values[name] ?? "5"}>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </FormField>
        ))}
      </div>
      <FormField name="comment" label="Yorum (isteğe bağlı)" errors={errors}>
        <textarea id="field-comment" name="comment" rows={3} maxLength={1000} defaultValue={state.values.comment} key={`c-${state.values.comment}`} />
      </FormField>
      <SubmitButton pendingText="Kaydediliyor…">Değerlendirmeyi gönder</SubmitButton>
    </form>
  );
}

export function FavoriteForm({ jobId, saved }: { jobId: string; saved: boolean }) {
  const [state, action] = useFormAction(favoriteAction);
  return (
    <form action={action}>
      <FormMessage result={state.result} />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="save" value={saved ? "0" : "1"} />
      <SubmitButton className="button button-secondary" pendingText="…" data-testid="favorite-toggle" aria-pressed={saved}>
        {saved ? "★ Kaydedildi" : "☆ Kaydet"}
      </SubmitButton>
    </form>
  );
}
