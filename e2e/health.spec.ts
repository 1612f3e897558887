import { spawn } from "node:child_process";
import { once } from "node:events";
import { test, expect } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";

test("health and readiness report a stopped Redis by name", async ({ request }) => {
  const redisPort = 6400 + Math.floor(Math.random() * 500);
  const redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const app = new AppServer({ port: Number(process.env.E2E_PORT ?? 3210) + 1, env: { REDIS_URL: `redis://127.0.0.1:${redisPort}/0` } });
  try {
    await new Promise((r) => setTimeout(r, 300));
    await app.start();

    const ready = await request.get(`${app.url}/api/ready`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", down: [] });

    redis.kill("SIGKILL");
    await once(redis, "exit");

    const notReady = await request.get(`${app.url}/api/ready`);
    expect(notReady.status()).toBe(503);
    const body = await notReady.json();
    expect(body).toMatchObject({ status: "unavailable", down: ["redis"] });
    // up or down, nothing more: the driver's error names the host and port, and goes to the log only
    expect(body.dependencies).toEqual([{ name: "postgresql", ok: true }, { name: "redis", ok: false }]);
    expect(JSON.stringify(body)).not.toContain(String(redisPort));
    await expect.poll(() => app.output).toContain("readiness: redis down");
    console.log(`/api/ready with Redis stopped: ${notReady.status()} ${JSON.stringify(body.down)}`);

    const health = await request.get(`${app.url}/api/health`);
    expect(health.status()).toBe(200);
  } finally {
    redis.kill("SIGKILL");
    await app.stop();
  }
});

test("the web app manifest makes Tevkil installable", async ({ request, app }) => {
  const manifest = await request.get(`${app.url}/manifest.webmanifest`);
  expect(manifest.ok()).toBe(true);
  const body = await manifest.json();
  expect(body).toMatchObject({ short_name: "Tevkil", lang: "tr", display: "standalone" });
  for (const icon of body.icons as { src: string }[]) {
    expect((await request.get(`${app.url}${icon.src}`)).ok(), icon.src).toBe(true);
  }
  // browsers ask for these on every site, and iOS for the home-screen icon the page names
  const favicon = await request.get(`${app.url}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  const home = await (await request.get(`${app.url}/`)).text();
  const appleIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(home)?.[1];
  expect(appleIcon, "apple-touch-icon link").toBeTruthy();
  expect((await request.get(`${app.url}${appleIcon!.replace(/&amp;/g, "&")}`)).ok()).toBe(true);
});
