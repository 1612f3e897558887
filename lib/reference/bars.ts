import { provinceRecords } from "@/lib/reference/provinces-data";

// Every province has its bar; İstanbul and Ankara also have a second one (Law 7249, 2020).
export const barNames: string[] = [
  ...provinceRecords.map((p) => `${p.name} Barosu`),
  "İstanbul 2 Nolu Barosu",
  "Ankara 2 Nolu Barosu",
].sort((a, b) => a.localeCompare(b, "tr"));

export const barNameSet = new Set(barNames);
