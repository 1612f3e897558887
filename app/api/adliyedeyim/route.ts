import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { getMyCheckIn } from "@/lib/check-ins/get-my-check-in";
import { unauthenticated } from "@/lib/errors";

/** GET /api/adliyedeyim: the viewer's own check-in and the end time the form suggests (personal: never stored). */
export async function GET(): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    return Response.json(await getMyCheckIn(actor), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
