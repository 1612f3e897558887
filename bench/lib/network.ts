// Ports and source addresses of a run. Other engineers' runs and the last run's TIME_WAIT share this machine,
// so each run takes a free block of ports and a fresh block of loopback source addresses.
import { portFree } from "./services";

/** Ports 3300–3399: nginx base, apps base+1…, bare relays base+10…, PgBouncer base+19. */
export async function pickBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 3300 + Math.floor(Math.random() * 4) * 20;
    const ports = [base, ...Array.from({ length: 19 }, (_, i) => base + 1 + i)];
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error("no free block of 20 ports in 3300–3399");
}

/** Source addresses 127.0.0.x, a different block each run (the last run's TIME_WAIT stays on its addresses). */
export function sourceAddresses(count: number): string[] {
  const first = 2 + Math.floor(Math.random() * (250 - count));
  return Array.from({ length: count }, (_, i) => `127.0.0.${first + i}`);
}
