"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/form-message";
import type { ActionResult } from "@/lib/actions/server-action";
import { finishPasskeyLoginAction, startPasskeyLoginAction } from "@/app/giris/passkey-actions";

const BROWSER_REFUSED = "Geçiş anahtarıyla giriş yapılmadı: işlem iptal edildi ya da bu cihazda bu site için anahtar yok.";

/** "Geçiş anahtarıyla giriş yap": no e-mail or password; the device offers this site's keys. */
export function PasskeyLogin({ next }: { next?: string }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [busy, startTransition] = useTransition();
  const logIn = () =>
    startTransition(async () => {
      const started = await startPasskeyLoginAction();
      if (!started.ok) return setResult(started);
      let response;
      try {
        response = await startAuthentication(started.data.options);
      } catch {
        return setResult({ ok: false, error: { code: "VALIDATION", message: BROWSER_REFUSED } });
      }
      // on success the action redirects; only a failure comes back
      setResult(await finishPasskeyLoginAction({ challengeId: started.data.challengeId, response, next: next ?? "" }));
    });
  return (
    <div className="stack" style={{ marginTop: "1rem" }}>
      <FormMessage result={result} />
      <button type="button" className="button button-secondary button-block" onClick={logIn} disabled={busy} aria-busy={busy}>
        {busy ? "Bekleniyor…" : "Geçiş anahtarıyla giriş yap"}
      </button>
    </div>
  );
}
