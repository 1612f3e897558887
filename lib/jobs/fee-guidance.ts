import { AAUT_EDITION, aautMinimums, type TariffLine } from "@/data/aaut-2025-2026";
import type { TaskType } from "@/lib/generated/prisma/enums";

export type FeeGuidance = { edition: string; lines: TariffLine[] } | null;

/** The AAÜT minimum(s) for a task type, where the tariff has a line for it. */
export function feeGuidanceFor(taskType: TaskType): FeeGuidance {
  const lines = aautMinimums[taskType];
  return lines?.length ? { edition: AAUT_EDITION, lines } : null;
}

/** The tariff's lowest minimum for the task type when the typed fee is below it (a warning, not a refusal), else null. */
export function minimumAboveFee(taskType: TaskType, feeKurus: number | null): TariffLine | null {
  const lines = aautMinimums[taskType];
  if (!lines?.length || feeKurus === null) return null;
  const lowest = lines.reduce((a, b) => (b.minimumKurus < a.minimumKurus ? b : a));
  return feeKurus < lowest.minimumKurus ? lowest : null;
}
