import { Secret, TOTP } from "otpauth";

// The server refuses a TOTP code that worked once (RFC 6238 §5.2) and accepts one step either side of now. Tests
// that log the same account in several times within 30 s take the steps one by one, waiting when all three are used.
const PERIOD_MS = 30_000;
const used = new Map<string, Set<number>>();

export async function freshTotpCode(secretBase32: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: PERIOD_MS / 1000 });
  const steps = used.get(secretBase32) ?? new Set<number>();
  used.set(secretBase32, steps);
  for (;;) {
    const now = Math.floor(Date.now() / PERIOD_MS);
    // the step after now is valid too, but only until the server's clock moves past it; prefer now, then the one before
    const step = [now, now - 1, now + 1].find((s) => !steps.has(s));
    if (step !== undefined) {
      steps.add(step);
      return totp.generate({ timestamp: step * PERIOD_MS });
    }
    await new Promise((r) => setTimeout(r, PERIOD_MS - (Date.now() % PERIOD_MS) + 50));
  }
}
