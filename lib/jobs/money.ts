const tryFormat = new Intl.NumberFormat("tr-TR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 150000 → "1.500,00 ₺" (kuruş in, Turkish grouping and decimal comma out). */
export function formatKurus(kurus: number): string {
  return `${tryFormat.format(kurus / 100)} ₺`;
}

/**
 * A fee typed in Turkish style ("1.500", "1.500,50", "1500,5", "1500") → kuruş, or null when it is not a
 * plain amount. Dots only group thousands and a comma marks kuruş, so an ambiguous "1.5" is refused rather than guessed.
 */
export function parseTurkishLira(text: string): number | null {
  const value = text.trim().replace(/\s|₺|TL/gi, "");
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(value)) return null;
  const [lira, kurus = ""] = value.replace(/\./g, "").split(",");
  const result = Number(lira) * 100 + Number(kurus.padEnd(2, "0"));
  return Number.isSafeInteger(result) ? result : null;
}
