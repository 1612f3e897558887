import { sendDeadlineReminders } from "@/lib/notifications/deadline-reminders";
import { sendHearingReminders } from "@/lib/notifications/hearing-reminders";

// one periodic scan for both: assignees' work ahead, and posters' next hearings reported in completion reports
export async function handleDeadlineReminders(): Promise<{ reminded: number; hearingsReminded: number }> {
  return { reminded: await sendDeadlineReminders(), hearingsReminded: await sendHearingReminders() };
}
