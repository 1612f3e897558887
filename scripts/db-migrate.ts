import { applyMigrations, ensureDatabase } from "@/lib/db-migrations";
import { env } from "@/lib/env";

const url = env().DATABASE_URL;
await ensureDatabase(url);
const applied = await applyMigrations(url, (line) => console.log(line));
console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
