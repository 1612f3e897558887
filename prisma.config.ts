import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource URL from here, not from schema.prisma; env is not loaded implicitly.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: the environment (or the default below) is used
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@localhost:5432/tevkil" },
});
