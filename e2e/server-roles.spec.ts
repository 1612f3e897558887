import { execFileSync } from "node:child_process";
import { io } from "socket.io-client";
import { test, expect, logIn } from "@/e2e/support/fixtures";

// SERVER_ROLE=all: the listening process carries the sockets and forks one web process for pages. A crash of the
// web process must not touch the sockets, and pages must come back without anyone restarting the app.

const webProcessOf = (pid: number) => Number(execFileSync("pgrep", ["-P", String(pid), "-f", "dist/server.js"]).toString().trim().split("\n")[0]);

test("the web process dies: sockets stay connected, pages come back by themselves", async ({ page, app }) => {
  await logIn(page, "ayse@example.com");
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  const socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: `${cookie.name}=${cookie.value}` }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  let disconnected = false;
  socket.on("disconnect", () => (disconnected = true));

  const web = webProcessOf(app.pid!);
  expect(web).toBeGreaterThan(0);
  process.kill(web, "SIGKILL");
  const killedAt = Date.now();

  // a new web process is forked; until it is ready a page answers 503 with a Turkish line, never hangs
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        const status = await fetch(`${app.url}/ilanlar`).then((r) => String(r.status), (e: Error) => `${e.message} ${String((e.cause as Error)?.message ?? "")}`);
        seen.push(status);
        return status;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBe("200")
    .catch((error: Error) => {
      throw new Error(`${error.message}\nseen: ${[...new Set(seen)].join(" | ")}\nserver output:\n${app.output.slice(-3000)}`);
    });
  console.log(`pages served again ${Date.now() - killedAt} ms after kill -9 of the web process`);
  expect(webProcessOf(app.pid!)).not.toBe(web);

  // the socket lived through it and still answers
  const { viewer } = (await (await page.request.get("/api/me")).json()) as { viewer: { id: string } };
  const online = await socket.timeout(5_000).emitWithAck("presence:get", { userIds: [viewer.id] });
  expect(online).toMatchObject({ ok: true, online: { [viewer.id]: false } }); // oneself is no peer: answered, not shown
  expect(disconnected).toBe(false);
  socket.close();

  await page.goto("/panel");
  await expect(page.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Ayşe Yılmaz");
});
