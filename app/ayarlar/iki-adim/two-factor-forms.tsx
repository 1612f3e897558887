"use client";

import { useState, useTransition } from "react";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/lib/actions/server-action";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/app/ayarlar/iki-adim/actions";

type Enrolment = { qrSvg: string; manualKey: string };

/** Turn on: show a QR code for the app, confirm with the code it computes, then show the recovery codes once. */
export function EnrolTwoFactor() {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [startResult, setStartResult] = useState<ActionResult<Enrolment> | null>(null);
  const [starting, startTransition] = useTransition();
  const [state, formAction] = useFormAction(confirmTwoFactorAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);

  if (state.result?.ok) return <RecoveryCodes codes={state.result.data.recoveryCodes} />;
  if (!enrolment) {
    return (
      <div className="stack">
        <p><span className="badge">Kapalı</span></p>
        <FormMessage result={startResult} />
        <button
          type="button"
          className="button button-primary"
          disabled={starting}
          aria-busy={starting}
          onClick={() =>
            startTransition(async () => {
              const result = await startTwoFactorAction();
              setStartResult(result);
              if (result.ok) setEnrolment(result.data);
            })
          }
        >
          {starting ? "Hazırlanıyor…" : "İki adımlı doğrulamayı aç"}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>1. Uygulamanızda “hesap ekle”yi seçip bu QR kodunu okutun:</p>
      {/* the SVG is made on our server from our own otpauth:// address (the qrcode package), never from input */}
      <div className="qr-code" role="img" aria-label="İki adımlı doğrulama QR kodu" dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
      <p className="small">
        QR kodu okutamıyorsanız bu anahtarı elle girin: <code className="break-anywhere" data-testid="totp-manual-key">{enrolment.manualKey}</code>
      </p>
      <form action={formAction} noValidate ref={form}>
        <p>2. Uygulamanın gösterdiği 6 haneli kodu girin:</p>
        <FormMessage result={state.result} />
        <FormField name="code" label="Doğrulama kodu" autoComplete="one-time-code" inputMode="numeric" required errors={errors} />
        <SubmitButton pendingText="Doğrulanıyor…">Doğrula ve aç</SubmitButton>
      </form>
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="stack" data-testid="recovery-codes">
      <p className="banner banner-success" role="status">İki adımlı doğrulama açıldı.</p>
      <p>
        <strong>Kurtarma kodlarınız</strong> — telefonunuza erişemezseniz her biri bir kez girişte kullanılabilir. Şimdi güvenli bir yere kaydedin:
        bir daha gösterilmeyecek.
      </p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}><code>{code}</code></li>
        ))}
      </ul>
      <a className="button button-secondary" href="/ayarlar/iki-adim">Tamam, kaydettim</a>
    </div>
  );
}

export function DisableTwoFactorForm() {
  const [state, formAction] = useFormAction(disableTwoFactorAction);
  const errors = fieldErrorsOf(state.result);
  const form = useFocusFirstError(state.result);
  if (state.result?.ok) return <p className="banner banner-success" role="status">İki adımlı doğrulama kapatıldı.</p>;
  return (
    <form action={formAction} noValidate ref={form}>
      <FormMessage result={state.result} />
      <FormField name="code" label="Kapatmak için güncel kod ya da bir kurtarma kodu" autoComplete="one-time-code" required errors={errors} />
      <SubmitButton className="button button-danger" pendingText="Kapatılıyor…">İki adımlı doğrulamayı kapat</SubmitButton>
    </form>
  );
}
