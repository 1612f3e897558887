import type { CompletionOutcome, TaskType } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";

export const outcomeLabels: Record<CompletionOutcome, string> = {
  ERTELENDI: "Ertelendi",
  KARAR_VERILDI: "Karar verildi",
  ARA_KARAR: "Ara karar verildi",
  DURUSMA_YAPILMADI: "Duruşma yapılmadı",
  YAPILDI: "Yapıldı",
  KISMEN_YAPILDI: "Kısmen yapıldı",
  YAPILAMADI: "Yapılamadı",
};

const GENERAL: CompletionOutcome[] = ["YAPILDI", "KISMEN_YAPILDI", "YAPILAMADI"];

// What can have happened, per task type: a hearing is adjourned or decided; a seizure is made or not (a half-made
// haciz is recorded as made, with the tutanak saying what was seized); other work can also be done in part.
export const outcomesByTaskType: Record<TaskType, CompletionOutcome[]> = {
  DURUSMA: ["ERTELENDI", "KARAR_VERILDI", "ARA_KARAR", "DURUSMA_YAPILMADI"],
  HACIZ_ICRA: ["YAPILDI", "YAPILAMADI"],
  DOSYA_INCELEME: GENERAL,
  KESIF_DELIL_TESPITI: GENERAL,
  DILEKCE: GENERAL,
  FOTOKOPI_SURET: GENERAL,
  TEBLIGAT: GENERAL,
  CEZAEVI_GORUSMESI: GENERAL,
  DIGER: GENERAL,
};

/** outcomes after which there is another hearing to attend, so its date and time are required */
export const NEEDS_NEXT_HEARING: readonly CompletionOutcome[] = ["ERTELENDI", "ARA_KARAR"];
/** outcomes that need the reason in a sentence or two */
export const NEEDS_REASON: readonly CompletionOutcome[] = ["DURUSMA_YAPILMADI", "KISMEN_YAPILDI", "YAPILAMADI"];

export type CompletionSummary = {
  outcome: CompletionOutcome | null;
  nextHearingAt: Date | null;
  interimDecision: string | null;
  outcomeReason: string | null;
};

/** The structured part of a report as short Turkish lines (the job page and the completion notification). */
export function completionSummaryLines(s: CompletionSummary): string[] {
  return [
    s.outcome ? `Sonuç: ${outcomeLabels[s.outcome]}` : null,
    s.nextHearingAt ? `Sonraki duruşma: ${formatDateTime(s.nextHearingAt)}` : null,
    s.interimDecision ? `Ara karar: ${s.interimDecision}` : null,
    s.outcomeReason ? `Gerekçe: ${s.outcomeReason}` : null,
  ].filter((line): line is string => line !== null);
}
