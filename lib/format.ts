const dateTime = new Intl.DateTimeFormat("tr-TR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Istanbul" });
const date = new Intl.DateTimeFormat("tr-TR", { dateStyle: "long", timeZone: "Europe/Istanbul" });

/** 27 Kas 2026 14:05 (Europe/Istanbul) */
export const formatDateTime = (value: Date) => dateTime.format(value);
/** 27 Kasım 2026 */
export const formatDate = (value: Date) => date.format(value);
