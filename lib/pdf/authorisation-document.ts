import path from "node:path";
import PDFDocument from "pdfkit";
import { authorisationDocumentText, type AuthorisationDocumentData } from "@/lib/jobs/authorisation-document-text";

const FONT_DIR = path.join(process.cwd(), "public", "fonts");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

/**
 * Renders the yetki belgesi with pdfkit and the DejaVu Sans font shipped in public/fonts (Turkish glyphs; the
 * PDF embeds only the subset used). The words come from authorisation-document-text.ts; this module lays them out.
 */
export function renderAuthorisationDocument(data: AuthorisationDocumentData): Promise<Buffer> {
  const text = authorisationDocumentText(data);
  // font: a TTF from the start, so pdfkit never loads its built-in Helvetica (which has no ğ, ş or ı)
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    font: REGULAR,
    info: { Title: "Yetki Belgesi", Author: data.grantor.fullName, Subject: `Tevkil ${data.reference}`, Creator: "Tevkil" },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 112;
  doc.font("bold").fontSize(18).text(text.title, { align: "center" });
  doc.moveDown(0.3);
  doc.font("regular").fontSize(9).fillColor("#555555").text(text.meta, { align: "center" });
  doc.fillColor("#000000").moveDown(1.5);

  for (const section of text.sections) {
    doc.font("bold").fontSize(12).text(section.heading);
    doc.moveDown(0.3);
    for (const { label, value } of section.fields) {
      doc.font("bold").fontSize(10).text(label, { continued: true }).font("regular").text(` ${value}`);
      doc.moveDown(0.2);
    }
    doc.moveDown(0.8);
  }

  doc.font("regular").fontSize(10).text(text.statement, { width, align: "justify", lineGap: 2 });
  doc.moveDown(3);

  const y = doc.y;
  const column = width / text.signatures.length;
  doc.font("regular").fontSize(10);
  text.signatures.forEach((s, i) => {
    const x = 56 + i * column;
    doc.text(s.role, x, y, { width: column, align: "center" });
    doc.text(s.name, x, y + 16, { width: column, align: "center" });
    doc.text(s.sign, x, y + 48, { width: column, align: "center" });
  });

  doc.end();
  return done;
}
