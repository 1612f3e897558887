import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentActor } from "@/lib/auth/current-user";
import { forbidden, unauthenticated } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from "@/lib/messaging/upload-attachment";
import { validationError } from "@/lib/validation";
import { isAllowedOrigin } from "@/lib/http/allowed-origin";

const TOO_LARGE = "Dosya en fazla 10 MB olabilir.";

/** Reads the request body, giving up as soon as it passes the limit (nothing larger is ever buffered). */
async function readLimited(request: Request): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES) throw validationError({ file: [TOO_LARGE] }, TOO_LARGE);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ATTACHMENT_BYTES) {
      await reader.cancel();
      throw validationError({ file: [TOO_LARGE] }, TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** POST /api/ekler?konusma=<conversation id>&ad=<file name>, body: the file's bytes → { attachment } */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    // the session cookie is SameSite=Lax; a cross-site upload is refused here as well
    if (!isAllowedOrigin(request.headers.get("origin"), new URL(request.url).origin)) throw forbidden();
    const url = new URL(request.url);
    const input = { conversationId: url.searchParams.get("konusma") ?? undefined, fileName: url.searchParams.get("ad") ?? undefined };
    const result = await uploadAttachment(actor, input, await readLimited(request));
    return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
