// server.ts overwrites x-forwarded-for with the socket's address unless TRUST_PROXY is set,
// so the first entry is the client address either way.
export function clientIpFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
