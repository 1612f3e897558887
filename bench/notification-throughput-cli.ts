// Runs the notification throughput measurement in its own process (it sets its own DATABASE_URL and Redis
// prefix) and prints the result as the last line, for bench/run.ts.
import { measureNotificationThroughput } from "./notification-throughput";

const count = Number(process.argv[2] ?? 2_000);
const concurrency = Number(process.argv[3] ?? 20);
const result = await measureNotificationThroughput({ count, concurrency, log: (line) => console.error(`[notifications] ${line}`) });
console.log(JSON.stringify(result));
