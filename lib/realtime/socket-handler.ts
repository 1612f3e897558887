import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import type { Actor } from "@/lib/auth/actor";
import { loadActorForSessionHandle } from "@/lib/auth/load-actor";
import { toErrorPayload, type ErrorPayload } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";

export type SocketData = { actor: Actor; actorRefreshAt: number };
/** Where a socket event came from, for domain functions that answer the caller differently from everyone else. */
export type SocketOrigin = { socketId: string };
export type AckResponse<T> = ({ ok: true } & T) | { ok: false; error: Pick<ErrorPayload, "code" | "message" | "fieldErrors"> };

// What a socket knows of its user is re-read now and then as a safety net: the events that change it reach the
// user's sockets directly (a revoked session closes them, see revoke-sessions.ts; a verification decision sends
// `account:changed` and the tab reconnects, see verification-decisions.ts), and a missed one is corrected within
// 5–10 minutes. The delay
// is random per socket, so sockets that connected together (a restart, a deploy) do not all re-read in the same
// second, and the re-read runs beside the event that found it due, off the message path: at 30,000 sockets a
// 60-second re-read was ~700 database reads per second.
const ACTOR_REFRESH_MS = 10 * 60_000;
const ACTOR_REFRESH_RETRY_MS = 5_000;

/** When an actor loaded now is re-read. */
export function nextActorRefresh(now = Date.now()): number {
  return now + ACTOR_REFRESH_MS * (0.5 + Math.random() / 2);
}

function refreshActorWhenDue(socket: Socket): void {
  const data = socket.data as SocketData;
  if (Date.now() <= data.actorRefreshAt) return;
  // set before the read, so the events that arrive meanwhile do not start another one
  data.actorRefreshAt = nextActorRefresh();
  loadActorForSessionHandle(data.actor.sessionId).then(
    (actor) => {
      if (actor) data.actor = actor;
      else socket.disconnect(true);
    },
    (error) => {
      data.actorRefreshAt = Date.now() + ACTOR_REFRESH_RETRY_MS;
      logger().error({ err: error, userId: data.actor.id }, "socket actor refresh failed");
    },
  );
}

/**
 * The socket twin of `authedAction`: rate-limits, runs the domain function (which validates and
 * authorises) and acks `{ ok: true, ...result }` or `{ ok: false, error: { code, message, fieldErrors? } }`.
 * Create it once and register the same function on every socket (Socket.IO calls listeners with the socket
 * as `this`): a closure per socket and event costs memory on every one of thousands of connections.
 * Each acknowledgement's latency goes to `tevkil_socket_ack_seconds{event}`; an unexpected failure is logged with
 * an id of its own, the event and the user (never the payload).
 */
export function socketHandler<T extends object>(
  run: (actor: Actor, payload: unknown, origin: SocketOrigin) => Promise<T>,
  options: { event: string; rateLimit?: RateLimitPolicy },
) {
  const ackSeconds = metrics().socketAckSeconds;
  const ok = ackSeconds.labels(options.event, "ok");
  const refused = ackSeconds.labels(options.event, "refused");
  const failed = ackSeconds.labels(options.event, "error");
  return async function handle(this: Socket, payload: unknown, ack?: unknown) {
    const started = performance.now();
    const reply = typeof ack === "function" ? (ack as (response: AckResponse<T>) => void) : () => undefined;
    try {
      refreshActorWhenDue(this);
      const actor = (this.data as SocketData).actor;
      if (options.rateLimit) await enforceRateLimit(options.rateLimit, actor.id);
      reply({ ok: true, ...(await run(actor, payload, { socketId: this.id })) });
      ok.observe((performance.now() - started) / 1000);
    } catch (error) {
      const { code, message, fieldErrors } = toErrorPayload(error);
      // fieldErrors only where the domain named a field: a refused `body` tells the chat to give the text back
      reply({ ok: false, error: { code, message, ...(fieldErrors?.body ? { fieldErrors: { body: fieldErrors.body } } : {}) } });
      const unexpected = code === "INTERNAL";
      (unexpected ? failed : refused).observe((performance.now() - started) / 1000);
      if (unexpected) {
        logger().error({ reqId: randomUUID(), event: options.event, userId: (this.data as SocketData).actor.id, code, err: error }, "socket event failed");
      }
    }
  };
}
