"use server";

import { authedAction } from "@/lib/actions/server-action";
import { openConversation } from "@/lib/messaging/open-conversation";

/**
 * "Mesaj gönder": opens (or creates) the conversation by POST, never by following a link, so a page elsewhere
 * cannot make a lawyer's browser start conversations in their name. Lives in lib/ because the button that calls it
 * sits on cached pages drawn from components/.
 */
export const openConversationAction = authedAction(
  async (actor, input) => ({ conversationId: (await openConversation(actor, input)).conversation.id }),
  { rateLimit: "socketOpenConversation" },
);
