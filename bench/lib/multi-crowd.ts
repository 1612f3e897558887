// Several crowds driven as one: the bare relay with K > 1 processes gets one crowd per process, each connected
// to its own relay directly (there is no nginx in front of the relays), and the phases see them as one crowd.
import type { Crowd, MergedWindow } from "./crowd";
import { mergeLedgers } from "./ledger";
import { mergeWindows } from "./measure";

export class MultiCrowd {
  constructor(private readonly crowds: Crowd[]) {}

  async connect() {
    const results = await Promise.all(this.crowds.map((c) => c.connect()));
    return {
      connected: results.reduce((s, r) => s + r.connected, 0),
      failed: results.reduce((s, r) => s + r.failed, 0),
      seconds: Math.max(...results.map((r) => r.seconds)),
      errors: {},
      instances: {},
    };
  }

  setRate(total: number) {
    for (const c of this.crowds) c.setRate(total / this.crowds.length);
  }

  async snapshot(): Promise<MergedWindow> {
    const all = await Promise.all(this.crowds.map((c) => c.snapshot()));
    const merged = mergeWindows(all);
    merged.ms = Math.max(...all.map((w) => w.ms));
    merged.connected = all.reduce((s, w) => s + w.connected, 0);
    return merged;
  }

  async drain(timeoutMs: number) {
    return (await Promise.all(this.crowds.map((c) => c.drain(timeoutMs)))).reduce((a, b) => a + b, 0);
  }

  async forget() {
    return (await Promise.all(this.crowds.map((c) => c.forget()))).reduce((a, b) => a + b, 0);
  }

  async ledger() {
    return mergeLedgers(await Promise.all(this.crowds.map((c) => c.ledger())));
  }

  async close() {
    await Promise.all(this.crowds.map((c) => c.close()));
  }
}
