import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** The newest installed server's binaries (Debian keeps them off PATH), or PATH when there is no such folder. */
function binary(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin", name) : name;
}

const running = (child: ChildProcess | null): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;

/** PostgreSQL refuses to run as root: as root the server runs as the `postgres` OS user, otherwise as we are. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * A PostgreSQL server of a test's own on another port (trust auth, loopback only), in a temporary folder:
 * started as a child process, so a test can SIGKILL the postmaster and start it again on the same data.
 * With `replicaOf` it is a streaming replica of that server: cloned with pg_basebackup, then a hot standby.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(path.join(tmpdir(), "tevkil-fault-pg-"));
  readonly url: string;
  output = "";
  private readonly dataDir = path.join(this.dir, "data");
  private readonly user = serverUser();
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    database = "tevkil_fault",
    private readonly options: { replicaOf?: PrivatePostgres; /** server settings over the test defaults below */ settings?: Record<string, string> } = {},
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/${database}`;
    if (this.user) chownSync(this.dir, this.user.uid, this.user.gid);
  }

  async start(): Promise<void> {
    const primary = this.options.replicaOf;
    if (!existsSync(this.dataDir) && primary) {
      // -R writes standby.signal and primary_conninfo: the server starts as a standby that streams from the primary
      execFileSync(binary("pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", this.dataDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"], {
        stdio: "ignore",
        ...this.user,
      });
    }
    if (!existsSync(this.dataDir)) {
      execFileSync(binary("initdb"), ["-D", this.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], {
        stdio: "ignore",
        ...this.user,
      });
    }
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      // after a kill the old backends need a moment to notice and exit; until then the new postmaster refuses
      // to start on their shared memory, so a server that exits at once is started again
      if (!running(this.child)) this.spawnServer();
      if (await this.answers()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`private PostgreSQL on ${this.port} did not start:\n${this.output.slice(-2_000)}`);
  }

  /** SIGKILL of the postmaster alone, as a crash would do; its backends notice and exit by themselves. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!running(child)) return;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }

  async remove(): Promise<void> {
    const child = this.child;
    if (running(child)) {
      // a fast shutdown, so no backend outlives the folder
      const exited = once(child, "exit");
      child.kill("SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      await this.kill();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawnServer(): void {
    // fsync off: a killed process loses nothing the OS was given, and the test is not about power cuts
    const settings = { listen_addresses: "127.0.0.1", fsync: "off", shared_buffers: "32MB", ...this.options.settings };
    const args = ["-D", this.dataDir, "-p", String(this.port), "-k", this.dir, ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`])];
    const child = spawn(binary("postgres"), args, { stdio: ["ignore", "pipe", "pipe"], ...this.user });
    child.stdout!.on("data", (d) => (this.output += d));
    child.stderr!.on("data", (d) => (this.output += d));
    this.child = child;
  }

  private async answers(): Promise<boolean> {
    // through the socket in our own folder: a server left on the port by someone else does not count
    const client = new pg.Client({ host: this.dir, port: this.port, user: "postgres", database: "postgres", connectionTimeoutMillis: 1_000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
