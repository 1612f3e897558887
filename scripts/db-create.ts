import { ensureDatabase } from "@/lib/db-migrations";
import { env } from "@/lib/env";

const created = await ensureDatabase(env().DATABASE_URL);
console.log(created ? "database created" : "database already exists");
