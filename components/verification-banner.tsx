"use client";

import Link from "next/link";
import { EmailConfirmationBanner } from "@/components/email-confirmation-banner";
import { useViewer } from "@/components/viewer/viewer-provider";

export function VerificationBanner() {
  const viewer = useViewer();
  if (!viewer) return null;
  if (!viewer.emailConfirmed) return <EmailConfirmationBanner viewer={viewer} />;
  if (viewer.verification === "VERIFIED") return null;
  const rejected = viewer.verification === "REJECTED";
  return (
    <div className={`banner ${rejected ? "banner-error" : "banner-warning"}`} role="status" data-testid="verification-banner">
      {rejected
        ? <>Hesap doğrulamanız reddedildi. <Link href="/ayarlar#dogrulama">Gerekçeyi görün, bilgilerinizi düzeltip yeniden gönderin.</Link></>
        : "Hesabınız doğrulama bekliyor. Baro kaydınız bir yönetici tarafından onaylanınca ilan verebilir, başvurabilir ve mesajlaşabilirsiniz. Bu sırada ilanlara göz atabilirsiniz."}
    </div>
  );
}
