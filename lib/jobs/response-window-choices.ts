import type { Urgency } from "@/lib/generated/prisma/enums";

// What the post form offers (also imported by the form in the browser: nothing server-only here).

/** The response windows an urgent job's poster may choose, in minutes; the post form starts at the default. */
export const responseWindowChoices = [5, 10, 15, 30, 60] as const;
export const DEFAULT_RESPONSE_WINDOW_MINUTES = 15;

export const hasResponseWindow = (urgency: Urgency) => urgency !== "NORMAL";
