import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { getCourthousePresence } from "@/lib/check-ins/get-courthouse-presence";
import { unauthenticated } from "@/lib/errors";

/**
 * GET /api/adliyeler/<id>/adliyedeyim: how many lawyers are checked in there now (and the names of those who allow
 * it). Asked by the job page from the browser, so the cached page never holds a count or a name.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const presence = await getCourthousePresence(actor, { courthouseId: (await params).id });
    return Response.json(presence, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
