import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

// Reads that may come from a streaming replica (DATABASE_REPLICA_URLS): the board, profiles, reviews. A replica
// is used only once it has replayed everything the primary had committed when the read began (its replay LSN
// against the primary's current LSN), so a read never misses a write that finished before it: a new job is on the
// board at the next view, a lawyer sees their own edit, and a page cached under a fresh version is never filled
// with older rows. A replica that lags past a short wait, errs or is down is skipped and the primary answers;
// a replica that failed is tried again after a pause.

const CATCH_UP_WAIT_MS = 50;
const CATCH_UP_POLL_MS = 5;
const RETRY_DOWN_REPLICA_MS = 5_000;

type Replica = { client: PrismaClient; downUntil: number };

export type LagTolerantReader = {
  /** runs `read` on a caught-up replica, else on the primary */
  read<T>(read: (client: PrismaClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

async function replayedTo(replica: PrismaClient, lsn: string): Promise<boolean> {
  const deadline = Date.now() + CATCH_UP_WAIT_MS;
  for (;;) {
    // null on a server that is not a standby: not a replica of this primary, never used
    const [{ ok }] = await replica.$queryRaw<{ ok: boolean | null }[]>`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS ok`;
    if (ok) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
}

export function createLagTolerantReader(
  primary: PrismaClient,
  replicaClients: PrismaClient[],
  { retryDownReplicaMs = RETRY_DOWN_REPLICA_MS }: { retryDownReplicaMs?: number } = {},
): LagTolerantReader {
  const replicas: Replica[] = replicaClients.map((client) => ({ client, downUntil: 0 }));
  const reads = metrics().replicaReads;
  let turn = 0;

  const nextReplica = (): Replica | null => {
    const now = Date.now();
    for (let i = 0; i < replicas.length; i++) {
      const replica = replicas[(turn + i) % replicas.length];
      if (replica.downUntil <= now) {
        turn = (turn + i + 1) % replicas.length;
        return replica;
      }
    }
    return null;
  };

  return {
    async read(read) {
      const replica = nextReplica();
      if (!replica) {
        if (replicas.length) reads.inc({ served: "primary", reason: "down" });
        return read(primary);
      }
      const [{ lsn }] = await primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
      let reason = "lag";
      try {
        if (await replayedTo(replica.client, lsn)) {
          const result = await read(replica.client);
          reads.inc({ served: "replica", reason: "caught-up" });
          return result;
        }
      } catch (error) {
        replica.downUntil = Date.now() + retryDownReplicaMs;
        reason = "down";
        logger().warn({ err: error instanceof Error ? error.message : String(error) }, "read replica failed; reading from the primary");
      }
      reads.inc({ served: "primary", reason });
      return read(primary);
    },
    async close() {
      await Promise.all(replicas.map((r) => r.client.$disconnect()));
    },
  };
}
