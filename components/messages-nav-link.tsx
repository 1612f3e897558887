import Link from "next/link";
import { UnreadBadge } from "@/components/chat/unread-badge";
import { getCurrentActor } from "@/lib/auth/current-user";
import { unreadSnapshot } from "@/lib/messaging/list-conversations";

/** "Mesajlar" with the total unread count as of this render, kept current by the socket's `unread` events. */
export async function MessagesNavLink() {
  const actor = await getCurrentActor();
  const unread = actor?.verification === "VERIFIED" ? await unreadSnapshot(actor.id) : null;
  return (
    <Link className="nav-link" href="/mesajlar" style={{ whiteSpace: "nowrap" }}>
      Mesajlar
      {actor && unread && <UnreadBadge viewerId={actor.id} initialTotal={unread.total} initialVersion={unread.version} />}
    </Link>
  );
}
