import { getCurrentSession } from "@/lib/auth/current-user";

export async function VerificationBanner() {
  const session = await getCurrentSession();
  if (!session || session.user.verified) return null;
  const rejected = session.user.verification === "REJECTED";
  return (
    <div className={`banner ${rejected ? "banner-error" : "banner-warning"}`} role="status" data-testid="verification-banner">
      {rejected
        ? "Hesap doğrulamanız reddedildi. Ayrıntılar için ayarlar sayfanıza bakın; bilgilerinizi düzeltip destekle iletişime geçebilirsiniz."
        : "Hesabınız doğrulama bekliyor. Baro kaydınız bir yönetici tarafından onaylanınca ilan verebilir, başvurabilir ve mesajlaşabilirsiniz. Bu sırada ilanlara göz atabilirsiniz."}
    </div>
  );
}
