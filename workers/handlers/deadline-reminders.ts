import { sendDeadlineReminders } from "@/lib/notifications/deadline-reminders";

export async function handleDeadlineReminders(): Promise<{ reminded: number }> {
  return { reminded: await sendDeadlineReminders() };
}
