import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { sessionHandleOf } from "@/lib/auth/session-store";
import { errorHttpStatus } from "@/lib/actions/error-response";
import { toErrorPayload, unauthenticated } from "@/lib/errors";
import { answerJson, refuseUnlessGet } from "@/lib/http/json-answer";
import type { ConversationListAnswer } from "@/lib/messaging/conversation-list-endpoint";
import { listConversations } from "@/lib/messaging/list-conversations";
import { loadViewerSummary } from "@/lib/viewer/viewer-summary";

/**
 * GET /api/konusmalar: the first page of the viewer's conversations and their unread total. The page around it is
 * one cached copy for every verified lawyer, so the list (personal) comes from here: a session lookup and the
 * list's Redis cache under the lawyer's list generation, PostgreSQL only when that moved. Answered before
 * Next's router, like /api/me; older pages (`?once=`) are still rendered by the page itself.
 */
export async function serveConversationList(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (refuseUnlessGet(req.method, res)) return;
  try {
    const token = sessionIdFromCookieHeader(req.headers.cookie);
    // the cached summary /api/me answers from (no database read per view); the domain function decides who may list
    const viewer = token ? await loadViewerSummary(token) : null;
    if (!token || !viewer) throw unauthenticated();
    const actor = { id: viewer.id, role: viewer.role, verification: viewer.verification, sessionId: sessionHandleOf(token) };
    const { conversations, nextCursor, unreadTotal } = await listConversations(actor);
    answerJson(res, 200, { conversations, nextCursor, unreadTotal: unreadTotal ?? 0 } satisfies ConversationListAnswer);
  } catch (error) {
    // an unexpected failure (Redis or PostgreSQL away) is logged by toErrorPayload; the page offers to try again
    const { code, message } = toErrorPayload(error);
    if (code === "INTERNAL") return answerJson(res, 503, { error: { code, message: "Konuşmalar şu an yüklenemedi." } }, { "retry-after": "1" });
    answerJson(res, errorHttpStatus(code), { error: { code, message } });
  }
}
