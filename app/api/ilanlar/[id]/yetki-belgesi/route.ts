import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";

/** The yetki belgesi PDF of an assigned job, for its poster or assignee. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const { fileName, pdf } = await getAuthorisationDocument(actor, (await params).id);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
