import { z } from "zod";
import { createLocalDiskStorage } from "@/lib/storage/local-disk";
import { createS3Storage } from "@/lib/storage/s3";

/** Where attachment bytes live. Every app instance must reach the same store. */
export interface BlobStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** the stored bytes as a stream, or null when nothing is stored under the key */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

// Read here rather than in lib/env.ts so storage stays one self-contained module; documented in docs/realtime.md.
const storageEnvSchema = z.object({
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  /** local driver: a directory every instance can read and write (a shared volume when there are several hosts) */
  STORAGE_DIR: z.string().min(1).default(".data/uploads"),
  S3_ENDPOINT: optional,
  S3_REGION: z.string().default("auto"),
  S3_BUCKET: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
});

const globalForStorage = globalThis as unknown as { tevkilStorage?: BlobStorage };

export function storageFromEnv(source: Record<string, string | undefined> = process.env): BlobStorage {
  const config = storageEnvSchema.parse(source);
  if (config.STORAGE_DRIVER === "local") return createLocalDiskStorage(config.STORAGE_DIR);
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = config;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error("STORAGE_DRIVER=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }
  return createS3Storage({ endpoint: S3_ENDPOINT, region: config.S3_REGION, bucket: S3_BUCKET, accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY });
}

/** The process's storage, configured from the environment on first use. */
export function getStorage(): BlobStorage {
  globalForStorage.tevkilStorage ??= storageFromEnv();
  return globalForStorage.tevkilStorage;
}
