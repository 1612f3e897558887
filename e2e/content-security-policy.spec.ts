import { test, expect } from "@/e2e/support/fixtures";

// Every response carries a nonce-based policy; a page replayed from the page cache gets a nonce of its own, and
// every script in it carries that nonce and no other (a nonce shared by two responses would be one an attacker
// could read and reuse).
const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

test("pages and API answers carry a nonce-based CSP; a cached page is replayed with a fresh nonce on every script", async ({ request }) => {
  const first = await request.get("/ilanlar");
  const second = await request.get("/ilanlar");
  expect(second.headers()["x-page-cache"]).toBe("hit");
  const seen = new Set<string>();
  for (const response of [first, second]) {
    const policy = response.headers()["content-security-policy"];
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    const nonce = nonceOf(policy)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    seen.add(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect([...html.matchAll(/nonce="([^"]+)"/g)].every((m) => m[1] === nonce)).toBe(true);
  }
  expect(seen.size).toBe(2);

  const api = await request.get("/api/ready");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("a replayed page still runs: the board's client code hydrates and the filter form works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/ilanlar");
  await page.goto("/ilanlar"); // the second view comes from the page cache
  await page.getByText("Filtreler").click();
  await page.getByLabel("İl", { exact: true }).selectOption({ label: "Ankara" });
  // the courthouse list is filled by the page's client code, which runs only if its scripts passed the policy
  await page.getByLabel("Adliye", { exact: true }).selectOption({ label: "Ankara Batı Adliyesi" });
  await page.getByRole("button", { name: "Filtrele" }).click();
  await expect(page).toHaveURL(/[?&]il=6(&|$)/);
  expect(violations).toEqual([]);
});
