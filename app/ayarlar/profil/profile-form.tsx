"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { updateProfileAction } from "@/app/ayarlar/profil/actions";

export type ProfileValues = { title: string; phone: string; bio: string; specialities: string; showPhone: boolean; showEmail: boolean };

export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const [state, action] = useFormAction(updateProfileAction);
  const errors = fieldErrorsOf(state.result);
  const v = state.result && !state.result.ok ? state.values : null;
  const checked = (name: "showPhone" | "showEmail") => (v ? v[name] === "on" : initial[name]);
  return (
    <form action={action} noValidate>
      <FormMessage result={state.result} success="Profiliniz güncellendi." />
      <FormField name="title" label="Unvan" errors={errors}>
        <select id="field-title" name="title" defaultValue={v?.title ?? initial.title} key={`t-${v?.title}`}>
          <option value="AVUKAT">Avukat</option>
          <option value="STAJYER">Stajyer avukat</option>
        </select>
      </FormField>
      <FormField name="phone" label="Telefon" type="tel" autoComplete="tel" errors={errors} defaultValue={v?.phone ?? initial.phone} key={`p-${v?.phone}`} />
      <FormField name="specialities" label="Uzmanlık alanları" errors={errors} defaultValue={v?.specialities ?? initial.specialities} key={`s-${v?.specialities}`} hint="Virgülle ayırın: İş Hukuku, İcra" />
      <FormField name="bio" label="Hakkımda" errors={errors}>
        <textarea id="field-bio" name="bio" rows={4} maxLength={1500} defaultValue={v?.bio ?? initial.bio} key={`b-${v?.bio}`} />
      </FormField>
      <div className="field checkbox">
        <input id="field-showPhone" type="checkbox" name="showPhone" defaultChecked={checked("showPhone")} key={`sp-${v?.showPhone}`} />
        <label htmlFor="field-showPhone">Telefonumu profilimde ve görevlendirdiğim / beni görevlendiren avukata göster</label>
      </div>
      <div className="field checkbox">
        <input id="field-showEmail" type="checkbox" name="showEmail" defaultChecked={checked("showEmail")} key={`se-${v?.showEmail}`} />
        <label htmlFor="field-showEmail">E-posta adresimi göster</label>
      </div>
      <SubmitButton pendingText="Kaydediliyor…">Kaydet</SubmitButton>
    </form>
  );
}
