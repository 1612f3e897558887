import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// env() caches its result for the life of the process, so each case runs in a child process of its own.
const root = process.cwd();
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const envModule = pathToFileURL(path.join(root, "lib", "env.ts")).href;

type Run = { code: number | null; stdout: string; stderr: string };
type ChildEnv = { NODE_ENV: "production" | "development" } & Record<string, string>;

function run(args: string[], env: ChildEnv, cwd = root): Promise<Run> {
  return new Promise((resolve, reject) => {
    // only what is given: nothing from the test runner's environment leaks in
    const child = spawn(tsx, args, { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out: tsx ${args.join(" ")}\n${stderr}`));
    }, 40_000); // tsx compiles server.ts first: over 15 s on a busy 2-core machine
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Evaluates env() in a fresh process and prints the parsed configuration. */
const loadEnv = (env: ChildEnv) => run(["-e", `import(${JSON.stringify(envModule)}).then((m) => console.log(JSON.stringify(m.env())))`], env);

const productionConfig: ChildEnv = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://tevkil@db.internal:5432/tevkil",
  REDIS_URL: "redis://cache.internal:6379/0",
  AUTH_SECRET: "a".repeat(48),
  APP_URL: "https://tevkil.example",
};

const without = (name: string): ChildEnv => {
  const config = { ...productionConfig };
  delete config[name];
  return config;
};

describe("env()", { timeout: 60_000 }, () => {
  it("stops a production process that has no DATABASE_URL, naming the variable", async () => {
    const result = await loadEnv(without("DATABASE_URL"));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Missing required environment variable DATABASE_URL");
    expect(result.stdout).toBe("");
  });

  it("treats an empty required variable as missing and names a malformed one as invalid", async () => {
    const [empty, malformed] = await Promise.all([
      loadEnv({ ...productionConfig, REDIS_URL: "" }),
      loadEnv({ ...productionConfig, APP_URL: "tevkil.example" }),
    ]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain("Missing required environment variable REDIS_URL");
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain("Invalid environment variable APP_URL");
  });

  it("accepts a complete production configuration and fills in the optional settings", async () => {
    const result = await loadEnv(productionConfig);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ...productionConfig,
      PORT: 3000,
      REDIS_PREFIX: "tevkil",
      DB_POOL_MAX: 10,
      DB_PREPARED_STATEMENTS: true,
      WEB_CONCURRENCY: 1,
    });
  });

  it("turns prepared statements off for a transaction-mode pooler", async () => {
    const result = await loadEnv({ ...productionConfig, DB_PREPARED_STATEMENTS: "false" });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ DB_PREPARED_STATEMENTS: false });
  });

  it("runs in development with local defaults and nothing set", async () => {
    const result = await loadEnv({ NODE_ENV: "development" });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      DATABASE_URL: "postgresql://postgres@localhost:5432/tevkil",
      REDIS_URL: "redis://127.0.0.1:6379/0",
      APP_URL: "http://localhost:3000",
    });
  });
});

describe("server.ts start-up", { timeout: 60_000 }, () => {
  // started from an empty directory, so a developer's own .env cannot fill in the missing variable
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(path.join(tmpdir(), "tevkil-env-test-"));
  });
  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  const startServer = (env: ChildEnv) =>
    run(["--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "server.ts")], env, emptyDir);

  it("exits 1 with one line naming a missing AUTH_SECRET", async () => {
    const result = await startServer(without("AUTH_SECRET"));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Missing required environment variable AUTH_SECRET\n");
    expect(result.stdout).toBe("");
  });

  it("exits 1 with one line naming a too-short AUTH_SECRET", async () => {
    const result = await startServer({ ...productionConfig, AUTH_SECRET: "kisa" });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Invalid environment variable AUTH_SECRET: /);
  });
});
