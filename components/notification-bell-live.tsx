"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useSocket, useSocketEvent } from "@/components/realtime/socket-provider";
import { unreadCountAction } from "@/app/bildirimler/actions";

const UNREAD_COUNT_EVENT = "tevkil:unread-notifications";

/** Gives the bell the authoritative unread count after something in this tab marked notifications read. */
export function announceUnreadCount(count: number): void {
  window.dispatchEvent(new CustomEvent<number>(UNREAD_COUNT_EVENT, { detail: count }));
}

export function NotificationBellLive({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  const [serverCount, setServerCount] = useState(initialCount);
  // the header lives in the root layout and keeps its state across navigations; a fresh server render wins
  if (initialCount !== serverCount) {
    setServerCount(initialCount);
    setCount(initialCount);
  }

  useSocketEvent("notification:new", () => setCount((c) => c + 1));

  useEffect(() => {
    const onAnnounce = (event: Event) => setCount((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_COUNT_EVENT, onAnnounce);
    return () => window.removeEventListener(UNREAD_COUNT_EVENT, onAnnounce);
  }, []);

  // events emitted while the socket was down are gone; after a reconnect ask once for the real count
  const socket = useSocket();
  useEffect(() => {
    if (!socket) return;
    const refresh = () => {
      void unreadCountAction().then((result) => {
        if (result.ok) setCount(result.data.unread);
      });
    };
    socket.io.on("reconnect", refresh);
    return () => {
      socket.io.off("reconnect", refresh);
    };
  }, [socket]);

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
