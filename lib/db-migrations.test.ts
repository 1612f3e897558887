import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations, dropDatabase, ensureDatabase, migrationsDir } from "@/lib/db-migrations";
import { seedReferenceData } from "@/lib/reference/seed-reference-data";
import { newTestNamespace } from "@/test/test-environment";

// A brand-new database of this file's own, so migrating it from nothing does not disturb the shared test database.
const { databaseUrl } = newTestNamespace("test");
let sql: pg.Client;

async function migrationFiles(): Promise<{ name: string; checksum: string }[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256").update(await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8")).digest("hex"),
    })),
  );
}

beforeAll(async () => {
  expect(await ensureDatabase(databaseUrl)).toBe(true);
  sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await dropDatabase(databaseUrl);
});

describe("applyMigrations", () => {
  it("migrates an empty database, then applies nothing the second time, and refuses an edited migration", async () => {
    const files = await migrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const logged: string[] = [];
    expect(await applyMigrations(databaseUrl, (line) => logged.push(line))).toEqual(files.map((f) => f.name));
    expect(logged).toEqual(files.map((f) => `applied ${f.name}`));

    const { rows } = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(files);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Province", "Courthouse"]));

    // second run: already up to date
    expect(await applyMigrations(databaseUrl)).toEqual([]);
    expect((await sql.query(`SELECT 1 FROM "_prisma_migrations"`)).rowCount).toBe(files.length);

    // a migration file that no longer matches what was applied stops the deployment
    const last = files[files.length - 1].name;
    await sql.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), last]);
    await expect(applyMigrations(databaseUrl)).rejects.toThrow(`Migration ${last} was changed after it was applied`);
    await sql.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [files[files.length - 1].checksum, last]);
    // the advisory lock was released despite the failure, so the next run is not blocked
    expect(await applyMigrations(databaseUrl)).toEqual([]);
  });

  it("lets instances starting at once migrate once between them", async () => {
    const { databaseUrl: raceUrl } = newTestNamespace("test");
    await ensureDatabase(raceUrl);
    try {
      const results = await Promise.all([applyMigrations(raceUrl), applyMigrations(raceUrl), applyMigrations(raceUrl)]);
      const files = await migrationFiles();
      expect(results.flat().sort()).toEqual(files.map((f) => f.name).sort());
    } finally {
      await dropDatabase(raceUrl);
    }
  });
});

describe("seedReferenceData", () => {
  it("loads 81 provinces and 595 courthouses, and a second run adds nothing", async () => {
    await applyMigrations(databaseUrl);
    const { prisma, pool } = createPrismaClient(databaseUrl, 2);
    try {
      expect(await seedReferenceData(prisma)).toEqual({ provinces: 81, courthouses: 595 });
      expect(await seedReferenceData(prisma)).toEqual({ provinces: 81, courthouses: 595 });
      expect(await prisma.province.count()).toBe(81);
      expect(await prisma.courthouse.count()).toBe(595);
      expect(await prisma.province.findUnique({ where: { id: 34 }, select: { name: true } })).toEqual({ name: "İstanbul" });
      expect(await prisma.province.findUnique({ where: { id: 6 }, select: { name: true } })).toEqual({ name: "Ankara" });
      const istanbulCourthouses = await prisma.courthouse.count({ where: { provinceId: 34 } });
      expect(istanbulCourthouses).toBeGreaterThan(1);
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });
});
