import type { ConversationList } from "@/lib/messaging/list-conversations";

// Shared by the server (serve-conversation-list.ts) and the browser (components/chat/conversation-list.tsx): nothing
// here may import server code.

/** The path the conversations page's browser code asks for the viewer's first page of conversations. */
export const CONVERSATION_LIST_PATH = "/api/konusmalar";

/** What it answers with 200. */
export type ConversationListAnswer = ConversationList & { unreadTotal: number };
