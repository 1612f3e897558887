import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";
import { assignedJob, lawyer } from "@/test/marketplace-test-support";
import { pdfText } from "@/test/pdf-text";
import { buildUdfContentXml } from "@/lib/udf/udf-document";

/** The CDATA text and the runs of a content.xml, read back as a UDF reader does (runs in document order). */
function readUdf(xml: string) {
  const content = /<template format_id="1\.8" >\n<content>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/content>/.exec(xml);
  if (!content) throw new Error("no <content> CDATA");
  const text = [...content[1].matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join("");
  const elements = /<elements resolver="hvl-default" >([\s\S]*)<\/elements>/.exec(xml)![1];
  const paragraphs = [...elements.matchAll(/<paragraph [^>]*>([\s\S]*?)<\/paragraph>/g)].map((p) =>
    [...p[1].matchAll(/<content startOffset="(\d+)" length="(\d+)"([^>]*)\/>/g)].map((r) => ({ start: Number(r[1]), length: Number(r[2]), attributes: r[3] })),
  );
  return { text, paragraphs };
}

/** Offsets consistent with the text: the runs tile it from 0 to its end, and each paragraph ends with its line break. */
function expectConsistentOffsets({ text, paragraphs }: ReturnType<typeof readUdf>) {
  let offset = 0;
  for (const runs of paragraphs) {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.start).toBe(offset);
      expect(run.length).toBeGreaterThan(0);
      offset += run.length;
    }
    expect(text[offset - 1]).toBe("\n");
  }
  expect(offset).toBe(text.length);
}

describe("yetki belgesi as UYAP UDF", () => {
  it("is a ZIP whose content.xml holds every field of the PDF, with offsets that match the CDATA text", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobId = await assignedJob(a.actor, b.actor, { court: "Ankara 3. Ağır Ceza Mahkemesi", fileNumber: "2026/1234 Esas" });
    const { number } = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { number: true } });
    const reference = `TVK-${new Date().getFullYear()}-${String(number).padStart(6, "0")}`;
    for (const viewer of [a.actor, b.actor]) {
      const udf = await getAuthorisationDocument(viewer, jobId, "udf");
      expect(udf.fileName).toBe(`yetki-belgesi-${reference}.udf`);
      expect(String.fromCharCode(udf.bytes[0], udf.bytes[1])).toBe("PK");
      const files = unzipSync(udf.bytes);
      expect(Object.keys(files)).toEqual(["content.xml"]);
      const xml = strFromU8(files["content.xml"]);
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
      expect(xml).toMatch(/<properties><pageFormat mediaSizeName="1" [^>]*paperOrientation="1"[^>]*\/><\/properties>/);
      expect(xml).toMatch(/<styles><style name="default" [^>]*\/><style name="hvl-default" [^>]*\/><\/styles>/);
      const read = readUdf(xml);
      expectConsistentOffsets(read);
      const lines = read.text.split("\n");
      for (const line of [
        "YETKİ BELGESİ", `Belge no: ${reference} · Düzenleme tarihi: ${lines[1].split("Düzenleme tarihi: ")[1]}`,
        "Yetki veren avukat", "Yetki verilen avukat", "Yetkinin konusu",
        `Baro sicil no: ${a.user.barNumber}`, `Baro sicil no: ${b.user.barNumber}`, "Bağlı olduğu baro: İstanbul Barosu",
        "Mahkeme / daire: Ankara 3. Ağır Ceza Mahkemesi", "Dosya no: 2026/1234 Esas",
      ]) expect(lines).toContain(line);
      expect(read.text).not.toContain(jobId);
      // the title is set bold and large, a label bold and its value plain
      expect(read.paragraphs[0][0].attributes).toContain('bold="true" size="16"');
      const fileRow = read.paragraphs.find((runs) => read.text.slice(runs[0].start, runs[0].start + runs[0].length) === "Dosya no:")!;
      expect(fileRow[0].attributes).toContain('bold="true"');
      expect(fileRow[1].attributes).not.toContain("bold");

      // the same words as the PDF, in the same order (PDF.js joins its text items and wrapped lines with spaces)
      const words = (t: string) => t.replace(/\s+/g, " ").trim();
      const pdf = await pdfText(Buffer.from((await getAuthorisationDocument(viewer, jobId, "pdf")).bytes));
      expect(words(pdf)).toBe(words(read.text));
    }
  });

  it("keeps text that would end the CDATA early, and characters XML cannot carry out", () => {
    const xml = buildUdfContentXml([{ runs: [{ text: "a]]>b\u0001c" }] }, { runs: [{ text: "ğüşİı", bold: true }] }]);
    const read = readUdf(xml);
    expect(read.text).toBe("a]]>bc\nğüşİı\n");
    expectConsistentOffsets(read);
  });
});
