import type { Metadata } from "next";
import Link from "next/link";
import { ConversationList } from "@/components/chat/conversation-list";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listConversations } from "@/lib/messaging/list-conversations";

export const metadata: Metadata = { title: "Mesajlar" };

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<{ once?: string }> }) {
  const session = await requirePageSession("/mesajlar");
  const { once: cursor } = await searchParams;
  return (
    <div className="stack">
      <h1>Mesajlar</h1>
      {session.user.verified ? (
        <ConversationsCard actorSession={session} cursor={cursor} />
      ) : (
        <p className="card muted">Mesajlaşma, hesabınız doğrulandıktan sonra açılır.</p>
      )}
    </div>
  );
}

async function ConversationsCard({ actorSession, cursor }: { actorSession: Awaited<ReturnType<typeof requirePageSession>>; cursor?: string }) {
  // the first page is the same copy for every verified lawyer (lib/page-cache): the browser fetches its own list
  if (!cursor) {
    return (
      <section className="card">
        <ConversationList />
      </section>
    );
  }
  const page = await listConversations(actorFromSession(actorSession), { cursor });
  return (
    <section className="card">
      <ConversationList initial={page.conversations} meId={actorSession.user.id} />
      <nav className="row" style={{ marginTop: "0.75rem" }}>
        <Link href="/mesajlar">En yeni konuşmalar</Link>
        <span className="spacer" />
        {page.nextCursor && <Link href={`/mesajlar?once=${encodeURIComponent(page.nextCursor)}`}>Daha eski konuşmalar</Link>}
      </nav>
    </section>
  );
}
