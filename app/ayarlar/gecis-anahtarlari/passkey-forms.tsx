"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/lib/actions/server-action";
import { finishPasskeyRegistrationAction, removePasskeyAction, renamePasskeyAction, startPasskeyRegistrationAction } from "@/app/ayarlar/gecis-anahtarlari/actions";

// the browser's own refusals ("NotAllowedError": the lawyer closed the prompt) say nothing a person can act on
const BROWSER_REFUSED = "Geçiş anahtarı oluşturulmadı: işlem iptal edildi ya da bu cihaz desteklemiyor.";

export function AddPasskey() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [busy, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      const options = await startPasskeyRegistrationAction();
      if (!options.ok) return setResult(options);
      let response;
      try {
        response = await startRegistration(options.data);
      } catch {
        return setResult({ ok: false, error: { code: "VALIDATION", message: BROWSER_REFUSED } });
      }
      const finished = await finishPasskeyRegistrationAction({ name: name || "Geçiş anahtarı", response });
      setResult(finished);
      if (finished.ok) {
        setName("");
        router.refresh();
      }
    });
  const errors = fieldErrorsOf(result);
  return (
    <div className="stack">
      <FormMessage result={result} success="Geçiş anahtarı eklendi." />
      <FormField name="name" label="Anahtarın adı" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} errors={errors} hint="Örn. iPhone, iş bilgisayarı" />
      <button type="button" className="button button-primary" onClick={add} disabled={busy} aria-busy={busy}>
        {busy ? "Bekleniyor…" : "Geçiş anahtarı ekle"}
      </button>
    </div>
  );
}

export function PasskeyItem({ id, name, details }: { id: string; name: string; details: string }) {
  const [renameState, renameAction] = useFormAction(renamePasskeyAction);
  const [removeState, removeAction] = useFormAction(removePasskeyAction);
  return (
    <li data-testid="passkey" className="stack" style={{ padding: "0.75rem 0" }}>
      <div>
        <strong className="break-anywhere">{name}</strong>
        <div className="small muted">{details}</div>
      </div>
      <FormMessage result={renameState.result} />
      <FormMessage result={removeState.result} />
      <form action={renameAction} className="row">
        <input type="hidden" name="id" value={id} />
        <FormField name="name" label="Yeni ad" defaultValue={name} maxLength={60} id={`passkey-name-${id.slice(0, 12)}`} errors={fieldErrorsOf(renameState.result)} />
        <SubmitButton className="button button-secondary" pendingText="Kaydediliyor…">Adını değiştir</SubmitButton>
      </form>
      <form action={removeAction}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="button button-danger" pendingText="Siliniyor…">Sil</SubmitButton>
      </form>
    </li>
  );
}
