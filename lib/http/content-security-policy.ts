import { randomBytes } from "node:crypto";

// A nonce per response (OWASP CSP cheat sheet, Next's content-security-policy guide): Next puts it on every
// script it writes when the request carries the policy, and with 'strict-dynamic' the scripts those load are
// trusted too, so nothing else may run. Styles keep 'unsafe-inline': React writes style attributes, which a nonce
// cannot cover. Cached pages are replayed with a fresh nonce (lib/page-cache/serve-page.ts).

/** 128 random bits, base64 (what Next's nonce parser accepts). */
export const newNonce = (): string => randomBytes(16).toString("base64");

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay and fast refresh
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // same-origin fetches and the Socket.IO websocket
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
