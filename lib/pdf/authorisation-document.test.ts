import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";
import { assignedJob, lawyer } from "@/test/marketplace-test-support";
import { pdfText } from "@/test/pdf-text";

describe("yetki belgesi", () => {
  it("renders both lawyers' names, bars and sicil numbers, the court and the file number, in Turkish glyphs", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await assignedJob(a.actor, b.actor, { court: "Ankara 3. Ağır Ceza Mahkemesi", fileNumber: "2026/1234 Esas" });
    for (const viewer of [a.actor, b.actor]) {
      const { bytes, fileName, contentType } = await getAuthorisationDocument(viewer, jobId);
      const pdf = Buffer.from(bytes);
      expect(contentType).toBe("application/pdf");
      const { number } = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { number: true } });
      const reference = `TVK-${new Date().getFullYear()}-${String(number).padStart(6, "0")}`;
      expect(fileName).toBe(`yetki-belgesi-${reference}.pdf`);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = await pdfText(pdf);
      expect(text).toContain("YETKİ BELGESİ");
      expect(text).toContain(a.user.barNumber);
      expect(text).toContain(b.user.barNumber);
      expect(text).toContain("İstanbul Barosu");
      expect(text).toContain("Ankara 3. Ağır Ceza Mahkemesi");
      expect(text).toContain("2026/1234 Esas");
      expect(text).toContain("Yetki verilen avukat");
      // a number a person can read out, not the record id
      expect(text).toContain(`Belge no: ${reference}`);
      expect(text).not.toContain(jobId);
    }
  });
});
