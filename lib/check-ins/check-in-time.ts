// A check-in lasts until a wall-clock time today in Istanbul (UTC+3 all year since 2016): by default the courthouse's
// closing time, 17:30; later in the day, two hours from now (at most the end of the day).
const OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
export const CLOSING_TIME = "17:30";

const istanbulMidnight = (now: Date) => Math.floor((now.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** "HH:MM" today in Istanbul → the moment, or null when it is not a time of day. */
export function istanbulTimeToday(text: string, now = new Date()): Date | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  return new Date(istanbulMidnight(now) + (Number(match[1]) * 60 + Number(match[2])) * 60_000);
}

/** What the form suggests: 17:30 until half an hour before it, then two hours from now rounded up to 15 minutes. */
export function defaultCheckInUntil(now = new Date()): string {
  const minutesNow = Math.floor((now.getTime() - istanbulMidnight(now)) / 60_000);
  if (minutesNow < 17 * 60) return CLOSING_TIME;
  return hhmm(Math.min(Math.ceil((minutesNow + 120) / 15) * 15, 23 * 60 + 59));
}

/** "17:30" for a moment, in Istanbul time. */
export const istanbulClock = (date: Date) => new Date(date.getTime() + OFFSET_MS).toISOString().slice(11, 16);
