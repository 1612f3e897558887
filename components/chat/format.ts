// Times are shown in Istanbul time on the server and in the browser alike (no hydration mismatch).
const time = new Intl.DateTimeFormat("tr-TR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Istanbul" });
const dayAndTime = new Intl.DateTimeFormat("tr-TR", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Istanbul" });
const day = new Intl.DateTimeFormat("tr-TR", { day: "numeric", month: "short", timeZone: "Europe/Istanbul" });
const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Istanbul" });

const sameDay = (a: Date, b: Date) => dayKey.format(a) === dayKey.format(b);

export const formatMessageTime = (iso: string) => time.format(new Date(iso));

export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return sameDay(date, now) ? time.format(date) : day.format(date);
}

export function formatLastSeen(iso: string | null): string {
  return iso ? `son görülme ${dayAndTime.format(new Date(iso))}` : "çevrimdışı";
}

export const initials = (name: string) =>
  name
    .replace(/^Av\.\s*/i, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toLocaleUpperCase("tr-TR"))
    .join("");
