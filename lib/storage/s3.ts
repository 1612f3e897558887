import { AwsClient } from "aws4fetch";
import type { BlobStorage } from "@/lib/storage/storage";

export type S3Config = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

/**
 * Any S3-compatible store (AWS S3, MinIO, Cloudflare R2, Ceph) through signed HTTP requests (aws4fetch: SigV4
 * on the platform's fetch, no SDK). Objects are addressed path-style: <endpoint>/<bucket>/<key>.
 */
export function createS3Storage(config: S3Config): BlobStorage {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const objectUrl = (key: string) => `${config.endpoint.replace(/\/$/, "")}/${encodeURIComponent(config.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const fail = async (response: Response, what: string) => {
    throw new Error(`S3 ${what} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await client.fetch(objectUrl(key), { method: "PUT", body: new Uint8Array(bytes), headers: { "Content-Type": contentType } });
      if (!response.ok) await fail(response, `PUT ${key}`);
    },
    async get(key) {
      const response = await client.fetch(objectUrl(key));
      if (response.status === 404) return null;
      if (!response.ok || !response.body) return fail(response, `GET ${key}`);
      return response.body;
    },
    async delete(key) {
      const response = await client.fetch(objectUrl(key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) await fail(response, `DELETE ${key}`);
    },
  };
}
