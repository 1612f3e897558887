import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";

/** The yetki belgesi of an assigned job, for its poster or assignee: PDF, or UYAP UDF with `?bicim=udf`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const format = new URL(request.url).searchParams.get("bicim") === "udf" ? "udf" : "pdf";
    const { fileName, contentType, bytes } = await getAuthorisationDocument(actor, (await params).id, format);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
