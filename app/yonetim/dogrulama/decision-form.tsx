"use client";

import { useActionState } from "react";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { decideVerificationAction } from "@/app/yonetim/dogrulama/actions";

export function DecisionForm({ userId, canVerify }: { userId: string; canVerify: boolean }) {
  const [result, action] = useActionState((_: unknown, formData: FormData) => decideVerificationAction(formData), null);
  const errors = fieldErrorsOf(result);
  return (
    <div className="stack">
      <FormMessage result={result} />
      {canVerify ? (
        <form action={action}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="decision" value="VERIFY" />
          <SubmitButton pendingText="Onaylanıyor…" data-testid="verify-lawyer">Doğrula</SubmitButton>
        </form>
      ) : (
        <p className="small muted">E-posta adresi onaylanınca doğrulanabilir.</p>
      )}
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="decision" value="REJECT" />
        <FormField name="reason" label="Ret gerekçesi" errors={errors} id={`field-reason-${userId}`} />
        <SubmitButton className="button button-danger button-block" pendingText="Reddediliyor…">Reddet</SubmitButton>
      </form>
    </div>
  );
}
