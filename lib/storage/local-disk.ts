import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { BlobStorage } from "@/lib/storage/storage";

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Files under one directory; writes go to a temporary name first, so a reader never sees half a file. */
export function createLocalDiskStorage(directory: string): BlobStorage {
  const root = path.resolve(directory);
  const fileOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(key) {
      const file = fileOf(key);
      const exists = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      return exists ? (Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>) : null;
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
