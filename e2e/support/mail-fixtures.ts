import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { test as base } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { startSmtpServer } from "@/test/fake-services";

// For flows that go through an inbox: the app and a real worker process both get SMTP_URL pointing at a local SMTP
// server the test reads links from.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** `npm run worker` as a child process, with the app server's configuration. */
async function startWorkerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!output.includes("Tevkil workers running")) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`worker did not start within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

export const test = base.extend<object, { app: AppServer; smtp: Smtp }>({
  smtp: [
    async ({}, use) => {
      const smtp = await startSmtpServer();
      await use(smtp);
      await smtp.close();
    },
    { scope: "worker" },
  ],
  app: [
    async ({ smtp }, use) => {
      // TRUST_PROXY: a spec can give each of its browsers an address of its own (X-Forwarded-For)
      // no grace period before a deleted account closes: the worker closes it at once (e2e/kvkk.spec.ts)
      const app = new AppServer({ port: E2E_PORT, env: { SMTP_URL: smtp.url, TRUST_PROXY: "1", ACCOUNT_DELETION_GRACE_HOURS: "0" } });
      await app.start();
      const worker = await startWorkerProcess({ ...app.environment, DB_POOL_MAX: "2" });
      await use(app);
      const exited = once(worker.child, "exit");
      worker.child.kill("SIGTERM");
      await exited;
      await app.stop();
    },
    { scope: "worker" },
  ],
});

/** The link to `path` in the `nth` e-mail sent to `to` (waits for it to arrive). */
export async function mailLink(smtp: Smtp, to: string, appUrl: string, path: string, nth = 1): Promise<{ subject: string; link: string }> {
  const deadline = Date.now() + 15_000;
  const mailsTo = () => smtp.received.filter((m) => m.envelopeTo.includes(to));
  while (mailsTo().length < nth && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const mails = mailsTo();
  if (mails.length < nth) throw new Error(`expected ${nth} e-mails to ${to}, got ${mails.length}`);
  const { mail } = mails[nth - 1];
  const link = new RegExp(`${appUrl}${path}[A-Za-z0-9_-]{43}`).exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`no ${path} link in the e-mail to ${to}:\n${mail.text}`);
  return { subject: mail.subject ?? "", link };
}
