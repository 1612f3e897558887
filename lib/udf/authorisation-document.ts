import { authorisationDocumentText, type AuthorisationDocumentData } from "@/lib/jobs/authorisation-document-text";
import { buildUdf, type UdfParagraph } from "@/lib/udf/udf-document";

/** The yetki belgesi as a UYAP .udf, with the same words as the PDF (authorisation-document-text.ts). */
export function renderAuthorisationUdf(data: AuthorisationDocumentData): Uint8Array {
  const text = authorisationDocumentText(data);
  const paragraphs: UdfParagraph[] = [
    { runs: [{ text: text.title, bold: true, size: 16 }], alignment: 1 },
    { runs: [{ text: text.meta, size: 10 }], alignment: 1 },
  ];
  for (const section of text.sections) {
    paragraphs.push({ runs: [{ text: section.heading, bold: true }], spaceAbove: 12 });
    for (const { label, value } of section.fields) paragraphs.push({ runs: [{ text: label, bold: true }, { text: ` ${value}` }] });
  }
  paragraphs.push({ runs: [{ text: text.statement }], alignment: 3, spaceAbove: 12 });
  for (const s of text.signatures) {
    paragraphs.push({ runs: [{ text: s.role }], alignment: 1, spaceAbove: 24 });
    paragraphs.push({ runs: [{ text: s.name }], alignment: 1 });
    paragraphs.push({ runs: [{ text: s.sign }], alignment: 1 });
  }
  return buildUdf(paragraphs);
}
