import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { getDataExportDownload } from "@/lib/kvkk/data-export-download";

/** GET /api/verilerim/<id>: the lawyer's own data export (ZIP), until its link expires. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const file = await getDataExportDownload(actor, { exportId: (await params).id });
    return new Response(file.body, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        // a whole account's data: never kept by a browser or a proxy
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
