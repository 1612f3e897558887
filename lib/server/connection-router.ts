import net from "node:net";

// The front process reads the first request line of each new TCP connection and hands the connection, unread
// bytes included, to the socket server or to the web process. Page traffic then flows between the browser and
// the web process directly (the handle is passed, nothing is proxied), so a page render never shares an event
// loop with message delivery, and the front pays once per connection, not per request.

const MAX_HEAD_BYTES = 8 * 1024;
const FIRST_LINE_TIMEOUT_MS = 10_000;

export type ConnectionTarget = (socket: net.Socket, head: Buffer) => void;

/** True when the request line asks for Socket.IO's path. */
export function isRealtimeRequestLine(head: Buffer): boolean {
  const end = head.indexOf("\r\n");
  const line = head.subarray(0, end === -1 ? head.length : end).toString("latin1");
  const path = line.split(" ")[1] ?? "";
  return path === "/socket.io" || path.startsWith("/socket.io/") || path.startsWith("/socket.io?");
}

/**
 * Waits for the first request line of a connection, then gives it to `realtime` or `web`. A client that sends
 * nothing within the timeout, or a first line longer than 8 KB, is dropped.
 */
export function routeConnection(socket: net.Socket, targets: { realtime: ConnectionTarget; web: ConnectionTarget }): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const timer = setTimeout(() => socket.destroy(), FIRST_LINE_TIMEOUT_MS);
  const cleanup = () => {
    clearTimeout(timer);
    socket.off("data", onData);
    socket.off("error", onError);
  };
  const onError = () => cleanup();
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    const head = chunks.length === 1 ? chunk : Buffer.concat(chunks, size);
    if (head.indexOf("\r\n") === -1 && size < MAX_HEAD_BYTES) return;
    cleanup();
    socket.pause();
    if (head.indexOf("\r\n") === -1) return void socket.destroy();
    (isRealtimeRequestLine(head) ? targets.realtime : targets.web)(socket, head);
  };
  socket.on("data", onData);
  socket.on("error", onError);
}

/**
 * Prepares an HTTP server that never listens itself for connections handed to it: Node starts tracking
 * connections (header and request timeouts, closeIdleConnections) on "listening".
 */
export function acceptHandedConnections(server: net.Server): void {
  server.emit("listening");
}

/** Gives a connection whose first bytes were already read to an HTTP server of this process. */
export function adoptConnection(server: net.Server, socket: net.Socket, head: Buffer): void {
  server.emit("connection", socket);
  // the server's parser is attached now: feed it the bytes read while routing, then let the rest flow
  socket.emit("data", head);
  socket.resume();
}

/** The raw bytes of an already parsed request head, for handing its connection to another process. */
export function rawRequestHead(req: { method?: string; url?: string; httpVersion: string; rawHeaders: string[] }, rest: Buffer): Buffer {
  let text = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
  for (let i = 0; i < req.rawHeaders.length; i += 2) text += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
  return Buffer.concat([Buffer.from(`${text}\r\n`, "latin1"), rest]);
}
