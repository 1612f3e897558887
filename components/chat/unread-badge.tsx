"use client";

import { useRef, useState } from "react";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import styles from "@/components/chat/chat.module.css";

type UnreadEvent = { total: number; version: number };
type NewMessage = { id: number; senderId: string };

// how many recent message ids are remembered, so a message that arrives twice (live and again after a reconnect)
// is counted once
const COUNTED_IDS_KEPT = 500;

/**
 * Total unread messages. The server sends the total on connect and after each read; in between, every message
 * from someone else (`message:new`) counts one more.
 */
export function UnreadBadge({ viewerId, initialTotal, initialVersion }: { viewerId: string; initialTotal: number; initialVersion: number }) {
  const [state, setState] = useState({ total: initialTotal, version: initialVersion });
  const counted = useRef(new Set<number>());
  // totals computed concurrently may arrive out of order: keep the one computed at the newest cache generation
  useSocketEvent<UnreadEvent>("unread", (next) => setState((current) => (next.version >= current.version ? next : current)));
  useSocketEvent<NewMessage>("message:new", (message) => {
    if (message.senderId === viewerId || counted.current.has(message.id)) return;
    counted.current.add(message.id);
    if (counted.current.size > COUNTED_IDS_KEPT) counted.current.delete(counted.current.values().next().value!);
    setState((current) => ({ ...current, total: current.total + 1 }));
  });
  return (
    <span
      className={styles.navBadge}
      data-testid="unread-count"
      data-count={state.total}
      hidden={state.total === 0}
      aria-label={`${state.total} okunmamış mesaj`}
    >
      {state.total > 99 ? "99+" : state.total}
    </span>
  );
}
