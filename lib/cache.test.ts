import { describe, expect, it, vi } from "vitest";
import { cacheKey, cacheVersion, getOrLoad, invalidate } from "@/lib/cache";
import { uniqueSuffix } from "@/test/factories";

describe("cache", () => {
  it("loads once, then answers from Redis with Dates intact", async () => {
    const key = cacheKey("test", uniqueSuffix());
    const load = vi.fn(async () => ({ at: new Date("2026-11-27T10:00:00.000Z"), n: 1, nested: [{ d: new Date(0) }] }));
    const first = await getOrLoad(key, 30, load);
    const second = await getOrLoad(key, 30, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(second.at).toBeInstanceOf(Date);
    expect(second.nested[0].d).toBeInstanceOf(Date);
  });

  it("bumps a namespace's version on invalidation", async () => {
    const ns = `ns-${uniqueSuffix()}`;
    const before = await cacheVersion(ns);
    await invalidate({ namespaces: [ns] });
    expect(await cacheVersion(ns)).not.toBe(before);
  });
});
