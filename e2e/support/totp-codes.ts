import { Secret, TOTP } from "otpauth";

// The server refuses a TOTP code that worked once (RFC 6238 §5.2) and accepts one step either side of now. Tests
// that log the same account in several times within 30 s take the steps one by one, waiting when all three are used.
// What this process remembers is lost when Playwright starts a new worker, while the server still remembers: pass
// `usedOnServer` to ask it (a fresh CI worker once chose a step the previous worker had used, 'Kod geçersiz').
const PERIOD_MS = 30_000;
const used = new Map<string, Set<number>>();

export async function freshTotpCode(secretBase32: string, usedOnServer?: (step: number) => Promise<boolean>): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: PERIOD_MS / 1000 });
  const steps = used.get(secretBase32) ?? new Set<number>();
  used.set(secretBase32, steps);
  for (;;) {
    const now = Math.floor(Date.now() / PERIOD_MS);
    // the server accepts now ± 1: the step after now stays valid until its clock is two steps on (30-60 s), the one
    // before only until this step ends, so that one only with 10 s left for the form to reach the server
    const candidates = [now, now + 1, ...(PERIOD_MS - (Date.now() % PERIOD_MS) > 10_000 ? [now - 1] : [])];
    const step = candidates.find((s) => !steps.has(s));
    if (step !== undefined) {
      steps.add(step);
      if (usedOnServer && (await usedOnServer(step))) continue;
      return totp.generate({ timestamp: step * PERIOD_MS });
    }
    await new Promise((r) => setTimeout(r, PERIOD_MS - (Date.now() % PERIOD_MS) + 50));
  }
}
