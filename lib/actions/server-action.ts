import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/current-user";
import { toErrorPayload, unauthenticated, type ErrorPayload } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import type { RateLimitPolicy } from "@/lib/rate-limit/policies";
import { clientIpFrom } from "@/lib/request-ip";
import { formDataToObject } from "@/lib/validation";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
export type ActionInput = FormData | Record<string, unknown>;
export type RequestContext = { ip: string; userAgent: string };

type Options = { rateLimit?: RateLimitPolicy };

async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientIpFrom(h), userAgent: h.get("user-agent") ?? "" };
}

const toPlainInput = (input: ActionInput) => (input instanceof FormData ? formDataToObject(input) : input);

async function settle<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    return { ok: false, error: toErrorPayload(error) };
  }
}

/**
 * Server action for a logged-in user: authenticates, rate-limits per user, runs the domain function
 * (which validates and authorises), and turns errors into Turkish messages.
 */
export function authedAction<T>(
  run: (actor: Actor, input: Record<string, unknown>, context: RequestContext) => Promise<T>,
  options: Options = {},
) {
  return async (input: ActionInput = {}): Promise<ActionResult<T>> =>
    settle(async () => {
      const actor = await getCurrentActor();
      if (!actor) throw unauthenticated();
      if (options.rateLimit) await enforceRateLimit(options.rateLimit, actor.id);
      return run(actor, toPlainInput(input), await requestContext());
    });
}

/** Server action open to visitors (registration, login): rate-limited per client address. */
export function publicAction<T>(
  run: (input: Record<string, unknown>, context: RequestContext) => Promise<T>,
  options: Options = {},
) {
  return async (input: ActionInput = {}): Promise<ActionResult<T>> =>
    settle(async () => {
      const context = await requestContext();
      if (options.rateLimit) await enforceRateLimit(options.rateLimit, context.ip);
      return run(toPlainInput(input), context);
    });
}
