import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, logIn } from "@/e2e/support/fixtures";
import { withE2eDb } from "@/e2e/support/e2e-db";

// The board, job pages, profiles, the conversation list and the panel are served from the page cache
// (lib/page-cache). These tests use them as people do and check the two promises of that cache: a write shows
// at the next view, and nobody ever sees a copy made for someone else.

const AYSE = { email: "ayse@example.com", name: "Av. Ayşe Yılmaz" };
const MEHMET = { email: "mehmet@example.com", name: "Av. Mehmet Demir" };
const ZEYNEP = { email: "zeynep@example.com", name: "Av. Zeynep Kaya" };
const ADMIN = { email: "admin@example.com", name: "Tevkil Yönetici" };
const DAY = 86_400_000;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

/** Opens a path and returns how the page cache answered the document request. */
async function view(page: Page, path: string): Promise<string | undefined> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  return response?.headers()["x-page-cache"];
}

/** Views a page until the cache answers it (the first view renders, the next is a copy). */
async function warm(page: Page, path: string): Promise<void> {
  await view(page, path);
  expect(await view(page, path)).toBe("hit");
}


const userId = (email: string) => withE2eDb(async (db) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id);

/** A job between two lawyers in the given state, written straight to the database (the setup, not the write under test). */
async function jobBetween(posterEmail: string, assigneeEmail: string, status: "ASSIGNED" | "DONE", fileNumber: string): Promise<string> {
  const [posterId, assigneeId] = [await userId(posterEmail), await userId(assigneeEmail)];
  return withE2eDb(async (db) => {
    const courthouse = await db.courthouse.findFirstOrThrow({ where: { provinceId: 6 }, select: { id: true } });
    const job = await db.job.create({
      data: {
        posterId, assigneeId, status, taskType: "DURUSMA", lawArea: "Borçlar Hukuku", title: `Önbellek sınaması ${randomBytes(3).toString("hex")}`,
        description: "Kira tespit davasında duruşmaya katılım.", provinceId: 6, courthouseId: courthouse.id, fileNumber,
        scheduledAt: new Date(Date.now() - DAY), deadlineAt: new Date(Date.now() - 2 * DAY), feeKurus: 300_000,
        assignedAt: new Date(Date.now() - 3 * DAY), ...(status === "DONE" ? { completedAt: new Date(), completionReport: "Duruşmaya katıldım, ertelendi." } : {}),
      },
      select: { id: true },
    });
    return job.id;
  });
}

test("each cached page shows a write at the next view", async ({ browser }) => {
  test.setTimeout(120_000);
  const ayse = await signedIn(browser, AYSE.email);
  const mehmet = await signedIn(browser, MEHMET.email);
  const title = `Bakırköy'de tespit duruşması ${randomBytes(3).toString("hex")}`;

  // the board: Mehmet's copy is warm, Ayşe posts through the form, Mehmet's next view has the job
  await warm(mehmet, "/ilanlar");
  await expect(mehmet.getByTestId("job-card").filter({ hasText: title })).toHaveCount(0);
  await ayse.goto("/ilanlar/yeni");
  await ayse.getByLabel("Görev türü").selectOption({ label: "Duruşma" });
  await ayse.getByLabel("Hukuk alanı").fill("Borçlar Hukuku");
  await ayse.getByLabel("Başlık").fill(title);
  await ayse.getByLabel("İl").selectOption({ label: "İstanbul" });
  await ayse.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await ayse.getByLabel("Görev tarihi ve saati").fill(new Date(Date.now() + 6 * DAY).toISOString().slice(0, 11) + "10:00");
  await ayse.getByLabel("Son başvuru tarihi").fill(new Date(Date.now() + 4 * DAY).toISOString().slice(0, 11) + "18:00");
  await ayse.getByLabel("Ücret (TL)").fill("3.000");
  await ayse.getByLabel("Açıklama").fill("Kira tespit davasında ön inceleme duruşması; dosya özeti paylaşılacak.");
  await ayse.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(ayse).toHaveURL(/\/ilanlar\/[a-z0-9]+\?yeni=1$/);
  const jobPath = new URL(ayse.url()).pathname;
  expect(await view(mehmet, "/ilanlar")).toBe("miss");
  await expect(mehmet.getByTestId("job-card").filter({ hasText: title })).toHaveCount(1);

  // the job page: Ayşe's copy is warm, Mehmet applies through the form, Ayşe's next view lists him
  await warm(ayse, jobPath);
  await expect(ayse.getByTestId("applicant")).toHaveCount(0);
  await view(mehmet, jobPath);
  await mehmet.getByLabel("Notunuz").fill("Bakırköy'deyim, duruşmaya katılabilirim.");
  await mehmet.getByRole("button", { name: "Başvur" }).click();
  await expect(mehmet.getByTestId("my-application")).toContainText("Değerlendiriliyor");
  await view(ayse, jobPath);
  // by initials: the post form hides applicants' names until one is accepted
  await expect(ayse.getByTestId("applicant").getByTestId("applicant-initials")).toHaveText("M. D.");

  // a profile: Zeynep's profile is warm for Ayşe, Mehmet reviews Zeynep through the form, Ayşe's next view has it
  const zeynepId = await userId(ZEYNEP.email);
  const doneJob = await jobBetween(ZEYNEP.email, MEHMET.email, "DONE", "2026/1 E.");
  const comment = `Titiz ve dakik bir meslektaş ${randomBytes(3).toString("hex")}`;
  await warm(ayse, `/avukat/${zeynepId}`);
  await expect(ayse.getByTestId("review").filter({ hasText: comment })).toHaveCount(0);
  await view(mehmet, `/ilanlar/${doneJob}`);
  await mehmet.getByLabel("Yorum (isteğe bağlı)").fill(comment);
  await mehmet.getByRole("button", { name: "Değerlendirmeyi gönder" }).click();
  await expect(mehmet.getByTestId("review-form")).toHaveCount(0);
  await view(ayse, `/avukat/${zeynepId}`);
  await expect(ayse.getByTestId("review").filter({ hasText: comment })).toBeVisible();

  // the conversation list: Zeynep's list is warm, Ayşe writes to her for the first time, Zeynep's next view has it
  const zeynep = await signedIn(browser, ZEYNEP.email);
  await warm(zeynep, "/mesajlar");
  await expect(zeynep.getByTestId("conversation-item").filter({ hasText: AYSE.name })).toHaveCount(0);
  await ayse.goto(`/avukat/${zeynepId}`);
  await ayse.getByRole("button", { name: "Mesaj gönder" }).click();
  await expect(ayse).toHaveURL(/\/mesajlar\/[a-z0-9]+$/);
  const body = `Merhaba, Ankara'daki keşif için yazıyorum ${randomBytes(3).toString("hex")}`;
  await ayse.getByTestId("message-input").fill(body);
  await ayse.getByTestId("message-send").click();
  await expect(ayse.getByTestId("message-item").filter({ hasText: body })).toBeVisible();
  await expect(ayse.getByTestId("message-item").filter({ hasText: body })).toHaveAttribute("data-status", /sent|read/);
  await view(zeynep, "/mesajlar");
  await expect(zeynep.getByTestId("conversation-item").filter({ hasText: AYSE.name })).toContainText(body.slice(0, 30));
});

test("a copy made for one lawyer is never shown to another", async ({ browser }) => {
  test.setTimeout(90_000);
  const fileNumber = `2026/${Math.floor(Math.random() * 9000) + 1000} E.`;
  const jobId = await jobBetween(ZEYNEP.email, MEHMET.email, "ASSIGNED", fileNumber);
  const jobPath = `/ilanlar/${jobId}`;
  const pages = {
    zeynep: await signedIn(browser, ZEYNEP.email),
    mehmet: await signedIn(browser, MEHMET.email),
    ayse: await signedIn(browser, AYSE.email),
    admin: await signedIn(browser, ADMIN.email),
  };

  // the poster and the assignee see the file number in their own copies
  for (const page of [pages.zeynep, pages.mehmet]) {
    await warm(page, jobPath);
    await expect(page.getByTestId("file-number")).toHaveText(fileNumber);
  }
  // colleagues who are not party to it share one copy, without the file number, each with their own header
  expect(await view(pages.ayse, jobPath)).toBeDefined();
  expect(await view(pages.admin, jobPath)).toBe("hit");
  for (const [page, who] of [[pages.ayse, AYSE], [pages.admin, ADMIN]] as const) {
    await expect(page.getByTestId("assignment")).toHaveCount(0);
    await expect(page.getByText(fileNumber)).toHaveCount(0);
    expect(await (await page.request.get(jobPath)).text()).not.toContain(fileNumber);
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-menu")).toContainText(who.email);
  }

  // the board is one copy for everyone: its HTML names nobody's account; the header is each viewer's own
  for (const [page, who] of [[pages.zeynep, ZEYNEP], [pages.ayse, AYSE]] as const) {
    await view(page, "/ilanlar");
    const html = await (await page.request.get("/ilanlar")).text();
    for (const email of [AYSE.email, MEHMET.email, ZEYNEP.email, ADMIN.email]) expect(html).not.toContain(email);
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-menu")).toContainText(who.email);
  }

  // panels are per lawyer
  for (const [page, who] of [[pages.zeynep, ZEYNEP], [pages.ayse, AYSE], [pages.mehmet, MEHMET]] as const) {
    await warm(page, "/panel");
    await expect(page.getByTestId("dashboard-title")).toHaveText(`Merhaba, ${who.name}`);
  }

  // the conversation list page is one copy for every verified lawyer; each one's browser fetches their own list
  await pages.ayse.goto(`/avukat/${await userId(MEHMET.email)}`);
  await pages.ayse.getByRole("button", { name: "Mesaj gönder" }).click();
  await expect(pages.ayse).toHaveURL(/\/mesajlar\/[a-z0-9]+$/);
  const note = `Dosya ${fileNumber} hakkında ${randomBytes(3).toString("hex")}`;
  await pages.ayse.getByTestId("message-input").fill(note);
  await pages.ayse.getByTestId("message-send").click();
  await expect(pages.ayse.getByTestId("message-item").filter({ hasText: note })).toHaveAttribute("data-status", /sent|read/);
  await warm(pages.zeynep, "/mesajlar");
  expect(await view(pages.mehmet, "/mesajlar")).toBe("hit");
  await expect(pages.mehmet.getByTestId("conversation-item").filter({ hasText: AYSE.name })).toContainText(note.slice(0, 30));
  await view(pages.zeynep, "/mesajlar");
  await expect(pages.zeynep.getByRole("heading", { name: "Mesajlar" })).toBeVisible();
  await expect(pages.zeynep.getByTestId("conversations-loading")).toHaveCount(0); // her own list has loaded
  await expect(pages.zeynep.getByText(note.slice(0, 30))).toHaveCount(0);
  const shared = await (await pages.mehmet.request.get("/mesajlar")).text();
  expect(shared).not.toContain(note);
  for (const who of [AYSE, MEHMET, ZEYNEP]) expect(shared).not.toContain(who.email);

  // a profile: its owner gets "Profili düzenle", a verified colleague "Mesaj gönder"
  const zeynepProfile = `/avukat/${await userId(ZEYNEP.email)}`;
  await warm(pages.zeynep, zeynepProfile);
  await expect(pages.zeynep.getByRole("link", { name: "Profili düzenle" })).toBeVisible();
  await view(pages.ayse, zeynepProfile);
  await expect(pages.ayse.getByRole("link", { name: "Profili düzenle" })).toHaveCount(0);
  await expect(pages.ayse.getByRole("button", { name: "Mesaj gönder" })).toBeVisible();
});
