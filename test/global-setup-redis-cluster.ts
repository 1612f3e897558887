import type { TestProject } from "vitest/node";
import setupDatabaseAndPrefix from "@/test/global-setup";
import { FAILOVER_CLUSTER_PORTS, startRedisCluster } from "@/test/redis-cluster";

// vitest.cluster.config.ts: the run's own database as usual, and a local 3-master Redis Cluster instead of the
// shared Redis. REDIS_CLUSTER_NODES (inherited by the test processes) makes lib/redis.ts connect to it; the
// cluster is thrown away at the end, keys and all.
export default async function setup(project: TestProject) {
  const [cluster, failover] = await Promise.all([
    startRedisCluster(),
    // a second one with a replica per master, for lib/realtime/redis-cluster-failover.test.ts to kill a master of
    startRedisCluster(FAILOVER_CLUSTER_PORTS, { replicas: 1, nodeTimeoutMs: 1000 }),
  ]);
  process.env.REDIS_CLUSTER_NODES = cluster.nodes.join(",");
  process.env.TEST_REDIS_FAILOVER_CLUSTER_NODES = failover.nodes.join(",");
  const teardown = await setupDatabaseAndPrefix(project);
  return async () => {
    await Promise.all([cluster.stop(), failover.stop()]);
    await teardown();
  };
}
