import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LocalRedisCluster = { nodes: string[]; stop: () => Promise<void> };

// Ports of this helper's range (the task's 7101-7109; the cluster bus uses port + 10000)
export const CLUSTER_PORTS = [7101, 7102, 7103];
export const FAILOVER_CLUSTER_PORTS = [7104, 7105, 7106, 7107, 7108, 7109];

async function clusterInfo(port: number): Promise<string> {
  const { stdout } = await run("redis-cli", ["-p", String(port), "cluster", "info"]);
  return stdout;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis Cluster: ${what} did not happen within ${timeoutMs} ms`);
}

/**
 * Starts a real Redis Cluster on 127.0.0.1 (3 masters by default, `replicas` per master, nothing kept on disk), each
 * node in its own temp folder, and waits until every node reports cluster_state:ok. `stop` kills the nodes and
 * removes the folders.
 */
export async function startRedisCluster(
  ports = CLUSTER_PORTS,
  { replicas = 0, nodeTimeoutMs = 5000 }: { replicas?: number; nodeTimeoutMs?: number } = {},
): Promise<LocalRedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), "tevkil-redis-cluster-"));
  const processes: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      ),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`,
          "--cluster-node-timeout", String(nodeTimeoutMs), "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", path.join(dir, `${port}.log`)],
        { stdio: "ignore" },
      );
      processes.push(child);
    }
    for (const port of ports) await waitFor(async () => (await run("redis-cli", ["-p", String(port), "ping"])).stdout.trim() === "PONG", `node ${port} answering`);
    await run("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", String(replicas), "--cluster-yes"]);
    for (const port of ports) await waitFor(async () => (await clusterInfo(port)).includes("cluster_state:ok"), `cluster_state:ok on ${port}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: ports.map((p) => `127.0.0.1:${p}`), stop };
}
