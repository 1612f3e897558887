// Turkey has kept UTC+3 all year since 2016, so a wall-clock time in Europe/Istanbul maps to UTC by a fixed offset.
const ISTANBUL_OFFSET = "+03:00";
const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// JavaScript rolls impossible dates over (31 February becomes 3 March) and takes any year: every accepted text
// must name a real day of a year this platform can mean
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

function namesARealMoment(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return false;
  return parts[4] === undefined || (Number(parts[4]) <= 23 && Number(parts[5]) <= 59);
}

/** "2026-12-01T10:30" read as Istanbul wall-clock time (ISO strings with their own offset are taken as they are). */
export function parseIstanbulDateTime(value: string): Date | null {
  const text = value.trim();
  const iso = LOCAL_INPUT.test(text) ? `${text}:00${ISTANBUL_OFFSET}` : text;
  if (!LOCAL_INPUT.test(text) && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  if (!namesARealMoment(text)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-12-01" → the start of that day in Istanbul; with endOfDay, the last millisecond of it. */
export function parseIstanbulDate(value: string, endOfDay = false): Date | null {
  if (!LOCAL_DATE.test(value.trim()) || !namesARealMoment(value.trim())) return null;
  const date = new Date(`${value.trim()}T${endOfDay ? "23:59:59.999" : "00:00:00"}${ISTANBUL_OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Date as the value of an <input type="datetime-local"> in Istanbul time. */
export function toIstanbulInputValue(date: Date): string {
  return new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
}
