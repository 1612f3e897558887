import Link from "next/link";
import type { Session } from "next-auth";
import { hasTwoFactor } from "@/lib/two-factor/check-second-factor";
import { ADMIN_NEEDS_TWO_FACTOR } from "@/lib/users/require-administrator";

/**
 * What an administrator page shows instead of itself: a refusal for a lawyer, the way to two-step login for an
 * administrator without it; null when the page may be shown. The use cases check the same (requireAdministrator).
 */
export async function adminGate(session: Session): Promise<React.ReactNode | null> {
  if (session.user.role !== "ADMIN") return <div className="banner banner-error" role="alert">Bu sayfa yalnızca yöneticilere açıktır.</div>;
  if (await hasTwoFactor(session.user.id)) return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="admin-needs-two-factor">
      {ADMIN_NEEDS_TWO_FACTOR} <Link href="/ayarlar/iki-adim">İki adımlı doğrulamayı kur</Link>
    </div>
  );
}
