"use client";

import Link from "next/link";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import { registerAction } from "@/app/kayit/actions";

type Option = { value: string; label: string };

export function RegisterForm({ provinces, bars }: { provinces: Option[]; bars: string[] }) {
  const [state, formAction] = useFormAction(registerAction);
  const errors = fieldErrorsOf(state.result);
  const v = state.values;
  const invalid = (name: string) => (errors?.[name]?.length ? true : undefined);
  const form = useFocusFirstError(state.result);
  return (
    <form action={formAction} noValidate ref={form}>
      <FormMessage result={state.result} />
      <FormField name="fullName" label="Ad soyad" autoComplete="name" required errors={errors} defaultValue={v.fullName} />
      <FormField name="email" label="E-posta" type="email" autoComplete="email" inputMode="email" required errors={errors} defaultValue={v.email} />
      <FormField name="password" label="Şifre" type="password" autoComplete="new-password" minLength={10} required errors={errors} hint="En az 10 karakter, en az 5 farklı harf, rakam veya işaret." />
      <FormField name="title" label="Unvan" errors={errors}>
        <select id="field-title" name="title" defaultValue={v.title ?? "AVUKAT"} aria-invalid={invalid("title")} key={`title-${v.title}`}>
          <option value="AVUKAT">Avukat</option>
          <option value="STAJYER">Stajyer avukat</option>
        </select>
      </FormField>
      <FormField name="provinceId" label="Çalıştığınız il" errors={errors}>
        <select id="field-provinceId" name="provinceId" defaultValue={v.provinceId ?? ""} aria-invalid={invalid("provinceId")} key={`p-${v.provinceId}`} required>
          <option value="" disabled>İl seçin</option>
          {provinces.map((p) => (
            <option key={p.value} value={p.value}>{p.label}</option>
          ))}
        </select>
      </FormField>
      <FormField name="barName" label="Kayıtlı olduğunuz baro" errors={errors}>
        <select id="field-barName" name="barName" defaultValue={v.barName ?? ""} aria-invalid={invalid("barName")} key={`b-${v.barName}`} required>
          <option value="" disabled>Baro seçin</option>
          {bars.map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </FormField>
      <FormField name="barNumber" label="Baro sicil numarası" inputMode="numeric" required errors={errors} defaultValue={v.barNumber} />
      <div className="field checkbox">
        <input id="field-kvkkConsent" type="checkbox" name="kvkkConsent" aria-invalid={invalid("kvkkConsent")} defaultChecked={v.kvkkConsent === "on"} />
        <label htmlFor="field-kvkkConsent">
          <Link href="/kvkk" target="_blank">KVKK aydınlatma metnini</Link> okudum; kişisel verilerimin üyelik ve görev eşleştirmesi için işlenmesini kabul ediyorum.
        </label>
      </div>
      {errors?.kvkkConsent?.length ? <p className="field-error" role="alert" style={{ marginTop: "-0.5rem", marginBottom: "0.9rem" }}>{errors.kvkkConsent[0]}</p> : null}
      <SubmitButton pendingText="Hesap oluşturuluyor…">Kayıt ol</SubmitButton>
    </form>
  );
}
