import { NotificationBellLive } from "@/components/notification-bell-live";
import { getCurrentActor } from "@/lib/auth/current-user";
import { countUnreadNotifications } from "@/lib/notifications/notification-center";

/** The header bell: the unread count as of this render, kept current in the browser by socket events. */
export async function NotificationBell() {
  const actor = await getCurrentActor();
  if (!actor) return null;
  return <NotificationBellLive initialCount={await countUnreadNotifications(actor)} />;
}
