import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listNotifications } from "@/lib/notifications/notification-center";
import { NotificationList } from "@/app/bildirimler/notification-list";

export const metadata: Metadata = { title: "Bildirimler" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ sonra?: string }> }) {
  const session = await requirePageSession("/bildirimler");
  const { sonra } = await searchParams;
  const { items, nextCursor } = await listNotifications(actorFromSession(session), sonra || undefined);
  const firstPage = !sonra;
  return (
    <div className="stack">
      <div className="row">
        <h1 style={{ margin: 0 }}>Bildirimler</h1>
        <span className="spacer" />
        <Link className="small" href="/ayarlar/bildirimler">Bildirim ayarları</Link>
      </div>
      {/* a new list per page, so live additions kept in state never leak from one page to another */}
      <NotificationList key={sonra ?? ""} initialItems={items} live={firstPage} />
      <div className="row">
        {!firstPage && <Link className="button button-secondary" href="/bildirimler">En yenilere dön</Link>}
        {nextCursor && (
          <Link className="button button-secondary" href={`/bildirimler?sonra=${encodeURIComponent(nextCursor)}`} data-testid="notifications-older">
            Daha eski
          </Link>
        )}
      </div>
    </div>
  );
}
