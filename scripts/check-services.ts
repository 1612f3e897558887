// First step of `npm run dev`: says in one line per service which one is not reachable, where, and how to start it,
// instead of a connection stack trace from the migration step.
import "@/lib/load-dotenv";
import { env } from "@/lib/env";
import { findUnreachableServices } from "@/lib/server/service-preflight";

const { DATABASE_URL, REDIS_URL, REDIS_CLUSTER_NODES } = env();
// on a Redis Cluster the first node stands for it: any node answers for the cluster (and redirects)
const redisUrl = REDIS_CLUSTER_NODES.length ? `redis://${REDIS_CLUSTER_NODES[0]}` : REDIS_URL;
const unreachable = await findUnreachableServices({ databaseUrl: DATABASE_URL, redisUrl });
for (const { line } of unreachable) console.error(line);
process.exit(unreachable.length ? 1 : 0);
