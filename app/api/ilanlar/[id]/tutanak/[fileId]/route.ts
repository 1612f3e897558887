import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { getReportFile } from "@/lib/jobs/get-report-file";

/** GET /api/ilanlar/<id>/tutanak/<file id>: a tutanak of the completion report, for the poster and the assignee. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const { id, fileId } = await params;
    const file = await getReportFile(actor, id, fileId);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        // an uploaded file never runs script in the app's origin
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
