import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { warmUpPages } from "@/lib/server/web-warm-up";

// A stand-in for Next's handler: the warm-up only needs pages that link to each other as the real ones do.
function site(pages: Record<string, string>, seen: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.url} ${req.headers.cookie ?? "no cookie"}`);
    const body = pages[req.url ?? ""];
    if (body === undefined) return void res.writeHead(404).end("yok");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  };
}

describe("warmUpPages", () => {
  it("views the public pages, then the first job on the board and its poster, anonymously, for the budget", async () => {
    const seen: string[] = [];
    const handler = site(
      {
        "/": "<a href=\"/ilanlar\">İlanlar</a>",
        "/ilanlar": '<a href="/ilanlar/yeni">İlan ver</a><a href="/ilanlar/job1">Duruşma</a><a href="/ilanlar/job2">Dosya</a>',
        "/giris": "<form></form>",
        "/ilanlar/job1": '<a href="/avukat/user1">Av. Ayşe</a>',
        "/avukat/user1": "<h1>Av. Ayşe</h1>",
      },
      seen,
    );
    const started = performance.now();
    const result = await warmUpPages(handler, 300);
    const took = performance.now() - started;

    expect(result.paths).toEqual(["/", "/ilanlar", "/giris", "/ilanlar/job1", "/avukat/user1"]);
    expect(result.failed).toBe(0);
    expect(result.views).toBe(seen.length);
    expect(result.views).toBeGreaterThan(result.paths.length); // more than one round in 300 ms
    expect(new Set(seen)).toEqual(new Set(result.paths.map((p) => `${p} no cookie`)));
    // it stops once the budget is spent, within the view in flight then
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(2_000);
  });

  it("counts failing pages, stops when nothing answers, and never throws", async () => {
    const failing = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(500).end();
    const result = await warmUpPages(failing, 5_000);
    expect(result).toMatchObject({ views: 3, failed: 3, paths: ["/", "/ilanlar", "/giris"] });
    expect(result.ms).toBeLessThan(2_000);
  });

  it("gives up a page that never answers when the budget is spent", async () => {
    const hanging = () => undefined; // a render waiting on a database that does not answer
    const started = performance.now();
    const result = await warmUpPages(hanging, 400);
    expect(performance.now() - started).toBeLessThan(1_800); // the budget, or a second for the view in flight
    expect(result).toMatchObject({ views: 1, failed: 1 });
  });

  it("does nothing with a budget of 0", async () => {
    const seen: string[] = [];
    expect(await warmUpPages(site({}, seen), 0)).toMatchObject({ views: 0, failed: 0 });
    expect(seen).toEqual([]);
  });
});
