"use client";

import { useCallback, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { useSocketEvent } from "@/components/realtime/socket-provider";

const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
/** the peer's indicator disappears on its own when not refreshed (a lost "stopped typing" never sticks) */
const TYPING_SHOWN_MS = 6_000;

/**
 * "yazıyor…" both ways: this tab sends at most one `typing` every few seconds and "stopped" after a pause or on
 * send; the peer's indicator follows their events and clears itself.
 */
export function useTyping(socket: Socket | null, conversationId: string, peerId: string) {
  const [peerTyping, setPeerTyping] = useState(false);
  const typingSentAt = useRef(0);
  const typingIdle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const peerTypingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useSocketEvent<{ conversationId: string; userId: string; typing: boolean }>("typing", (event) => {
    if (event.conversationId !== conversationId || event.userId !== peerId) return;
    if (peerTypingTimer.current) clearTimeout(peerTypingTimer.current);
    setPeerTyping(event.typing);
    if (event.typing) peerTypingTimer.current = setTimeout(() => setPeerTyping(false), TYPING_SHOWN_MS);
  });

  const stopTyping = useCallback(() => {
    if (typingIdle.current) clearTimeout(typingIdle.current);
    if (typingSentAt.current && socket?.connected) socket.emit("typing", { conversationId, typing: false });
    typingSentAt.current = 0;
  }, [socket, conversationId]);

  /** Called with the draft as it changes (`at`: the input event's time). */
  const typed = useCallback(
    (value: string, at: number) => {
      if (!socket?.connected || !value.trim()) return;
      if (!typingSentAt.current || at - typingSentAt.current > TYPING_REFRESH_MS) {
        socket.emit("typing", { conversationId, typing: true });
        typingSentAt.current = at;
      }
      if (typingIdle.current) clearTimeout(typingIdle.current);
      typingIdle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
    [socket, conversationId, stopTyping],
  );

  /** A message from the peer ends their typing. */
  const peerSent = useCallback(() => setPeerTyping(false), []);

  return { peerTyping, typed, stopTyping, peerSent };
}
