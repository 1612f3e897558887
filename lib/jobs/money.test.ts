import { describe, expect, it } from "vitest";
import { formatKurus, parseTurkishLira } from "@/lib/jobs/money";
import { feeGuidanceFor, minimumAboveFee } from "@/lib/jobs/fee-guidance";

describe("money", () => {
  it("shows kuruş the Turkish way", () => {
    expect(formatKurus(150_000)).toBe("1.500,00 ₺");
    expect(formatKurus(125_050)).toBe("1.250,50 ₺");
    expect(formatKurus(1_000_000_000)).toBe("10.000.000,00 ₺");
  });

  it.each([
    ["1.500", 150_000],
    ["1500", 150_000],
    ["1.500,5", 150_050],
    ["1.500,50 ₺", 150_050],
    ["750 TL", 75_000],
    ["1.5", null],
    ["1,500.00", null],
    ["-5", null],
    ["", null],
  ])("reads %s as %s kuruş", (text, kurus) => {
    expect(parseTurkishLira(text)).toBe(kurus);
  });

  it("gives the AAÜT minimum where the tariff has a line for the task", () => {
    expect(feeGuidanceFor("DILEKCE")?.lines).toEqual([{ label: "Dilekçe yazımı", minimumKurus: 600_000 }]);
    expect(feeGuidanceFor("KESIF_DELIL_TESPITI")?.lines.map((l) => l.minimumKurus)).toEqual([1_000_000, 1_250_000]);
    expect(feeGuidanceFor("TEBLIGAT")).toBeNull();
  });

  it("names the lowest tariff line a fee falls under, and nothing at or above it or without a line", () => {
    expect(minimumAboveFee("DILEKCE", 5_000)).toEqual({ label: "Dilekçe yazımı", minimumKurus: 600_000 });
    expect(minimumAboveFee("DILEKCE", 600_000)).toBeNull();
    expect(minimumAboveFee("KESIF_DELIL_TESPITI", 1_100_000)).toBeNull(); // above the duruşmasız line
    expect(minimumAboveFee("KESIF_DELIL_TESPITI", 900_000)?.minimumKurus).toBe(1_000_000);
    expect(minimumAboveFee("TEBLIGAT", 100)).toBeNull();
    expect(minimumAboveFee("DILEKCE", null)).toBeNull();
  });
});
