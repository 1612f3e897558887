"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState, type MouseEvent } from "react";
import { FormMessage } from "@/components/form-message";
import { announceUnreadCount } from "@/components/notification-bell-live";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import { SubmitButton } from "@/components/submit-button";
import { formatDateTime } from "@/lib/format";
import type { NotificationPayload } from "@/lib/notifications/notify-users";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/bildirimler/actions";

const relativeFormat = new Intl.RelativeTimeFormat("tr", { numeric: "auto" });

/** "5 dakika önce", "dün"; null past a week, where only the date says anything useful. */
function relativeTime(iso: string, now: number): string | null {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "az önce";
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), "day");
  return null;
}

function NotificationTime({ iso, now }: { iso: string; now: number }) {
  const relative = relativeTime(iso, now);
  const absolute = formatDateTime(new Date(iso));
  return (
    // server and browser clocks differ by a moment, so the relative part may differ between the two renders
    <time dateTime={iso} title={absolute} className="small muted" suppressHydrationWarning>
      {relative ? `${relative} · ${absolute}` : absolute}
    </time>
  );
}

const isModifiedClick = (event: MouseEvent) => event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;

/** One page of the notification center; on the newest page, notifications arriving live go on top. */
export function NotificationList({ initialItems, live }: { initialItems: NotificationPayload[]; live: boolean }) {
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  const [now, setNow] = useState(() => Date.now());

  useSocketEvent<NotificationPayload>("notification:new", (notification) => {
    if (!live) return;
    // relative times are measured from the last render's clock; a live item must not look like it is in the future
    setNow(Date.now());
    setItems((current) => (current.some((n) => n.id === notification.id) ? current : [notification, ...current]));
  });

  const markLocally = (ids: Set<string> | "all") => {
    const readAt = new Date().toISOString();
    setItems((current) => current.map((n) => (!n.readAt && (ids === "all" || ids.has(n.id)) ? { ...n, readAt } : n)));
  };

  const [markAllResult, markAll] = useActionState(async () => {
    const result = await markAllNotificationsReadAction();
    if (result.ok) {
      markLocally("all");
      announceUnreadCount(0);
    }
    return result;
  }, null);

  async function markRead(id: string) {
    const result = await markNotificationReadAction({ notificationId: id });
    if (result.ok) announceUnreadCount(result.data.unread);
  }

  function open(event: MouseEvent<HTMLAnchorElement>, notification: NotificationPayload, href: string) {
    if (notification.readAt) return;
    markLocally(new Set([notification.id]));
    // a new tab opens on its own; this one just records the read
    if (isModifiedClick(event)) {
      void markRead(notification.id);
      return;
    }
    // wait for the write before leaving, so the next page already counts it as read
    event.preventDefault();
    void markRead(notification.id).finally(() => router.push(href));
  }

  if (items.length === 0) {
    return <p className="card empty" data-testid="notifications-empty">Henüz bildiriminiz yok. İlanlarınız, başvurularınız ve mesajlarınızla ilgili gelişmeler burada görünecek.</p>;
  }

  return (
    <>
      <form action={markAll}>
        <FormMessage result={markAllResult} success="Tüm bildirimler okundu olarak işaretlendi." />
        <SubmitButton className="button button-secondary" pendingText="İşaretleniyor…" disabled={!items.some((n) => !n.readAt)}>
          Tümünü okundu işaretle
        </SubmitButton>
      </form>
      <ul className="list card notification-list">
        {items.map((n) => {
          const href = safeRedirectPath(n.link, "/bildirimler");
          return (
            <li key={n.id} className={n.readAt ? "notification-item" : "notification-item is-unread"} data-testid="notification-item" data-state={n.readAt ? "read" : "unread"}>
              <Link href={href} onClick={(event) => open(event, n, href)}>
                {!n.readAt && <span className="visually-hidden">Okunmamış: </span>}
                <strong className="notification-title">{n.title}</strong>
                <span className="notification-body">{n.body}</span>
                <NotificationTime iso={n.createdAt} now={now} />
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
