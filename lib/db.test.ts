import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";

describe("the PostgreSQL pool", () => {
  it("outlives the server ending an idle connection (a crash or restart of PostgreSQL) and reconnects", async () => {
    const { prisma, pool } = createPrismaClient(process.env.DATABASE_URL!, 2);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const idle = await pool.connect();
      const { rows } = await idle.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      idle.release();
      // the backend says FATAL to its idle client, as every backend does when the postmaster dies; an unheard
      // pool error would be an uncaught exception here, as it was in the app
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
      await expect.poll(() => pool.totalCount).toBe(0);
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0].one).toBe(1);
    } finally {
      await admin.end();
      await prisma.$disconnect();
      await pool.end();
    }
  });
});
