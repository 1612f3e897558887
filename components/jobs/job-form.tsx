"use client";

import { useState } from "react";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { PlaceSelect } from "@/components/jobs/place-select";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/lib/actions/server-action";
import type { TaskType, Urgency } from "@/lib/generated/prisma/enums";
import { feeGuidanceFor, minimumAboveFee } from "@/lib/jobs/fee-guidance";
import { lawAreas, taskTypeLabels, taskTypes, urgencies, urgencyLabels } from "@/lib/jobs/labels";
import { formatKurus, parseTurkishLira } from "@/lib/jobs/money";
import type { PlaceOptions } from "@/lib/jobs/reference-places";
import { DEFAULT_RESPONSE_WINDOW_MINUTES, hasResponseWindow, responseWindowChoices } from "@/lib/jobs/response-window-choices";

type Props = {
  action: (formData: FormData) => Promise<ActionResult<unknown>>;
  places: PlaceOptions;
  /** an existing job's values (edit), as the inputs take them */
  initial?: Record<string, string>;
  submitLabel: string;
};

/** The post / edit form of a tevkil, with the AAÜT minimum for the chosen task type. */
export function JobForm({ action, places, initial = {}, submitLabel }: Props) {
  const [state, formAction] = useFormAction(action);
  const errors = fieldErrorsOf(state.result);
  const v = { ...initial, ...state.values };
  const [taskType, setTaskType] = useState<TaskType>((v.taskType as TaskType) ?? "DURUSMA");
  const [urgency, setUrgency] = useState<Urgency>((v.urgency as Urgency) ?? "NORMAL");
  // React resets the form after a submit: a failed one comes back with what was sent, the task type included
  const [sentValues, setSentValues] = useState(state.values);
  if (sentValues !== state.values) {
    setSentValues(state.values);
    if (state.values.taskType) setTaskType(state.values.taskType as TaskType);
    if (state.values.urgency) setUrgency(state.values.urgency as Urgency);
  }
  const form = useFocusFirstError(state.result);
  const guidance = feeGuidanceFor(taskType);
  const [feeText, setFeeText] = useState(v.fee ?? "");
  const editing = Boolean(initial.jobId);
  const underMinimum = minimumAboveFee(taskType, parseTurkishLira(feeText));
  const invalid = (name: string) => (errors?.[name]?.length ? true : undefined);
  return (
    <form action={formAction} noValidate className="job-form" ref={form}>
      <FormMessage result={state.result} />
      {initial.jobId && <input type="hidden" name="jobId" value={initial.jobId} />}
      <FormField name="taskType" label="Görev türü" errors={errors}>
        <select
          id="field-taskType"
          name="taskType"
          defaultValue={taskType}
          key={`tt-${v.taskType}`}
          onChange={(e) => setTaskType(e.target.value as TaskType)}
          aria-invalid={invalid("taskType")}
        >
          {taskTypes.map((t) => (
            <option key={t} value={t}>{taskTypeLabels[t]}</option>
          ))}
        </select>
      </FormField>
      <FormField name="lawArea" label="Hukuk alanı" list="law-areas" required errors={errors} defaultValue={v.lawArea} key={`la-${v.lawArea}`} />
      <datalist id="law-areas">
        {lawAreas.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <FormField name="title" label="Başlık" required maxLength={120} errors={errors} defaultValue={v.title} key={`t-${v.title}`} hint="Örn. Ankara Batı'da iş davası duruşması" />
      <PlaceSelect places={places} defaultProvinceId={v.provinceId} defaultCourthouseId={v.courthouseId} errors={errors} key={`p-${v.provinceId}-${v.courthouseId}`} />
      <FormField name="court" label="Mahkeme / daire (isteğe bağlı)" maxLength={160} errors={errors} defaultValue={v.court} key={`c-${v.court}`} />
      <FormField
        name="fileNumber"
        label="Dosya numarası (isteğe bağlı)"
        maxLength={60}
        errors={errors}
        defaultValue={v.fileNumber}
        key={`f-${v.fileNumber}`}
        hint="Yalnızca görevlendirdiğiniz avukata gösterilir."
      />
      <div className="grid-2">
        <FormField name="scheduledAt" label="Görev tarihi ve saati" type="datetime-local" required errors={errors} defaultValue={v.scheduledAt} key={`s-${v.scheduledAt}`} />
        <FormField name="deadlineAt" label="Son başvuru tarihi" type="datetime-local" required errors={errors} defaultValue={v.deadlineAt} key={`d-${v.deadlineAt}`} />
      </div>
      <FormField
        name="fee"
        label="Ücret (TL)"
        inputMode="decimal"
        required
        errors={errors}
        defaultValue={v.fee}
        key={`fee-${v.fee}`}
        onChange={(e) => setFeeText(e.target.value)}
        hint={
          guidance ? (
            <span data-testid="fee-guidance">
              {guidance.edition}:{" "}
              {guidance.lines.map((l) => `${l.label} en az ${formatKurus(l.minimumKurus)}`).join("; ")}
            </span>
          ) : (
            "Örn. 1.500 veya 1.500,50. AAÜT'de bu görev türü için tek bir asgari tutar yok; ücreti tarifeye uygun belirleyin."
          )
        }
      />
      {underMinimum && (
        // a warning, not a refusal: the poster may share a fee agreed elsewhere, but should know what the tariff says
        <p className="banner banner-warning small" role="status" data-testid="fee-below-minimum">
          Bu ücret {guidance?.edition} uyarınca en az {formatKurus(underMinimum.minimumKurus)} olan tutarın altında ({underMinimum.label}).
          Tarifenin altında ücret kararlaştırılamaz (AAÜT m. 1/3); yine de yayınlayabilirsiniz.
        </p>
      )}
      <FormField name="urgency" label="Aciliyet" errors={errors}>
        <select id="field-urgency" name="urgency" defaultValue={v.urgency ?? "NORMAL"} key={`u-${v.urgency}`} onChange={(e) => setUrgency(e.target.value as Urgency)}>
          {urgencies.map((u) => (
            <option key={u} value={u}>{urgencyLabels[u]}</option>
          ))}
        </select>
      </FormField>
      {/* the window opens when the job is posted and is not moved by an edit (its notice is already queued) */}
      {!editing && hasResponseWindow(urgency) && (
        <FormField
          name="responseWindowMinutes"
          label="Başvuru penceresi"
          errors={errors}
          hint="Başvurular bu süre boyunca toplanır, sonunda size haber verilir; sonra gelen başvurular da kabul edilir."
        >
          <select id="field-responseWindowMinutes" name="responseWindowMinutes" defaultValue={v.responseWindowMinutes ?? String(DEFAULT_RESPONSE_WINDOW_MINUTES)} key={`w-${v.responseWindowMinutes}`}>
            {responseWindowChoices.map((m) => (
              <option key={m} value={m}>{m} dakika</option>
            ))}
          </select>
        </FormField>
      )}
      <input type="hidden" name="anonymousApplicants" value="0" />
      <div className="field checkbox">
        <input
          id="field-anonymousApplicants"
          type="checkbox"
          name="anonymousApplicants"
          value="1"
          defaultChecked={(v.anonymousApplicants ?? "1") !== "0"}
          key={`a-${v.anonymousApplicants}`}
          aria-describedby="hint-anonymousApplicants"
        />
        <div>
          <label htmlFor="field-anonymousApplicants">Başvuranların adını görevlendirene kadar gizle</label>
          <p className="small muted" id="hint-anonymousApplicants" style={{ margin: 0 }}>
            Başvuranları baş harfleri, barosu, puanı ve tamamladığı / iptal ettiği işlerle görürsünüz; adı, sicili ve iletişim bilgileri yalnızca kabul ettiğiniz avukat için açılır.
          </p>
          {errors?.anonymousApplicants && <p className="field-error" role="alert">{errors.anonymousApplicants[0]}</p>}
        </div>
      </div>
      <FormField name="description" label="Açıklama" errors={errors}>
        <textarea id="field-description" name="description" rows={6} maxLength={4000} defaultValue={v.description} key={`desc-${v.description}`} aria-invalid={invalid("description")} />
      </FormField>
      <SubmitButton pendingText="Kaydediliyor…">{submitLabel}</SubmitButton>
    </form>
  );
}
