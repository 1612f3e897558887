import WebSocket from "ws";

// A minimal Socket.IO client for the crowd: Engine.IO v4 over one websocket (no polling, no upgrade dance),
// the default namespace only, JSON events and acks. socket.io-client costs ~3x the CPU and memory per socket,
// and a generator heavier than the server measures the generator (../shared/notes/load-testing.md).
//
// Frames (text): "0{...}" open · "2" ping → "3" pong · "40{auth}" connect → "40{sid}" | "44{error}" ·
// "42[event,data]" event · "42<id>[event,data]" event with ack · "43<id>[data]" ack · "41" disconnect.

export type SioClientOptions = {
  /** ws://host:port */
  url: string;
  headers?: Record<string, string>;
  localAddress?: string;
  /** sent as the namespace connect payload (the bare relay uses it, the app authenticates by cookie) */
  auth?: unknown;
  connectTimeoutMs?: number;
  onEvent?: (event: string, data: unknown) => void;
  /** the connection ended without close() being called */
  onDrop?: (reason: string) => void;
};

type Ack = (data: unknown) => void;

export class SioClient {
  private ws: WebSocket | null = null;
  private nextAckId = 0;
  private readonly acks = new Map<number, Ack>();
  private closing = false;
  connected = false;
  /** response headers of the websocket upgrade (nginx names the upstream there) */
  upgradeHeaders: Record<string, string | string[] | undefined> = {};

  constructor(private readonly options: SioClientOptions) {}

  connect(): Promise<void> {
    const { url, headers, localAddress, auth, connectTimeoutMs = 20_000 } = this.options;
    this.closing = false;
    return new Promise((resolve, reject) => {
      let settled = false;
      const ws = new WebSocket(`${url}/socket.io/?EIO=4&transport=websocket`, {
        headers,
        localAddress,
        perMessageDeflate: false,
        handshakeTimeout: connectTimeoutMs,
      });
      this.ws = ws;
      const timer = setTimeout(() => fail(new Error("connect timeout")), connectTimeoutMs);
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.closing = true;
        ws.removeAllListeners("close");
        ws.on("error", () => undefined);
        ws.terminate();
        reject(error);
      };
      ws.on("upgrade", (response) => {
        this.upgradeHeaders = response.headers;
      });
      ws.on("error", (error) => {
        if (!settled) fail(error);
      });
      ws.on("close", (code) => {
        const wasConnected = this.connected;
        this.connected = false;
        this.failPendingAcks();
        if (!settled) return fail(new Error(`closed during connect (${code})`));
        if (wasConnected && !this.closing) this.options.onDrop?.(`transport close ${code}`);
      });
      ws.on("message", (raw: WebSocket.RawData) => {
        const frame = raw.toString();
        const type = frame.charCodeAt(0);
        if (type === 50 /* "2" ping */) return ws.send("3");
        if (type === 48 /* "0" open */) return ws.send(auth === undefined ? "40" : `40${JSON.stringify(auth)}`);
        if (type === 49 /* "1" engine close */) return ws.close();
        if (type !== 52 /* "4" message */) return;
        const packet = frame.charCodeAt(1);
        if (packet === 48 /* "0" connect */) {
          settled = true;
          clearTimeout(timer);
          this.connected = true;
          return resolve();
        }
        if (packet === 52 /* "4" connect_error */) {
          let message = frame.slice(2);
          try {
            message = JSON.stringify(JSON.parse(message));
          } catch {
            // leave as is
          }
          return fail(new Error(`connect_error ${message}`));
        }
        if (packet === 49 /* "1" server disconnect */) {
          this.connected = false;
          if (!this.closing) this.options.onDrop?.("server disconnect");
          this.closing = true;
          return ws.close();
        }
        if (packet === 50 /* "2" event */) return this.handleEvent(frame);
        if (packet === 51 /* "3" ack */) return this.handleAck(frame);
      });
    });
  }

  private handleEvent(frame: string) {
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const [event, data] = JSON.parse(frame.slice(i)) as [string, unknown];
    this.options.onEvent?.(event, data);
  }

  private handleAck(frame: string) {
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const id = Number(frame.slice(2, i));
    const ack = this.acks.get(id);
    if (!ack) return;
    this.acks.delete(id);
    const [data] = JSON.parse(frame.slice(i)) as [unknown];
    ack(data);
  }

  private failPendingAcks() {
    const pending = [...this.acks.values()];
    this.acks.clear();
    for (const ack of pending) ack({ ok: false, error: { code: "DISCONNECTED", message: "socket closed" } });
  }

  emit(event: string, data: unknown): boolean {
    if (!this.connected || !this.ws) return false;
    this.ws.send(`42${JSON.stringify([event, data])}`);
    return true;
  }

  /** Sends an event that wants an ack; the callback gets the ack data, or an error object if the socket closes. */
  emitWithAck(event: string, data: unknown, ack: Ack): boolean {
    if (!this.connected || !this.ws) return false;
    const id = this.nextAckId++;
    this.acks.set(id, ack);
    this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    return true;
  }

  /** Closes the socket on purpose (not counted as a drop). `reset` skips the close handshake (no TIME_WAIT here). */
  close(reset = false): void {
    this.closing = true;
    this.connected = false;
    const ws = this.ws;
    if (!ws) return;
    this.failPendingAcks();
    if (reset) {
      ws.on("error", () => undefined);
      // RST instead of FIN: the client's port does not sit in TIME_WAIT for the next run
      const raw = (ws as unknown as { _socket?: { resetAndDestroy?: () => void } })._socket;
      if (raw?.resetAndDestroy) raw.resetAndDestroy();
      ws.terminate();
    } else {
      try {
        ws.send("41");
      } catch {
        // already closing
      }
      ws.close();
    }
  }
}
