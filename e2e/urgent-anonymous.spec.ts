import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, logIn, socketConnected } from "@/e2e/support/fixtures";
import { withE2eDb } from "@/e2e/support/e2e-db";

// Issue 14 items 3 and 4 through the UI: an ACİL job's response window counts down on both sides, and its
// applicants reach the poster by initials only until one is accepted. The poster's every page, route and socket
// frame is searched for the applicants' names, sicil numbers, e-mail addresses, phone numbers and ids.

const AYSE = { email: "ayse@example.com", name: "Av. Ayşe Yılmaz" };
const DAY = 86_400_000;

type Applicant = { email: string; fullName: string; given: string; surname: string; phone: string; barNumber: string; initials: string; id: string };

/** Lawyers with names, numbers and addresses found nowhere else, so any of them turning up is a leak. */
async function applicant(given: string, surname: string, barNumber: string, phone: string): Promise<Applicant> {
  const email = `${given.toLowerCase().replace(/[^a-z]/g, "")}.${barNumber}@example.com`;
  const fullName = `Av. ${given} ${surname}`;
  const id = await withE2eDb(async (db) => {
    const ayse = await db.user.findUniqueOrThrow({ where: { email: AYSE.email }, select: { passwordHash: true } });
    const user = await db.user.upsert({
      where: { email },
      update: {},
      create: {
        email, passwordHash: ayse.passwordHash, fullName, phone, showPhone: true, showEmail: true, provinceId: 6, barName: "Ankara Barosu",
        barNumber, title: "AVUKAT", verification: "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
      },
      select: { id: true },
    });
    return user.id;
  });
  return { email, fullName, given, surname, phone, barNumber, initials: `${given[0]}. ${surname[0]}.`, id };
}

/** A hex suffix for titles and five digits (from the same bytes) for sicil and phone numbers. */
const unique = (): [string, string] => {
  const bytes = randomBytes(2);
  return [bytes.toString("hex"), String(bytes.readUInt16BE(0)).padStart(5, "0")];
};

const identifiersOf = (a: Applicant) => [a.fullName, a.given, a.surname, a.email, a.phone, a.barNumber, a.id];

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

/** Every text frame the page's sockets receive from now on. */
function captureSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) => {
    if (ws.url().includes("/socket.io/")) ws.on("framereceived", ({ payload }) => frames.push(String(payload)));
  });
  return frames;
}

/** A datetime-local value `days` from now at `hour` o'clock, Istanbul time (UTC+3 all year). */
const istanbulInput = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour - 3, 0, 0, 0);
  return new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
};

async function postJob(page: Page, title: string, options: { urgent: boolean; anonymous: boolean }): Promise<string> {
  await page.goto("/panel");
  await page.getByRole("link", { name: "İlan ver" }).first().click();
  await expect(page).toHaveURL(/\/ilanlar\/yeni$/);
  await page.getByLabel("Görev türü").selectOption({ label: "Duruşma" });
  await page.getByLabel("Hukuk alanı").fill("İş Hukuku");
  await page.getByLabel("Başlık").fill(title);
  await page.getByLabel("İl").selectOption({ label: "Ankara" });
  await page.getByLabel("Adliye").selectOption({ index: 1 });
  await page.getByLabel("Görev tarihi ve saati").fill(istanbulInput(3, 10));
  await page.getByLabel("Son başvuru tarihi").fill(istanbulInput(2, 18));
  await page.getByLabel("Ücret (TL)").fill("4.000");
  await page.getByLabel("Açıklama").fill("İşe iade davasında tanık dinlenecek duruşma; dosya özeti görevlendirmeden sonra paylaşılacak.");
  await expect(page.getByLabel("Başvuru penceresi")).toHaveCount(0);
  if (options.urgent) {
    await page.getByLabel("Aciliyet").selectOption({ label: "Acil" });
    await expect(page.getByLabel("Başvuru penceresi")).toHaveValue("15");
  }
  const anonymity = page.getByLabel("Başvuranların adını görevlendirene kadar gizle");
  await expect(anonymity).toBeChecked();
  if (!options.anonymous) await anonymity.uncheck();
  await page.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(page).toHaveURL(/\/ilanlar\/[a-z0-9]+\?yeni=1$/);
  return new URL(page.url()).pathname;
}

async function applyFromBoard(page: Page, title: string, note: string): Promise<void> {
  await page.goto("/ilanlar?il=6");
  const card = page.getByTestId("job-card").filter({ hasText: title });
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("job-title")).toHaveText(title);
  await page.getByLabel("Notunuz").fill(note);
  await page.getByRole("button", { name: "Başvur" }).click();
  await expect(page.getByTestId("my-application")).toContainText("Değerlendiriliyor");
}

test("an ACİL job: both sides see the countdown; the poster sees initials until accepting, then the name and sicil", async ({ browser, app }) => {
  test.setTimeout(150_000);
  const [suffix, digits] = unique();
  const kivanc = await applicant("Kıvanççan", "Bozkurtoğlugil", `66${digits}`, `+90 532 4${digits.slice(0, 2)} ${digits.slice(2, 4)} 93`);
  const selin = await applicant("Selinnaz", "Yazıcıoğlugil", `67${digits}`, `+90 533 4${digits.slice(0, 2)} ${digits.slice(2, 4)} 94`);
  const title = `Acil işe iade duruşması ${suffix}`;

  const poster = await signedIn(browser, AYSE.email);
  const frames = captureSocketFrames(poster);
  const jobPath = await postJob(poster, title, { urgent: true, anonymous: true });
  // the poster's countdown, against the server's clock
  await expect(poster.getByTestId("response-window")).toContainText(/Başvuru penceresi: 1[45] dk \d\d sn kaldı/);
  const live = socketConnected(poster);
  await poster.reload();
  await live;

  // the applicants find it on the board, where the card shows the window too, and see that the job is anonymous
  const k = await signedIn(browser, kivanc.email);
  const s = await signedIn(browser, selin.email);
  await k.goto("/ilanlar?il=6");
  await expect(k.getByTestId("job-card").filter({ hasText: title }).getByTestId("response-window")).toContainText(/dk \d\d sn kaldı/);
  await applyFromBoard(k, title, "Ankara Adliyesi'ndeyim, duruşmaya yetişebilirim.");
  await expect(k.getByTestId("response-window")).toContainText(/Başvuru penceresi: 1[345] dk \d\d sn kaldı/);
  await expect(k.getByTestId("anonymity-notice")).toContainText("Başvurunuz ilan sahibine adınız gösterilmeden iletilir");
  // no way to the poster through this job before assignment
  await expect(k.getByTestId("start-conversation")).toHaveCount(0);
  await applyFromBoard(s, title, "Sıhhiye'deyim, yarım saatte adliyede olurum.");

  // the poster's page updates live: initials, bar, rating and counts; no link, no photo, no "Mesaj gönder"
  const applicants = poster.getByTestId("applicant");
  await expect(applicants).toHaveCount(2);
  await expect(applicants.nth(0).getByTestId("applicant-initials")).toHaveText(kivanc.initials);
  await expect(applicants.nth(1).getByTestId("applicant-initials")).toHaveText(selin.initials);
  await expect(applicants.nth(0)).toContainText("Ankara Barosu");
  await expect(applicants.nth(0)).toContainText("0 tamamlanan iş");
  await expect(poster.getByTestId("applicants").getByRole("link")).toHaveCount(0);
  await expect(poster.getByTestId("applicants").getByTestId("start-conversation")).toHaveCount(0);
  await expect(poster.getByTestId("applicants").locator("img")).toHaveCount(0);

  // nothing the poster can reach names either of them
  const everyone = [...identifiersOf(kivanc), ...identifiersOf(selin)];
  const leaksIn = (what: string, text: string) => everyone.filter((id) => text.includes(id)).map((id) => `${what}: ${id}`);
  const request = poster.context().request;
  const problems: string[] = [];
  for (const path of [jobPath, "/panel", "/bildirimler", "/ilanlar", "/ilanlar?il=6", "/mesajlar"]) {
    const html = await request.get(path);
    expect(html.status(), path).toBe(200);
    problems.push(...leaksIn(path, await html.text()));
    // the payload a client-side navigation fetches
    problems.push(...leaksIn(`${path} (RSC)`, await (await request.get(path, { headers: { rsc: "1" } })).text()));
  }
  const pdf = await request.get(`/api${jobPath}/yetki-belgesi`);
  expect(pdf.status()).toBe(403);
  problems.push(...leaksIn("yetki belgesi", await pdf.text()));
  // the copy everyone else shares
  const shared = await (await browser.newContext()).request.get(`${app.url}${jobPath}`);
  problems.push(...leaksIn("shared job page", await shared.text()));
  const rows = await withE2eDb((db) => db.notification.findMany({ where: { user: { email: AYSE.email }, link: jobPath } }));
  expect(rows.map((n) => n.body)).toEqual(expect.arrayContaining([expect.stringContaining(`${kivanc.initials} başvurdu`), expect.stringContaining(`${selin.initials} başvurdu`)]));
  problems.push(...leaksIn("notification rows", JSON.stringify(rows)));
  expect(frames.some((f) => f.includes("notification:new") && f.includes(kivanc.initials))).toBe(true);
  problems.push(...leaksIn("socket frames", frames.join("\n")));
  expect(problems).toEqual([]);

  // the poster accepts Kıvanççan: his name, sicil and contacts open; Selinnaz stays anonymous
  await applicants.nth(0).getByTestId("accept-application").click();
  const assignment = poster.getByTestId("assignment");
  // an accept is one transaction and a redraw: generous on a loaded machine
  await expect(assignment).toContainText(kivanc.fullName, { timeout: 30_000 });
  await expect(assignment).toContainText(`Sicil no ${kivanc.barNumber}`);
  await expect(assignment).toContainText(kivanc.phone);
  const afterHtml = (await (await request.get(jobPath)).text()) + (await (await request.get("/panel")).text());
  // the search above finds names as the HTML writes them: the accepted one's are there now
  expect(afterHtml).toContain(kivanc.fullName);
  expect(afterHtml).toContain(kivanc.barNumber);
  expect(identifiersOf(selin).filter((id) => afterHtml.includes(id))).toEqual([]);
  expect(identifiersOf(selin).filter((id) => frames.join("\n").includes(id))).toEqual([]);
  await expect(k.getByTestId("assignment")).toContainText("Bu iş size verildi");
  await expect(s.getByTestId("my-application")).toContainText("Reddedildi");
});

test("a job posted with anonymity off shows applicants by name", async ({ browser }) => {
  test.setTimeout(90_000);
  const [suffix, digits] = unique();
  const oguz = await applicant("Oğuzhancan", "Türkmenoğlugil", `68${digits}`, `+90 534 4${digits.slice(0, 2)} ${digits.slice(2, 4)} 95`);
  const title = `İsimli başvurulu duruşma ${suffix}`;
  const poster = await signedIn(browser, AYSE.email);
  const jobPath = await postJob(poster, title, { urgent: false, anonymous: false });
  await expect(poster.getByTestId("response-window")).toHaveCount(0);

  const o = await signedIn(browser, oguz.email);
  await applyFromBoard(o, title, "Ankara'dayım, duruşmaya katılabilirim.");
  await expect(o.getByTestId("anonymity-notice")).toHaveCount(0);

  await poster.goto(jobPath);
  const row = poster.getByTestId("applicant");
  await expect(row.getByRole("link", { name: oguz.fullName })).toHaveAttribute("href", `/avukat/${oguz.id}`);
  await expect(row.getByTestId("start-conversation")).toBeVisible();
  await expect(row.getByTestId("applicant-initials")).toHaveCount(0);
});
