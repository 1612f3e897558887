import "@/lib/load-dotenv";
import { closeDb, db } from "@/lib/db";
import { seedReferenceData } from "@/lib/reference/seed-reference-data";
import { seedDemoData } from "@/lib/reference/seed-demo-data";

const withDemo = process.argv.includes("--demo");

try {
  const reference = await seedReferenceData(db);
  console.log(`reference data: ${reference.provinces} provinces, ${reference.courthouses} courthouses`);
  if (withDemo) {
    const demo = await seedDemoData(db);
    console.log(`demo data: ${demo.users} accounts (password tevkil-demo-2026), ${demo.jobs} open jobs`);
  }
} finally {
  await closeDb();
}
