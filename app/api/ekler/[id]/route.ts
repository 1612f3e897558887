import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { getAttachment } from "@/lib/messaging/get-attachment";

/** GET /api/ekler/<id>: the file, for members of its conversation only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const file = await getAttachment(actor, { attachmentId: (await params).id });
    const disposition = file.mimeType.startsWith("image/") ? "inline" : "attachment";
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, max-age=3600",
        // a member-uploaded file never runs script in the app's origin
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
