"use client";

import { useCallback, useEffect, useState } from "react";
import { useSocket, useSocketEvent } from "@/components/realtime/socket-provider";

export type PresenceState = { online: boolean; lastSeenAt: string | null };
type PresenceAck = { ok: boolean; online?: Record<string, boolean>; lastSeenAt?: Record<string, string | null> };

/** Presence of the given users: asked once per (re)connect with `presence:get`, then kept by `presence` events. */
export function usePresence(userIds: string[]): Record<string, PresenceState> {
  const socket = useSocket();
  const [presence, setPresence] = useState<Record<string, PresenceState>>({});
  const key = [...new Set(userIds)].sort().join(",");

  const ask = useCallback(() => {
    if (!socket?.connected || !key) return;
    socket.emit("presence:get", { userIds: key.split(",") }, (ack: PresenceAck) => {
      if (!ack.ok || !ack.online) return;
      const next: Record<string, PresenceState> = {};
      for (const [id, online] of Object.entries(ack.online)) next[id] = { online, lastSeenAt: ack.lastSeenAt?.[id] ?? null };
      setPresence((current) => ({ ...current, ...next }));
    });
  }, [socket, key]);

  useEffect(() => {
    ask();
    socket?.on("connect", ask);
    return () => {
      socket?.off("connect", ask);
    };
  }, [socket, ask]);

  useSocketEvent<{ userId: string; online: boolean; lastSeenAt: string | null }>("presence", (event) =>
    setPresence((current) => ({ ...current, [event.userId]: { online: event.online, lastSeenAt: event.lastSeenAt } })),
  );
  return presence;
}
