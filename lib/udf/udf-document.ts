import { strToU8, zipSync } from "fflate";

// UYAP's document format (.udf), as the UYAP editor writes it: a ZIP holding content.xml, a <template
// format_id="1.8"> whose <content> CDATA is the whole text and whose <elements> are paragraphs of runs that point
// into it by character offset (Java string offsets: UTF-16 units, as JavaScript counts) and length, each paragraph
// ending with its "\n". <properties> is the A4 page, <styles> the default styles UYAP editors expect.

export type UdfRun = { text: string; bold?: boolean; size?: number };
/** Alignment as Java Swing's StyleConstants: 0 left, 1 centre, 2 right, 3 justified. */
export type UdfParagraph = { runs: UdfRun[]; alignment?: 0 | 1 | 2 | 3; spaceAbove?: number };

const FAMILY = "Times New Roman";
const MARGIN = "42.51968479156494"; // 1.5 cm in points, as UYAP templates have it

// XML 1.0 has no place for most control characters; the text is the document's, not markup
const clean = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\n/g, " ");

/** content.xml for the paragraphs. */
export function buildUdfContentXml(paragraphs: UdfParagraph[]): string {
  let text = "";
  const elements: string[] = [];
  for (const paragraph of paragraphs) {
    const runs = paragraph.runs.map((r) => ({ ...r, text: clean(r.text) })).filter((r) => r.text.length > 0);
    if (runs.length === 0) runs.push({ text: "" });
    runs[runs.length - 1] = { ...runs[runs.length - 1], text: `${runs[runs.length - 1].text}\n` };
    const contents = runs.map((r) => {
      const start = text.length;
      text += r.text;
      const style = `${r.bold ? ' bold="true"' : ""}${r.size ? ` size="${r.size}"` : ""}`;
      return `<content startOffset="${start}" length="${r.text.length}" family="${FAMILY}"${style} />`;
    });
    const spacing = paragraph.spaceAbove ? ` SpaceAbove="${paragraph.spaceAbove.toFixed(1)}"` : "";
    elements.push(`<paragraph Alignment="${paragraph.alignment ?? 0}" LeftIndent="0.0" RightIndent="0.0"${spacing} >${contents.join("")}</paragraph>`);
  }
  // "]]>" cannot appear inside a CDATA section: split it across two (the text read back is unchanged)
  const cdata = text.replace(/]]>/g, "]]]]><![CDATA[>");
  return (
    '<?xml version="1.0" encoding="UTF-8" ?> \n\n' +
    '<template format_id="1.8" >\n' +
    `<content><![CDATA[${cdata}]]></content>\n` +
    `<properties><pageFormat mediaSizeName="1" leftMargin="${MARGIN}" rightMargin="${MARGIN}" topMargin="${MARGIN}" bottomMargin="${MARGIN}" paperOrientation="1" headerFOffset="20.0" footerFOffset="20.0" /></properties>\n` +
    `<elements resolver="hvl-default" >\n${elements.join("\n")}\n</elements>\n` +
    '<styles><style name="default" description="Geçerli" family="Dialog" size="12" bold="false" italic="false" foreground="-13421773" ' +
    'FONT_ATTRIBUTE_KEY="javax.swing.plaf.FontUIResource[family=Dialog,name=Dialog,style=plain,size=12]" />' +
    `<style name="hvl-default" family="${FAMILY}" size="12" description="Gövde" /></styles>\n` +
    "</template>\n"
  );
}

/** The .udf file: a ZIP with content.xml. */
export function buildUdf(paragraphs: UdfParagraph[]): Uint8Array {
  return zipSync({ "content.xml": strToU8(buildUdfContentXml(paragraphs)) }, { level: 6 });
}
