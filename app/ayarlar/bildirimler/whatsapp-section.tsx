"use client";

import { FormField } from "@/components/form-field";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { confirmWhatsAppCodeAction, requestWhatsAppCodeAction } from "@/app/ayarlar/bildirimler/actions";

/** +905321234567 → +90 532 123 45 67 */
function displayPhone(phone: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+90 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** stoppedAt: when the number wrote DUR, already formatted for display */
type Props = { configured: boolean; number: string | null; verified: boolean; stoppedAt: string | null };

/** Number → "Kod gönder" → 6-digit code → verified. WhatsApp messages go only to a verified number. */
export function WhatsAppSection({ configured, number, verified, stoppedAt }: Props) {
  const [requestState, requestCode] = useFormAction(requestWhatsAppCodeAction);
  const [confirmState, confirmCode] = useFormAction(confirmWhatsAppCodeAction);

  const status = (
    <p data-testid="whatsapp-status">
      {number ? (
        <>
          Kayıtlı numara: <strong>{displayPhone(number)}</strong>{" "}
          {verified ? <span className="badge badge-success">Doğrulandı</span> : <span className="badge">Doğrulanmadı</span>}
        </>
      ) : (
        "Kayıtlı WhatsApp numaranız yok."
      )}
    </p>
  );
  const stopped = stoppedAt && (
    <div className="banner" role="status" data-testid="whatsapp-stopped">
      {stoppedAt} tarihinde bu numaradan DUR yazdınız: Tevkil size WhatsApp&apos;tan hiçbir mesaj göndermiyor ve WhatsApp
      bildirimleri kapatıldı. Yeniden başlatmak için WhatsApp&apos;tan BAŞLA yazın ya da yukarıda bir WhatsApp kutusunu
      işaretleyip kaydedin.
    </div>
  );

  if (!configured) {
    return (
      <>
        {status}
        {stopped}
        <p className="muted small">WhatsApp bildirimleri bu sunucuda yapılandırılmamış; numara doğrulaması şu an yapılamıyor.</p>
      </>
    );
  }

  const sent = requestState.result?.ok ? requestState.result.data.phone : null;
  return (
    <div className="stack">
      {status}
      {stopped}
      <form action={requestCode}>
        <FormField
          name="phone"
          label={verified ? "Yeni WhatsApp numarası" : "WhatsApp numarası"}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="0532 123 45 67"
          required
          defaultValue={requestState.values.phone ?? ""}
          errors={fieldErrorsOf(requestState.result)}
        />
        <FormMessage
          result={requestState.result}
          success={sent ? `Doğrulama kodu WhatsApp ile ${displayPhone(sent)} numarasına gönderiliyor. Kod 10 dakika geçerlidir.` : undefined}
        />
        <SubmitButton className="button button-secondary" pendingText="Gönderiliyor…">Kod gönder</SubmitButton>
      </form>
      {number && !verified && (
        <form action={confirmCode}>
          <FormField
            name="code"
            label="Doğrulama kodu"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            required
            hint="WhatsApp ile gelen 6 haneli kod"
            errors={fieldErrorsOf(confirmState.result)}
          />
          <FormMessage result={confirmState.result} />
          <SubmitButton className="button button-primary" pendingText="Doğrulanıyor…">Doğrula</SubmitButton>
        </form>
      )}
      {confirmState.result?.ok && verified && (
        <div className="banner banner-success" role="status">WhatsApp numaranız doğrulandı.</div>
      )}
    </div>
  );
}
