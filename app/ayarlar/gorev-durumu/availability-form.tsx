"use client";

import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import type { Availability } from "@/lib/availability/availability-rules";
import type { FollowedCourthouse } from "@/lib/availability/followed-courthouses";
import type { TaskType } from "@/lib/generated/prisma/enums";
import { updateAvailabilityAction } from "@/app/ayarlar/gorev-durumu/actions";

type Props = { availability: Availability; courthouses: FollowedCourthouse[]; taskTypes: { value: TaskType; label: string }[] };

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.[0] ? <p className="field-error" role="alert" id={id}>{errors[0]}</p> : null;
}

/** "Görev alıyorum", the courthouses and task types taken, and the name shown when checked in. One save button. */
export function AvailabilityForm({ availability, courthouses, taskTypes }: Props) {
  const [state, action] = useFormAction(updateAvailabilityAction);
  const errors = fieldErrorsOf(state.result);
  // after a submit React resets the form to its defaults, so the defaults follow what was submitted
  const saved = state.result?.ok ? state.result.data : availability;
  const submitted = state.result && !state.result.ok ? state.values : null;
  const courthouseOn = (id: number) => (submitted ? submitted[`courthouse-${id}`] === "on" : saved.courthouseIds.length === 0 || saved.courthouseIds.includes(id));
  const typeOn = (t: TaskType) => (submitted ? submitted[`type-${t}`] === "on" : saved.taskTypes.length === 0 || saved.taskTypes.includes(t));
  const key = JSON.stringify(state.result ?? null);
  return (
    <form
      action={(formData) => {
        // checkboxes named per item keep their state in `values`; the action reads the lists
        for (const c of courthouses) if (formData.get(`courthouse-${c.id}`) === "on") formData.append("courthouseIds", String(c.id));
        for (const t of taskTypes) if (formData.get(`type-${t.value}`) === "on") formData.append("taskTypes", t.value);
        return action(formData);
      }}
      key={key}
      data-testid="availability-form"
    >
      <FormMessage result={state.result} success="Görev durumunuz kaydedildi." />
      <div className="field checkbox">
        <input id="availability-accepting" type="checkbox" name="accepting" defaultChecked={submitted ? submitted.accepting === "on" : saved.accepting} />
        <label htmlFor="availability-accepting">Görev alıyorum (kapalıyken yeni ilan bildirimi almazsınız)</label>
      </div>
      <fieldset className="choice-group" aria-describedby={errors?.courthouseIds ? "availability-courthouses-error" : undefined}>
        <legend>Görev aldığım adliyeler</legend>
        {courthouses.length === 0 ? (
          <p className="small muted">Henüz bir adliye takip etmiyorsunuz; önce takip listenize ekleyin.</p>
        ) : (
          <>
            <p className="small muted">Hepsi seçiliyken sonradan takip ettiğiniz adliyeler de dahil olur.</p>
            {courthouses.map((c) => (
              <div className="field checkbox" key={c.id}>
                <input id={`availability-courthouse-${c.id}`} type="checkbox" name={`courthouse-${c.id}`} defaultChecked={courthouseOn(c.id)} />
                <label htmlFor={`availability-courthouse-${c.id}`}>{c.name} ({c.provinceName})</label>
              </div>
            ))}
          </>
        )}
        <FieldErrors id="availability-courthouses-error" errors={errors?.courthouseIds} />
      </fieldset>
      <fieldset className="choice-group" aria-describedby={errors?.taskTypes ? "availability-types-error" : undefined}>
        <legend>Aldığım görev türleri</legend>
        {taskTypes.map((t) => (
          <div className="field checkbox" key={t.value}>
            <input id={`availability-type-${t.value}`} type="checkbox" name={`type-${t.value}`} defaultChecked={typeOn(t.value)} />
            <label htmlFor={`availability-type-${t.value}`}>{t.label}</label>
          </div>
        ))}
        <FieldErrors id="availability-types-error" errors={errors?.taskTypes} />
      </fieldset>
      <div className="field checkbox">
        <input id="availability-showCheckIn" type="checkbox" name="showCheckIn" defaultChecked={submitted ? submitted.showCheckIn === "on" : saved.showCheckIn} />
        <label htmlFor="availability-showCheckIn">&quot;Adliyedeyim&quot; dediğimde adımı meslektaşlarıma göster (kapalıyken yalnızca sayılırsınız)</label>
      </div>
      <SubmitButton pendingText="Kaydediliyor…">Kaydet</SubmitButton>
    </form>
  );
}
