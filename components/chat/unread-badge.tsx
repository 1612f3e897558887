"use client";

import { useState } from "react";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import styles from "@/components/chat/chat.module.css";

type UnreadEvent = { total: number; version: number };

/** Total unread messages; the server pushes a new total on connect, on each incoming message and on reads. */
export function UnreadBadge({ initialTotal, initialVersion }: { initialTotal: number; initialVersion: number }) {
  const [state, setState] = useState({ total: initialTotal, version: initialVersion });
  // totals computed concurrently may arrive out of order: keep the one computed at the newest cache generation
  useSocketEvent<UnreadEvent>("unread", (next) => setState((current) => (next.version >= current.version ? next : current)));
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
