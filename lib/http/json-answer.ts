import type { ServerResponse } from "node:http";

/**
 * A JSON answer of the endpoints served before Next's router (/api/me, /api/konusmalar): personal, so never stored
 * by a browser or a proxy, and never sniffed as another type.
 */
export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "private, no-store", "x-content-type-options": "nosniff", ...headers }).end(JSON.stringify(body));
}

/** 405 for anything but GET; true when the request was answered. */
export function refuseUnlessGet(method: string | undefined, res: ServerResponse): boolean {
  if (method === "GET") return false;
  answerJson(res, 405, { error: { code: "VALIDATION", message: "Yalnızca GET." } }, { allow: "GET" });
  return true;
}
