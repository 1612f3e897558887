import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChatView } from "@/components/chat/chat-view";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { AppError, toErrorPayload } from "@/lib/errors";
import { getConversation } from "@/lib/messaging/get-conversation";
import { listMessages } from "@/lib/messaging/list-messages";

export const metadata: Metadata = { title: "Yazışma" };

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requirePageSession(`/mesajlar/${id}`);
  const actor = actorFromSession(session);
  const loaded = await Promise.all([getConversation(actor, { conversationId: id }), listMessages(actor, { conversationId: id })]).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      return toErrorPayload(error);
    },
  );
  if (!Array.isArray(loaded)) {
    return (
      <div className="stack narrow">
        <h1>Yazışma açılamadı</h1>
        <p className="banner banner-error" role="alert">{loaded.message}</p>
        <Link href="/mesajlar">Mesajlara dön</Link>
      </div>
    );
  }
  const [{ conversation }, history] = loaded;
  return (
    <ChatView key={conversation.id} conversation={conversation} initialMessages={history.messages} initialHasOlder={history.hasOlder} meId={actor.id} />
  );
}
