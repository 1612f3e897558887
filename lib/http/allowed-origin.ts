import { env } from "@/lib/env";

/**
 * Whether a request's Origin may act on this site: our own APP_URL (or the request's own origin, which is the same
 * host behind a proxy). No Origin at all is a client that is not a browser (a mobile app, a script): it carries no
 * ambient cookies from another site, so it is no cross-site forgery. Browsers send Origin on every POST and on
 * every websocket handshake.
 */
export function isAllowedOrigin(origin: string | null | undefined, requestOrigin?: string): boolean {
  if (!origin) return true;
  return origin === new URL(env().APP_URL).origin || origin === requestOrigin;
}
