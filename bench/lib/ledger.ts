// The ledger: every clientId acked to a sender must be stored once and delivered to its recipient once (live or
// through `sync` after a reconnect). Lost and duplicated must both be 0, whatever the load did to latency.
import type { Report } from "./report";

export type CrowdLedger = { acked: Map<string, number>; delivered: Map<string, number>; unacked: string[]; abandoned: number };

/** `stored`: clientId → stored rows (null for the bare relay, which stores nothing). */
export function reconcile(ledger: CrowdLedger, stored: Map<string, number> | null, pendingAfterDrain: number): NonNullable<Report["ledger"]> {
  let lostPersist = 0;
  let lostDelivery = 0;
  const lostExamples: string[] = [];
  for (const clientId of ledger.acked.keys()) {
    if (stored && !stored.has(clientId)) {
      lostPersist++;
      if (lostExamples.length < 5) lostExamples.push(`${clientId} (not stored)`);
    }
    if (!ledger.delivered.has(clientId)) {
      lostDelivery++;
      if (lostExamples.length < 5) lostExamples.push(`${clientId} (not delivered)`);
    }
  }
  let duplicated = 0;
  for (const n of ledger.delivered.values()) if (n > 1) duplicated += n - 1;
  let storedTwice = 0;
  let storedUnacked = 0;
  if (stored) {
    for (const [clientId, n] of stored) {
      if (n > 1) storedTwice += n - 1;
      if (!ledger.acked.has(clientId)) storedUnacked++;
    }
  }
  return {
    acked: ledger.acked.size,
    stored: stored ? stored.size : null,
    delivered: ledger.delivered.size,
    lostNotStored: lostPersist,
    lostNotDelivered: lostDelivery,
    lost: lostPersist + lostDelivery,
    duplicated: duplicated + storedTwice,
    storedButUnacked: storedUnacked,
    unackedAtEnd: pendingAfterDrain,
    abandonedUnacked: ledger.abandoned,
    lostExamples,
  };
}

/** Merges the ledgers of several crowds (a clientId is acked by one sender, delivered wherever its recipient is). */
export function mergeLedgers(all: CrowdLedger[]): CrowdLedger {
  const acked = new Map<string, number>();
  const delivered = new Map<string, number>();
  const unacked: string[] = [];
  let abandoned = 0;
  for (const l of all) {
    abandoned += l.abandoned;
    for (const [k, v] of l.acked) acked.set(k, v);
    for (const [k, v] of l.delivered) delivered.set(k, (delivered.get(k) ?? 0) + v);
    unacked.push(...l.unacked);
  }
  return { acked, delivered, unacked, abandoned };
}
