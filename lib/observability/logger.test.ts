import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";

describe("the structured logger", () => {
  it("writes one JSON line per event and censors secrets and bodies passed by mistake", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger(sink);
    log.warn({ userId: "u1", password: "parola123", body: "müvekkilin adı", headers: { cookie: "authjs=abc" }, job: { token: "t0k" } }, "bad input");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 40, msg: "bad input", userId: "u1", password: "[gizli]", body: "[gizli]", headers: "[gizli]" });
    expect(entry.job.token).toBe("[gizli]");
    expect(lines[0]).not.toMatch(/parola123|müvekkilin|authjs=abc|t0k/);
  });
});
