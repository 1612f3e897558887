import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { forbidden, unauthenticated } from "@/lib/errors";
import { updateAvatar } from "@/lib/profiles/update-avatar";
import { isAllowedOrigin } from "@/lib/http/allowed-origin";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";

// A route handler rather than a server action: server actions cap request bodies at 1 MB, photos are up to 5 MB.
export async function POST(request: Request) {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    // the session cookie is SameSite=Lax, and a cross-site form post is refused here as well
    if (!isAllowedOrigin(request.headers.get("origin"), new URL(request.url).origin)) throw forbidden();
    await enforceRateLimit("avatarUpload", actor.id);
    const form = await request.formData();
    return Response.json(await updateAvatar(actor, form.get("avatar")), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
