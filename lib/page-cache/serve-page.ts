import { readFileSync } from "node:fs";
import { constants as zlibConstants, gzipSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { cachedJobInvolvement } from "@/lib/page-cache/job-involvement-cache";
import { matchPageRoute } from "@/lib/page-cache/page-routes";
import { MAX_PAGE_BYTES, pageCacheKey, readPage, writePage, type StoredPage } from "@/lib/page-cache/page-store";
import { getMany } from "@/lib/redis";
import { loadViewerSummary } from "@/lib/viewer/viewer-summary";

// Serves the cached pages (lib/page-cache/page-routes.ts) without running React: a warm view costs a session
// lookup where the page needs one, one MGET of versions and a write of the stored bytes. A miss renders through
// Next as usual and keeps the output when it is a plain 200 without cookies. Redis failing means rendering.

/** Request headers Next's output depends on besides the URL (client-side navigations ask for RSC payloads). */
const VARYING_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
// the policy carries this response's nonce; the encoding is decided per replay
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-page-cache", "content-security-policy", "content-encoding"]);
/** Smaller than this, gzip saves less than its own cost. */
const GZIP_MIN_BYTES = 1024;
const CACHEABLE_TYPES = /^(text\/html|text\/x-component)/;

let buildId: string | null | undefined;
function currentBuildId(): string | null {
  if (buildId === undefined) {
    try {
      buildId = env().NODE_ENV === "production" && env().PAGE_CACHE === "on" ? readFileSync(".next/BUILD_ID", "utf8").trim() : null;
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

/**
 * `nonce` is this response's CSP nonce, already in the request's policy header (so Next writes it on a miss) and
 * in the response's: a hit is replayed with it in place of the one its copy was rendered with.
 */
export async function servePageFromCache(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>, nonce: string): Promise<void> {
  const build = currentBuildId();
  if (!build || req.method !== "GET") return render();
  const url = new URL(req.url ?? "/", "http://page");
  const found = matchPageRoute(url.pathname);
  if (!found) return render();
  url.searchParams.delete("_rsc"); // Next's cache-busting copy of the varying headers
  let key: string;
  let ttlSeconds: number;
  try {
    const token = found.route.needsViewer ? sessionIdFromCookieHeader(req.headers.cookie) : undefined;
    // the same cached summary /api/me answers from: a session lookup and Redis, no database read per view
    const viewer = token ? await loadViewerSummary(token) : null;
    const versions = async (keys: string[]) => (await getMany(keys)).map((v) => v ?? "0");
    const plan = await found.route.plan(found.match, viewer, versions, cachedJobInvolvement, url.searchParams);
    if (!plan) return render();
    const versionValues = await versions(plan.versionKeys);
    key = pageCacheKey([
      build, url.pathname, url.searchParams.toString(), plan.audience, ...versionValues,
      ...VARYING_HEADERS.map((h) => String(req.headers[h] ?? "")),
    ]);
    ttlSeconds = plan.ttlSeconds;
    const hit = await readPage(key);
    if (hit) return replay(req, res, hit, nonce);
  } catch (error) {
    console.error("page cache unavailable, rendering", error);
    return render();
  }
  res.setHeader("x-page-cache", "miss");
  // kept uncompressed, so the nonce can be replaced at each replay (which compresses for the client)
  delete req.headers["accept-encoding"];
  captureResponse(res, (page) => void writePage(key, { ...page, nonce }, ttlSeconds).catch((error) => console.error("page cache write failed", error)));
  return render();
}

function replay(req: IncomingMessage, res: ServerResponse, page: StoredPage, nonce: string): void {
  for (const [name, value] of page.headers) if (!NOT_REPLAYED.has(name)) res.setHeader(name, value);
  res.setHeader("x-page-cache", "hit");
  // byte for byte (latin1), only the old nonce changes; it is 24 random characters, found nowhere else
  let body = page.body.includes(page.nonce) ? Buffer.from(page.body.toString("latin1").replaceAll(page.nonce, nonce), "latin1") : page.body;
  res.setHeader("vary", [res.getHeader("vary"), "Accept-Encoding"].filter(Boolean).join(", "));
  if (body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = gzipSync(body, { level: zlibConstants.Z_BEST_SPEED });
    res.setHeader("content-encoding", "gzip");
  }
  res.setHeader("content-length", body.length);
  res.writeHead(page.status).end(body);
}

type Chunk = string | Uint8Array;

/** Collects what Next writes, passing every call through, and hands over the page once it was sent whole. */
function captureResponse(res: ServerResponse, onComplete: (page: Omit<StoredPage, "nonce">) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk);
    size += buffer.length;
    if (size <= MAX_PAGE_BYTES) chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") collect(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
  res.once("finish", () => {
    const type = String(res.getHeader("content-type") ?? "");
    if (res.statusCode !== 200 || res.hasHeader("set-cookie") || !CACHEABLE_TYPES.test(type) || size > MAX_PAGE_BYTES) return;
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
    }
    onComplete({ status: 200, headers, body: Buffer.concat(chunks, size) });
  });
}
