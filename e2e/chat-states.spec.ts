import { test, expect, logIn, socketConnected } from "@/e2e/support/fixtures";
import { createPrismaClient } from "@/lib/db";

// What the chat shows when things go wrong: no connection, and a file the server refuses.

const zeynepId = async () => {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    return (await prisma.user.findUniqueOrThrow({ where: { email: "zeynep@example.com" }, select: { id: true } })).id;
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
};

test("without a connection the chat says so instead of showing the peer online; a refused file offers no pointless retry", async ({ page, app }) => {
  test.setTimeout(90_000);
  await logIn(page, "mehmet@example.com");
  // the tab's socket lives in the layout: it connects on the first page and stays across navigations
  const live = socketConnected(page);
  await page.goto(`/avukat/${await zeynepId()}`);
  await live;
  await page.getByRole("button", { name: "Mesaj gönder" }).click();
  await expect(page).toHaveURL(/\/mesajlar\/[a-z0-9]+$/);
  await expect(page.getByTestId("chat-offline")).toHaveCount(0);

  // a file that is not what it claims: refused for good, so no "tap to retry"
  await page.getByTestId("attachment-input").setInputFiles({ name: "fatura.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ bu bir program") });
  await page.getByTestId("message-send").click();
  const failed = page.getByTestId("message-item").filter({ has: page.locator("[data-testid=message-status][aria-label=gönderilemedi]") });
  await expect(failed).toBeVisible();
  await expect(failed).not.toContainText("dokunun");
  await expect(failed).not.toHaveAttribute("role", "button");

  // the server goes away: the page tells the lawyer, and the peer is not shown online
  await app.stop();
  await expect(page.getByTestId("chat-offline")).toBeVisible();
  await expect(page.getByTestId("peer-state")).toHaveText(/bağlantı bekleniyor/);
  await expect(page.getByTestId("presence-dot")).toHaveAttribute("data-online", "false");
  await app.start();
  await expect(page.getByTestId("chat-offline")).toHaveCount(0, { timeout: 20_000 });
});
