import type { IncomingMessage, ServerResponse } from "node:http";

// Next answers a server action whose body it cannot read (broken JSON, a cut-off multipart body, one over its
// size limit) with a 500, which the operator sees as a crash and the client as "Beklenmeyen bir hata". This checks
// an action's body before Next reads it: over the limit is 413, unreadable is 400, and a good body is put back
// on the request for Next untouched.

/** serverActions.bodySizeLimit in next.config.ts: a completion report carries its tutanak files (20 MB together). */
export const ACTION_BODY_LIMIT_BYTES = 21 * 1024 * 1024;

const isActionPost = (req: IncomingMessage) =>
  req.method === "POST" &&
  !req.url?.startsWith("/api/") &&
  (req.headers["next-action"] !== undefined || String(req.headers["content-type"] ?? "").startsWith("multipart/form-data"));

function refuse(res: ServerResponse, status: 400 | 411 | 413, message: string): void {
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 411 ? "LENGTH_REQUIRED" : "VALIDATION";
  const body = JSON.stringify({ error: { code, message } });
  // after a 413 the connection stays open while the refused body is read away (discardBody): closing it would cut
  // the client off mid-upload (EPIPE) before it reads the answer
  const headers = { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) };
  res.writeHead(status, status === 413 ? headers : { ...headers, connection: "close" });
  res.end(body);
}

function readable(contentType: string, body: Buffer): boolean {
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    const mark = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
    if (!mark) return false;
    const text = body.toString("latin1");
    return text.startsWith(mark) && text.trimEnd().endsWith(`${mark}--`);
  }
  if (contentType.startsWith("text/plain") || contentType === "") {
    try {
      JSON.parse(body.toString("utf8"));
      return true;
    } catch {
      return false;
    }
  }
  return true; // other encodings (url-encoded forms) Next reads leniently
}

/** Past this much discarded body the connection is cut instead: the client then sees a reset, not the 413. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads and drops a refused body. A client writes its whole body before it reads the answer; left unread, a body
 * larger than the socket buffers (a few MB) blocks that client for good and it never sees the 413.
 */
function discardBody(req: IncomingMessage): void {
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Calls `next()` with the request unchanged, or answers 411/413/400 itself. Every browser sends an action's body
 * with a Content-Length; a chunked one (no length, so no way to check its size before Next reads it all) is refused.
 */
export function guardActionBody(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!isActionPost(req)) return next();
  if (req.headers["content-length"] === undefined) {
    if (req.headers["transfer-encoding"] !== undefined) return refuse(res, 411, "İstek okunamadı: gönderilen verinin uzunluğu belirtilmeli.");
    return next(); // no body at all
  }
  const declared = Number(req.headers["content-length"]);
  if (!Number.isFinite(declared)) return refuse(res, 400, "İstek okunamadı. Sayfayı yenileyip tekrar deneyin.");
  if (declared > ACTION_BODY_LIMIT_BYTES) {
    refuse(res, 413, "Gönderilen veri çok büyük (en fazla 21 MB).");
    return discardBody(req);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    req.off("readable", onReadable);
    req.off("end", onEnd);
  };
  // the client sent less than it declared
  const onEnd = () => {
    stop();
    refuse(res, 400, "İstek okunamadı. Sayfayı yenileyip tekrar deneyin.");
  };
  const onReadable = () => {
    let chunk: Buffer | null;
    // no read() past the declared length: one more would let the stream end before the bytes are put back
    while (received < declared && (chunk = req.read() as Buffer | null) !== null) {
      chunks.push(chunk);
      received += chunk.length;
    }
    if (received < declared) return;
    stop();
    const body = Buffer.concat(chunks, received);
    if (!readable(String(req.headers["content-type"] ?? ""), body)) return refuse(res, 400, "İstek okunamadı. Sayfayı yenileyip tekrar deneyin.");
    // back at the front of the stream, before its end is read: Next reads the same bytes
    req.unshift(body);
    next();
  };
  req.on("readable", onReadable);
  req.on("end", onEnd);
}
