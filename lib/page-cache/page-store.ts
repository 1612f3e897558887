import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { getRedis, redisKey } from "@/lib/redis";

// Rendered pages, in Redis (shared by every web process of the deployment) and in a bounded in-process LRU in
// front of it. Keys embed the versions of the data a page shows, so neither copy can be stale: a write moves the
// version and the old copies are simply never asked for again (they expire by TTL and by LRU eviction).

/** `nonce`: the CSP nonce the body was rendered with, replaced by a fresh one at every replay */
export type StoredPage = { status: number; headers: [string, string][]; body: Buffer; nonce: string };

const MEMORY_BYTES = 64 * 1024 * 1024;
/** A page larger than this is not kept (no page of ours comes close: the board is ~30 KB). */
export const MAX_PAGE_BYTES = 1024 * 1024;

const memory = new LRUCache<string, StoredPage>({
  maxSize: MEMORY_BYTES,
  sizeCalculation: (page) => page.body.length + 512,
  ttlAutopurge: false,
});

export function pageCacheKey(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}

const redisPageKey = (key: string) => redisKey("page", key);

function encode(page: StoredPage): Buffer {
  const head = Buffer.from(JSON.stringify({ status: page.status, headers: page.headers, nonce: page.nonce }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, page.body]);
}

function decode(raw: Buffer): StoredPage {
  const length = raw.readUInt32BE(0);
  const head = JSON.parse(raw.subarray(4, 4 + length).toString()) as Omit<StoredPage, "body">;
  return { ...head, body: raw.subarray(4 + length) };
}

/** The stored page, or null. Throws when Redis fails (the caller renders instead). */
export async function readPage(key: string): Promise<StoredPage | null> {
  const local = memory.get(key);
  if (local) return local;
  const raw = await getRedis().getBuffer(redisPageKey(key));
  if (!raw) return null;
  const page = decode(raw);
  memory.set(key, page, { ttl: ((await getRedis().pttl(redisPageKey(key))) || 1) });
  return page;
}

export async function writePage(key: string, page: StoredPage, ttlSeconds: number): Promise<void> {
  memory.set(key, page, { ttl: ttlSeconds * 1000 });
  await getRedis().set(redisPageKey(key), encode(page), "EX", ttlSeconds);
}
