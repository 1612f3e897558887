import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/adliyeler/route";
import { listPlaces, placeOptionsFor } from "@/lib/jobs/reference-places";

describe("province → courthouse options", () => {
  it("hands a page every province but only the chosen province's courthouses", async () => {
    const all = await listPlaces();
    expect(all.provinces).toHaveLength(81);
    const none = await placeOptionsFor();
    expect(none.provinces).toHaveLength(81);
    expect(none.courthouses).toEqual([]);
    const istanbul = await placeOptionsFor("34");
    expect(istanbul.courthouses.length).toBeGreaterThan(1);
    expect(istanbul.courthouses.every((c) => c.provinceId === 34)).toBe(true);
    expect(istanbul.courthouses.map((c) => c.name)).toContain("İstanbul Anadolu Adliyesi");
  });

  it("serves one province's courthouses from /api/adliyeler, cacheable for a day, and refuses a bad province", async () => {
    const response = await GET(new Request("http://localhost/api/adliyeler?il=6"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
    const courthouses = (await response.json()) as { provinceId: number; name: string }[];
    expect(courthouses.map((c) => c.name)).toContain("Ankara Batı Adliyesi");
    expect(courthouses.every((c) => c.provinceId === 6)).toBe(true);
    for (const bad of ["0", "82", "abc", ""]) {
      const refused = await GET(new Request(`http://localhost/api/adliyeler?il=${bad}`));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: "Geçerli bir il seçin." });
    }
  });
});
