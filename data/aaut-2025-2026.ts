import type { TaskType } from "@/lib/generated/prisma/enums";

// Avukatlık Asgari Ücret Tarifesi (AAÜT) 2025–2026: the minimum fees that apply to the task types the
// platform offers. Amounts are integer kuruş. A task type missing here has no single tariff line.
export const AAUT_EDITION = "2025–2026 Avukatlık Asgari Ücret Tarifesi";

export type TariffLine = { label: string; minimumKurus: number };

export const aautMinimums: Partial<Record<TaskType, TariffLine[]>> = {
  FOTOKOPI_SURET: [{ label: "Belge örneği / suret çıkarma", minimumKurus: 600_000 }],
  DILEKCE: [{ label: "Dilekçe yazımı", minimumKurus: 600_000 }],
  HACIZ_ICRA: [{ label: "İcra takibi", minimumKurus: 900_000 }],
  KESIF_DELIL_TESPITI: [
    { label: "Delil tespiti (duruşmasız)", minimumKurus: 1_000_000 },
    { label: "Delil tespiti (duruşmalı)", minimumKurus: 1_250_000 },
  ],
};
