"use client";

import { useViewer } from "@/components/viewer/viewer-provider";

export function VerificationBanner() {
  const viewer = useViewer();
  if (!viewer || viewer.verification === "VERIFIED") return null;
  const rejected = viewer.verification === "REJECTED";
  return (
    <div className={`banner ${rejected ? "banner-error" : "banner-warning"}`} role="status" data-testid="verification-banner">
      {rejected
        ? "Hesap doğrulamanız reddedildi. Ayrıntılar için ayarlar sayfanıza bakın; bilgilerinizi düzeltip destekle iletişime geçebilirsiniz."
        : "Hesabınız doğrulama bekliyor. Baro kaydınız bir yönetici tarafından onaylanınca ilan verebilir, başvurabilir ve mesajlaşabilirsiniz. Bu sırada ilanlara göz atabilirsiniz."}
    </div>
  );
}
