import { env } from "@/lib/env";

/** Auth.js's session cookie name: the __Secure- prefixed one when the app is served over HTTPS. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

/** The session id in a Cookie header, if any. */
export function sessionIdFromCookieHeader(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName();
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
