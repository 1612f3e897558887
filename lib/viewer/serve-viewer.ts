import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { loadViewerSummary } from "@/lib/viewer/viewer-summary";

/** The path every page's browser code asks once per navigation for the header (components/viewer). */
export const VIEWER_PATH = "/api/me";

/**
 * GET /api/me: `{ viewer }`, null for a visitor. Answered before Next's router because every page view asks it:
 * a session lookup and one indexed read, no render. Never cached by anyone (it is personal).
 */
export async function serveViewer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET", "content-type": "application/json" }).end(JSON.stringify({ error: { code: "VALIDATION", message: "Yalnızca GET." } }));
    return;
  }
  try {
    const viewer = await loadViewerSummary(sessionIdFromCookieHeader(req.headers.cookie));
    res.writeHead(200, { "content-type": "application/json", "cache-control": "private, no-store", "x-content-type-options": "nosniff" }).end(JSON.stringify({ viewer }));
  } catch (error) {
    console.error("viewer lookup failed", error);
    res.writeHead(503, { "content-type": "application/json", "cache-control": "no-store", "retry-after": "1" })
      .end(JSON.stringify({ error: { code: "INTERNAL", message: "Oturum bilgisi şu an alınamadı." } }));
  }
}
