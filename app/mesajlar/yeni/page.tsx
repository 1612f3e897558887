import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { toErrorPayload } from "@/lib/errors";
import { openConversation } from "@/lib/messaging/open-conversation";

export const metadata: Metadata = { title: "Yeni mesaj" };

/** The target of "Mesaj gönder" links: opens (or creates) the conversation and goes to it. */
export default async function NewConversationPage({ searchParams }: { searchParams: Promise<{ kisi?: string; ilan?: string }> }) {
  const { kisi, ilan } = await searchParams;
  const query = new URLSearchParams({ kisi: kisi ?? "", ...(ilan ? { ilan } : {}) });
  const session = await requirePageSession(`/mesajlar/yeni?${query}`);
  let conversationId: string;
  try {
    ({ conversation: { id: conversationId } } = await openConversation(actorFromSession(session), { peerId: kisi, jobId: ilan }));
  } catch (error) {
    const { message } = toErrorPayload(error);
    return (
      <div className="stack narrow">
        <h1>Mesaj gönderilemiyor</h1>
        <p className="banner banner-error" role="alert">{message}</p>
        <Link href="/mesajlar">Mesajlara dön</Link>
      </div>
    );
  }
  redirect(`/mesajlar/${conversationId}`);
}
