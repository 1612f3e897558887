import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageFromEnv, type BlobStorage } from "@/lib/storage/storage";

// s3rver (a local S3 implementation that checks SigV4 signatures) stands in for S3, MinIO or R2.
const S3_PORT = 3247;
let directory: string;
let s3: S3rver;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "tevkil-storage-"));
  s3 = new S3rver({ address: "127.0.0.1", port: S3_PORT, silent: true, directory: path.join(directory, "s3"), configureBuckets: [{ name: "tevkil-ekler" }] });
  await s3.run();
});
afterAll(async () => {
  await s3.close();
  await rm(directory, { recursive: true, force: true });
});

const drivers: [string, () => BlobStorage][] = [
  ["local disk", () => storageFromEnv({ STORAGE_DRIVER: "local", STORAGE_DIR: path.join(directory, "local") })],
  [
    "S3-compatible",
    () =>
      storageFromEnv({
        STORAGE_DRIVER: "s3",
        S3_ENDPOINT: `http://127.0.0.1:${S3_PORT}`,
        S3_REGION: "us-east-1",
        S3_BUCKET: "tevkil-ekler",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
      }),
  ],
];

describe.each(drivers)("%s storage", (_name, create) => {
  it("stores, reads back and deletes bytes under a key", async () => {
    const storage = create();
    const key = `konusma-1/${Date.now()}`;
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256))]);
    await storage.put(key, bytes, "application/pdf");
    const stream = await storage.get(key);
    expect(Buffer.from(await new Response(stream).arrayBuffer())).toEqual(bytes);

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
    expect(await storage.get("konusma-1/hic-yok")).toBeNull();
  });
});

it("refuses an incomplete S3 configuration with one clear line", () => {
  expect(() => storageFromEnv({ STORAGE_DRIVER: "s3", S3_BUCKET: "b" })).toThrow(
    "STORAGE_DRIVER=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
  );
});
