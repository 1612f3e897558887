// --replica: a PostgreSQL primary and a streaming replica of the run's own, since the shared server takes no
// replication connections. The bench's database lives on the primary; the app gets the replica as
// DATABASE_REPLICA_URLS and reads the board, profiles and reviews there once it has caught up (lib/db-replicas.ts).
import { PrivatePostgres } from "@/e2e/support/private-postgres";
import { pointAtDatabaseServer, type BenchContext } from "./context";
import { log } from "./log";

// as a production server would run: durable commits, room for every instance's pool and the bench's own clients
const SETTINGS = { fsync: "on", shared_buffers: "256MB", max_connections: "300", synchronous_commit: "on" };

/** Ports base+17 (primary) and base+18 (replica); the run's database is created on the primary afterwards. */
export async function startReplicaPair(ctx: BenchContext, basePort: number): Promise<void> {
  const started = Date.now();
  const primary = new PrivatePostgres(basePort + 17, "postgres", { settings: SETTINGS });
  ctx.servers.push(primary);
  await primary.start();
  const replica = new PrivatePostgres(basePort + 18, "postgres", { replicaOf: primary, settings: SETTINGS });
  ctx.servers.push(replica);
  await replica.start();
  pointAtDatabaseServer(ctx, primary.url);
  const replicaUrl = new URL(replica.url);
  replicaUrl.pathname = `/${ctx.dbName}`;
  ctx.replicaUrl = replicaUrl.toString();
  log(`PostgreSQL primary on ${primary.port} and its streaming replica on ${replica.port} up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
