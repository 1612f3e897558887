// Bare relay: plain Socket.IO with the app's engine options and no auth, database or Redis (with K > 1, K
// processes sharing rooms through the Redis adapter), driven by the same generators up the same rate ladder.
// Its max is the transport's ceiling on this machine, the reference for ours.
import type { BenchContext } from "../lib/context";
import { Crowd } from "../lib/crowd";
import { reconcile } from "../lib/ledger";
import { fmt, log, sleep } from "../lib/log";
import { MultiCrowd } from "../lib/multi-crowd";
import type { Report } from "../lib/report";
import { startBareRelay, stopServices } from "../lib/services";
import { bareUsers } from "../lib/setup";
import { stepRates } from "./steps";

export async function runBare(ctx: BenchContext, basePort: number, generators: number, addresses: string[], report: Report): Promise<void> {
  const count = ctx.opts.instances;
  const bareEnv: Record<string, string> = count > 1 ? { BARE_REDIS_URL: ctx.redisUrl, BARE_REDIS_PREFIX: `${ctx.redisPrefix}:bare` } : {};
  const relays = await Promise.all(Array.from({ length: count }, (_, i) => startBareRelay(i, basePort + 10 + i, bareEnv)));
  ctx.services.push(...relays);
  log(`bare relay: ${count} process(es) on ${relays.map((r) => r.port).join(", ")}${count > 1 ? " (Redis adapter)" : ""}`);
  // one crowd per relay process when there are several (each relay gets its share directly)
  const users = bareUsers(ctx.opts.users);
  const crowds: Crowd[] = [];
  for (let i = 0; i < count; i++) {
    crowds.push(
      await Crowd.start({
        url: `ws://127.0.0.1:${relays[i].port}`,
        bare: true,
        // pair p: first member on relay p % count, second on the next relay, so every pair crosses processes
        users: users.filter((_, k) => (Math.floor(k / 2) + (k % 2)) % count === i),
        processes: Math.max(2, Math.round(generators / count / 2) * 2),
        localAddresses: addresses.filter((_, k) => k % count === i),
        maxInFlight: Math.floor(200 / count),
        runTag: `b${ctx.runTag}`,
      }),
    );
  }
  const crowd = crowds.length === 1 ? crowds[0] : new MultiCrowd(crowds);
  const connect = await crowd.connect();
  log(`bare: connected ${fmt(connect.connected)} in ${fmt(connect.seconds, 1)} s (${fmt(connect.connected / connect.seconds)}/s), ${connect.failed} failed`);
  const steps = await stepRates(ctx, crowd, "bare", ctx.opts.smoke ? 100 : 1_000);
  const drained = await crowd.drain(10_000);
  await sleep(1_000);
  const ledger = await crowd.ledger();
  report.phases.bare = {
    connected: connect.connected,
    connectPerSecond: Math.round(connect.connected / connect.seconds),
    processes: count,
    ...steps,
    ledger: reconcile(ledger, null, drained),
  };
  await crowd.close();
  await stopServices(ctx.services.splice(ctx.services.indexOf(relays[0]), relays.length));
}
