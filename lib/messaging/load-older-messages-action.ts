"use server";

import { authedAction } from "@/lib/actions/server-action";
import { listMessages } from "@/lib/messaging/list-messages";

/** (Called from components/chat, so it lives in lib/.) An older page of a conversation's history, asked for when the reader scrolls up. */
export const loadOlderMessagesAction = authedAction((actor, input) => listMessages(actor, input));
