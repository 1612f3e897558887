import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { hasTwoFactor } from "@/lib/two-factor/check-second-factor";

export const ADMIN_NEEDS_TWO_FACTOR = "Yönetici işlemleri için iki adımlı doğrulama zorunludur. Ayarlar → İki adımlı doğrulama sayfasından kurun.";

/** Administrator use cases: the role, and a second factor on the account (a stolen password must not be enough). */
export async function requireAdministrator(actor: Actor): Promise<void> {
  if (actor.role !== "ADMIN") throw forbidden("Bu sayfa yalnızca yöneticilere açıktır.");
  if (!(await hasTwoFactor(actor.id))) throw forbidden(ADMIN_NEEDS_TWO_FACTOR);
}
