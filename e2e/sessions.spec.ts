import { io } from "socket.io-client";
import type { BrowserContext } from "@playwright/test";
import { test, expect, logIn } from "@/e2e/support/fixtures";

async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  return cookie ? `${cookie.name}=${cookie.value}` : "";
}

/** Opens a Socket.IO connection as the browser context would; resolves "connected" or the refusal message. */
function trySocket(url: string, cookie: string, origin?: string): Promise<string> {
  return new Promise((resolve) => {
    const headers = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
    const socket = io(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false, timeout: 5_000 });
    socket.on("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.on("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

test("restarting the server keeps the user logged in", async ({ page, app }) => {
  await logIn(page, "ayse@example.com");
  await expect(page.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Ayşe Yılmaz");

  const stopped = await app.stop();
  console.log(`server stopped with SIGTERM: exit code ${stopped.code} after ${stopped.ms} ms`);
  expect(stopped.code).toBe(0);
  await app.start();

  await page.goto("/ayarlar");
  await expect(page).toHaveURL(/\/ayarlar/);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText("ayse@example.com");
  console.log("after restart: /ayarlar rendered for ayse@example.com without a new login");
});

test("the socket handshake needs a live session", async ({ page, app }) => {
  expect(await trySocket(app.url, "")).toBe("UNAUTHENTICATED");
  expect(await trySocket(app.url, "authjs.session-token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe("UNAUTHENTICATED");
  await logIn(page, "zeynep@example.com");
  expect(await trySocket(app.url, await sessionCookieHeader(page.context()))).toBe("connected");
});

test("a page on another site can neither open a socket nor upload with the lawyer's cookie", async ({ page, app }) => {
  await logIn(page, "zeynep@example.com");
  const cookie = await sessionCookieHeader(page.context());
  expect(await trySocket(app.url, cookie, app.url)).toBe("connected");
  expect(await trySocket(app.url, cookie, "https://kotu-site.example")).not.toBe("connected");
  const upload = (origin: string) =>
    page.request.post(`${app.url}/api/ekler?konusma=x&ad=a.pdf`, { headers: { origin, "content-type": "application/pdf" }, data: Buffer.from("%PDF-1.4 deneme") });
  const foreign = await upload("https://kotu-site.example");
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("FORBIDDEN");
  // the same request from the site itself gets as far as the conversation check
  expect((await (await upload(app.url)).json()).error.code).not.toBe("FORBIDDEN");
});

test("signing out everywhere else logs the other browser out, on pages and sockets", async ({ browser, app }) => {
  const phoneContext = await browser.newContext({ userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36" });
  const laptopContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  const laptop = await laptopContext.newPage();
  await logIn(phone, "mehmet@example.com");
  await logIn(laptop, "mehmet@example.com");
  const phoneCookie = await sessionCookieHeader(phoneContext);
  expect(await trySocket(app.url, phoneCookie)).toBe("connected");

  await laptop.goto("/ayarlar");
  await expect(laptop.getByTestId("session-item").filter({ hasText: "Android" }).first()).toBeVisible();
  await expect(laptop.getByTestId("session-item").filter({ hasText: "Bu cihaz" })).toHaveCount(1);
  await laptop.getByTestId("revoke-other-sessions").click();
  await expect(laptop.getByText(/\d+ oturum kapatıldı\./)).toBeVisible();
  await expect(laptop.getByTestId("session-item")).toHaveCount(1);

  await phone.goto("/panel");
  await expect(phone).toHaveURL(/\/giris/);
  expect(await trySocket(app.url, phoneCookie)).toBe("UNAUTHENTICATED");

  await laptop.goto("/panel");
  await expect(laptop.getByTestId("dashboard-title")).toBeVisible();
  await Promise.all([phoneContext.close(), laptopContext.close()]);
});

test("logging out closes every socket of that session within a second", async ({ page, app }) => {
  await logIn(page, "zeynep@example.com");
  const cookie = await sessionCookieHeader(page.context());
  // a second socket of the same session (another tab of the browser, or a client that kept it open)
  const other = io(app.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    other.on("connect", () => resolve());
    other.on("connect_error", reject);
  });
  const closed = new Promise<{ reason: string; at: number }>((resolve) => other.on("disconnect", (reason) => resolve({ reason, at: Date.now() })));

  await page.getByTestId("user-menu").click();
  const clickedAt = Date.now();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/$/);
  const { reason, at } = await closed;
  console.log(`socket of the logged-out session closed ${at - clickedAt} ms after the click (${reason})`);
  expect(reason).toBe("io server disconnect");
  expect(at - clickedAt).toBeLessThan(1_000);
  expect(await trySocket(app.url, cookie)).toBe("UNAUTHENTICATED");
  await expect(page.getByRole("navigation", { name: "Ana menü" }).getByRole("link", { name: "Giriş yap" })).toBeVisible();
});
