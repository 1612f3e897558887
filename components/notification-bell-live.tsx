"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useSocketEvent } from "@/components/realtime/socket-provider";

const UNREAD_COUNT_EVENT = "tevkil:unread-notifications";

/** Gives the bell the authoritative unread count after something in this tab marked notifications read. */
export function announceUnreadCount(count: number): void {
  window.dispatchEvent(new CustomEvent<number>(UNREAD_COUNT_EVENT, { detail: count }));
}

/**
 * The header bell. The server sends the unread count on every (re)connect (`notification:unread`), so a tab that
 * was offline is right again; in between each `notification:new` counts one more.
 */
export function NotificationBellLive() {
  const [count, setCount] = useState(0);
  useSocketEvent<{ count: number }>("notification:unread", ({ count }) => setCount(count));
  useSocketEvent("notification:new", () => setCount((c) => c + 1));

  useEffect(() => {
    const onAnnounce = (event: Event) => setCount((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_COUNT_EVENT, onAnnounce);
    return () => window.removeEventListener(UNREAD_COUNT_EVENT, onAnnounce);
  }, []);

  return (
    <Link
      className="nav-link notification-bell"
      href="/bildirimler"
      data-testid="notification-bell"
      aria-label={count > 0 ? `Bildirimler (${count} okunmamış)` : "Bildirimler"}
    >
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span className="notification-count" data-testid="notification-count">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
