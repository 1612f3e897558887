// The notification worker's throughput: in-app + e-mail notifications through the real worker process to a
// local SMTP server, in its own process (it makes its own database and Redis prefix).
import { execFileSync } from "node:child_process";
import { fmt, log } from "../lib/log";
import type { NotificationThroughput } from "../notification-throughput";

export function runNotificationThroughput(): NotificationThroughput {
  log("notifications: 2,000 in-app + e-mail notifications through one worker process");
  const output = execFileSync(process.execPath, ["--import", "tsx", "bench/notification-throughput-cli.ts", "2000", "20"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as NotificationThroughput;
  log(`notifications: ${fmt(result.notificationsPerSecond)}/s (${fmt(result.jobsPerSecond)} jobs/s), ${result.mailsReceived} e-mails, ${result.duplicates} duplicates`);
  return result;
}
