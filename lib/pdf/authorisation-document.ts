import path from "node:path";
import PDFDocument from "pdfkit";

const FONT_DIR = path.join(process.cwd(), "public", "fonts");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

export type DocumentParty = { fullName: string; title: string; barName: string; barNumber: string; tbbNumber: string | null };

export type AuthorisationDocumentData = {
  reference: string;
  issuedAt: string;
  grantor: DocumentParty;
  grantee: DocumentParty;
  courthouse: string;
  court: string | null;
  fileNumber: string | null;
  task: string;
  scheduledAt: string;
};

/**
 * Renders the yetki belgesi with pdfkit and the DejaVu Sans font shipped in public/fonts (Turkish glyphs; the
 * PDF embeds only the subset used). Texts arrive formatted; this module only lays them out.
 */
export function renderAuthorisationDocument(data: AuthorisationDocumentData): Promise<Buffer> {
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
  const row = (label: string, value: string) => {
    doc.font("bold").fontSize(10).text(label, { continued: true }).font("regular").text(` ${value}`);
    doc.moveDown(0.2);
  };
  const party = (heading: string, p: DocumentParty) => {
    doc.font("bold").fontSize(12).text(heading);
    doc.moveDown(0.3);
    row("Adı soyadı:", `${p.title} ${p.fullName}`);
    row("Bağlı olduğu baro:", p.barName);
    row("Baro sicil no:", p.barNumber);
    if (p.tbbNumber) row("TBB sicil no:", p.tbbNumber);
    doc.moveDown(0.8);
  };

  doc.font("bold").fontSize(18).text("YETKİ BELGESİ", { align: "center" });
  doc.moveDown(0.3);
  doc.font("regular").fontSize(9).fillColor("#555555").text(`Belge no: ${data.reference} · Düzenleme tarihi: ${data.issuedAt}`, { align: "center" });
  doc.fillColor("#000000").moveDown(1.5);

  party("Yetki veren avukat", data.grantor);
  party("Yetki verilen avukat", data.grantee);

  doc.font("bold").fontSize(12).text("Yetkinin konusu");
  doc.moveDown(0.3);
  row("Adliye:", data.courthouse);
  if (data.court) row("Mahkeme / daire:", data.court);
  row("Dosya no:", data.fileNumber ?? "—");
  row("Görev:", data.task);
  row("Görev tarihi:", data.scheduledAt);
  doc.moveDown(1);

  doc
    .font("regular")
    .fontSize(10)
    .text(
      "Yukarıda kimlik ve sicil bilgileri yazılı yetki veren avukat, vekili bulunduğu yukarıdaki dosyada yalnızca belirtilen " +
        "görevle sınırlı olmak üzere, yine yukarıda bilgileri yazılı yetki verilen avukata Avukatlık Kanunu ve Türkiye Barolar " +
        "Birliği Meslek Kuralları uyarınca yetki vermiştir. Yetki veren avukatın müvekkiline karşı sorumluluğu devam eder.",
      { width, align: "justify", lineGap: 2 },
    );
  doc.moveDown(3);

  const y = doc.y;
  doc.font("regular").fontSize(10);
  doc.text("Yetki veren avukat", 56, y, { width: width / 2, align: "center" });
  doc.text(`${data.grantor.title} ${data.grantor.fullName}`, 56, y + 16, { width: width / 2, align: "center" });
  doc.text("İmza", 56, y + 48, { width: width / 2, align: "center" });
  doc.text("Yetki verilen avukat", 56 + width / 2, y, { width: width / 2, align: "center" });
  doc.text(`${data.grantee.title} ${data.grantee.fullName}`, 56 + width / 2, y + 16, { width: width / 2, align: "center" });
  doc.text("İmza", 56 + width / 2, y + 48, { width: width / 2, align: "center" });

  doc.end();
  return done;
}
