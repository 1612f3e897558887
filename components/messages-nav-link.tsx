import Link from "next/link";
import { UnreadBadge } from "@/components/chat/unread-badge";
import { getCurrentActor } from "@/lib/auth/current-user";
import { conversationSummary } from "@/lib/messaging/list-conversations";

/** "Mesajlar" with the total unread count as of this render, kept current by the socket's `unread` events. */
export async function MessagesNavLink() {
  const actor = await getCurrentActor();
  const summary = actor?.verification === "VERIFIED" ? await conversationSummary(actor.id) : null;
  return (
    <Link className="nav-link" href="/mesajlar" style={{ whiteSpace: "nowrap" }}>
      Mesajlar
      {summary && <UnreadBadge initialTotal={summary.unreadTotal} initialVersion={summary.version} />}
    </Link>
  );
}
