import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { test, expect } from "@/e2e/support/fixtures";

// Bodies no browser of ours sends: each is refused with 400, 411 or 413 and a Turkish message, never a 500, and the
// same action still works right after.

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in this build`);
  return found[0];
}

test("server actions answer broken and chunked bodies with 400 and 411, not 500", async ({ request, baseURL }) => {
  const login = actionId("loginAction");
  const post = (headers: Record<string, string>, data: string) => request.post("/giris", { headers: { "next-action": login, ...headers }, data });
  const cases: [string, Promise<Awaited<ReturnType<typeof post>>>, number][] = [
    ["cut-off JSON", post({ "content-type": "text/plain;charset=UTF-8" }, '[{"a":'), 400],
    ["cut-off multipart", post({ "content-type": "multipart/form-data; boundary=XYZ" }, '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--XY'), 400],
    ["form post with a cut-off multipart body", request.post("/giris", { headers: { "content-type": "multipart/form-data; boundary=XYZ" }, data: `--XYZ\r\nContent-Disposition: form-data; name="$ACTION_ID_${login}"\r\n\r\n\r\n--XY` }), 400],
  ];
  for (const [label, response, status] of cases) {
    const answer = await response;
    expect(answer.status(), label).toBe(status);
    expect((await answer.json()).error.message, label).toMatch(/okunamadı|çok büyük/);
  }
  // a chunked body has no length to check before Next would read all of it: refused, whatever its size
  for (const size of [20, 2_000_000]) {
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${baseURL}/giris`, { method: "POST", headers: { "next-action": login, "content-type": "text/plain;charset=UTF-8", "transfer-encoding": "chunked" } }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      const payload = JSON.stringify([{ email: "yok@example.com", password: "x".repeat(size) }]);
      for (let i = 0; i < payload.length; i += 64 * 1024) req.write(payload.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(chunked.status, `chunked ${size}`).toBe(411);
    expect(JSON.parse(chunked.body).error.message).toMatch(/okunamadı/);
  }
  // a well-formed call of the same action is read by Next as before: wrong credentials, answered in Turkish
  const ok = await post({ "content-type": "text/plain;charset=UTF-8" }, JSON.stringify([{ email: "yok@example.com", password: "yanlis-sifre-123" }]));
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toMatch(/"ok":false/);
});

test("a server action body over the 21 MB limit is answered 413 in Turkish, and the sender receives it", async ({ request, baseURL }) => {
  const login = actionId("loginAction");
  // 23 million bytes: over 21 MiB (22,020,096 bytes; a "22 MB" body of 22 million bytes is under it)
  const oversized = JSON.stringify(["x".repeat(23_000_000)]);
  // as a browser's fetch sends it
  const fetched = await fetch(`${baseURL}/giris`, { method: "POST", headers: { "next-action": login, "content-type": "text/plain;charset=UTF-8" }, body: oversized });
  expect(fetched.status).toBe(413);
  expect((await fetched.json()).error.message).toMatch(/çok büyük/);
  // and through Playwright's request client, which writes the whole body before it reads
  const posted = await request.post("/giris", { headers: { "next-action": login, "content-type": "text/plain;charset=UTF-8" }, data: oversized });
  expect(posted.status()).toBe(413);
});
