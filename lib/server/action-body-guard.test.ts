import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardActionBody } from "@/lib/server/action-body-guard";

// The 413 for an oversized body is proven end to end (e2e/malformed-requests.spec.ts): in one process on
// localhost the old early close did not show. Here: a real HTTP server with the guard in front of a handler that
// stands for Next and echoes what reached it.
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) =>
    guardActionBody(req, res, () => {
      let length = 0;
      req.on("data", (chunk: Buffer) => (length += chunk.length));
      req.on("end", () => res.end(JSON.stringify({ reachedNext: true, length })));
    }),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Posts an action body as a browser's fetch does: declared length, the whole body sent, then the answer read. */
async function postAction(body: Buffer): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/ilanlar/yeni`, {
    method: "POST",
    headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
    body: new Uint8Array(body),
  });
  return { status: response.status, text: await response.text() };
}

describe("the server-action body guard", () => {
  it("passes a readable body under the limit to Next byte for byte, and refuses a cut-off one", async () => {
    const good = Buffer.from(JSON.stringify(["y".repeat(5 * 1024 * 1024)]));
    expect(await postAction(good)).toEqual({ status: 200, text: JSON.stringify({ reachedNext: true, length: good.length }) });
    const cut = await postAction(Buffer.from('[{"a":'));
    expect(cut.status).toBe(400);
  });
});
