import type { Socket } from "socket.io";
import type { Actor } from "@/lib/auth/actor";
import { loadActorForSessionHandle } from "@/lib/auth/load-actor";
import { toErrorPayload, unauthenticated, type ErrorPayload } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";

export type SocketData = { actor: Actor; actorRefreshAt: number };
/** Where a socket event came from, for domain functions that answer the caller differently from everyone else. */
export type SocketOrigin = { socketId: string };
export type AckResponse<T> = ({ ok: true } & T) | { ok: false; error: Pick<ErrorPayload, "code" | "message"> };

// Role, verification and the session itself are re-read on a long-lived socket's first event after this long, so
// an admin's verification or a revoked session takes effect without a reconnect. Each socket waits a random 30–60 s:
// sockets that connected together (a restart, a deploy) would otherwise all re-read in the same second.
const ACTOR_REFRESH_MS = 60_000;

/** When an actor loaded now is re-read. */
export function nextActorRefresh(now = Date.now()): number {
  return now + ACTOR_REFRESH_MS * (0.5 + Math.random() / 2);
}

async function currentActor(socket: Socket): Promise<Actor> {
  const data = socket.data as SocketData;
  if (Date.now() > data.actorRefreshAt) {
    const actor = await loadActorForSessionHandle(data.actor.sessionId);
    if (!actor) {
      socket.disconnect(true);
      throw unauthenticated();
    }
    data.actor = actor;
    data.actorRefreshAt = nextActorRefresh();
  }
  return data.actor;
}

/**
 * The socket twin of `authedAction`: rate-limits, runs the domain function (which validates and
 * authorises) and acks `{ ok: true, ...result }` or `{ ok: false, error: { code, message } }`.
 * Create it once and register the same function on every socket (Socket.IO calls listeners with the socket
 * as `this`): a closure per socket and event costs memory on every one of thousands of connections.
 */
export function socketHandler<T extends object>(
  run: (actor: Actor, payload: unknown, origin: SocketOrigin) => Promise<T>,
  options: { rateLimit?: RateLimitPolicy } = {},
) {
  return async function handle(this: Socket, payload: unknown, ack?: unknown) {
    const reply = typeof ack === "function" ? (ack as (response: AckResponse<T>) => void) : () => undefined;
    try {
      const actor = await currentActor(this);
      if (options.rateLimit) await enforceRateLimit(options.rateLimit, actor.id);
      reply({ ok: true, ...(await run(actor, payload, { socketId: this.id })) });
    } catch (error) {
      const { code, message } = toErrorPayload(error);
      reply({ ok: false, error: { code, message } });
    }
  };
}
