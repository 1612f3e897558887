import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { answerJson, refuseUnlessGet } from "@/lib/http/json-answer";
import { loadViewerSummary } from "@/lib/viewer/viewer-summary";

/** The path every page's browser code asks once per navigation for the header (components/viewer). */
export const VIEWER_PATH = "/api/me";

/**
 * GET /api/me: `{ viewer }`, null for a visitor. Answered before Next's router because every page view asks it:
 * a session lookup and one indexed read, no render. Never cached by anyone (it is personal).
 */
export async function serveViewer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (refuseUnlessGet(req.method, res)) return;
  try {
    answerJson(res, 200, { viewer: await loadViewerSummary(sessionIdFromCookieHeader(req.headers.cookie)) });
  } catch (error) {
    console.error("viewer lookup failed", error);
    answerJson(res, 503, { error: { code: "INTERNAL", message: "Oturum bilgisi şu an alınamadı." } }, { "retry-after": "1" });
  }
}
