import data from "@/data/tr-provinces-courthouses.json" with { type: "json" };

export type ProvinceRecord = { plate: number; name: string; courthouses: string[] };

export const provinceRecords: ProvinceRecord[] = data.provinces;
