"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { announceViewerChanged, useViewer } from "@/components/viewer/viewer-provider";

const SocketContext = createContext<Socket | null>(null);

/**
 * One Socket.IO connection per tab for a logged-in user (the session cookie authenticates it), opened once the
 * viewer is known and opened anew when it changes (another login in this tab). Everything live (messages,
 * notifications, new jobs) arrives through it; nothing polls.
 */
export function SocketProvider({ children }: { children: React.ReactNode }) {
  // created on the client only, connected by the effect (so server rendering opens nothing)
  const [socket] = useState<Socket | null>(() =>
    typeof window === "undefined" ? null : io({ path: "/socket.io", transports: ["websocket"], autoConnect: false }),
  );
  const router = useRouter();
  const viewerId = useViewer()?.id;
  useEffect(() => {
    if (!socket || !viewerId) return;
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket, viewerId]);
  useEffect(() => {
    if (!socket) return;
    // an admin's decision on this account: reconnect so the socket is authorised anew, and redraw the page
    const onAccountChanged = () => {
      socket.disconnect().connect();
      announceViewerChanged();
      router.refresh();
    };
    socket.on("account:changed", onAccountChanged);
    return () => {
      socket.off("account:changed", onAccountChanged);
    };
  }, [socket, router]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/** The tab's socket, or null before it is created (and for visitors). */
export function useSocket(): Socket | null {
  return useContext(SocketContext);
}

/** Whether the tab's socket is connected right now (false while it reconnects, and for visitors). */
export function useSocketConnected(): boolean {
  const socket = useSocket();
  const [connected, setConnected] = useState(socket?.connected ?? false);
  useEffect(() => {
    if (!socket) return;
    const update = () => setConnected(socket.connected);
    update();
    socket.on("connect", update);
    socket.on("disconnect", update);
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", update);
    };
  }, [socket]);
  return connected;
}

/** Subscribes to a server event for the lifetime of the component; the latest handler is always used. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const socket = useSocket();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => handlerRef.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
