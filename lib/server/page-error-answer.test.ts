import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerPageErrors } from "@/lib/server/page-error-answer";

// What Next would send for each path; the readiness check runs against the test run's PostgreSQL and Redis,
// which answer, so a failed page is a 500 (the 503 of an outage: e2e/postgres-faults.spec.ts).
const answers: Record<string, { status: number; type: string; body: string }> = {
  "/failed-page": { status: 500, type: "text/html; charset=utf-8", body: "<!DOCTYPE html><html id=\"__next_error__\"></html>" },
  "/page": { status: 200, type: "text/html; charset=utf-8", body: "<html>sayfa</html>" },
  "/failed-api": { status: 500, type: "application/json", body: "{\"error\":\"x\"}" },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    answerPageErrors(res);
    const answer = answers[req.url!];
    res.statusCode = answer.status;
    res.setHeader("content-type", answer.type);
    res.setHeader("x-from-next", "1");
    res.write(answer.body.slice(0, 5));
    res.end(answer.body.slice(5));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a page Next fails to render", () => {
  it("is answered with a Turkish document of ours instead of Next's empty one", async () => {
    const response = await fetch(`${base}/failed-page`);
    expect(response.status).toBe(500);
    expect(response.headers.get("x-from-next")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain("Beklenmeyen bir hata oluştu");
    expect(body).not.toContain("__next_error__");
  });

  it("leaves pages that render and failures that are not documents as Next sent them", async () => {
    for (const path of ["/page", "/failed-api"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(answers[path].status);
      expect(response.headers.get("x-from-next")).toBe("1");
      expect(await response.text()).toBe(answers[path].body);
    }
  });
});
