// Attachment types are decided by the file's first bytes, never by its name or the browser's claim.
const signatures: { mimeType: string; matches: (b: Uint8Array) => boolean }[] = [
  { mimeType: "application/pdf", matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { mimeType: "image/png", matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: "image/jpeg", matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mimeType: "image/gif", matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61 },
  { mimeType: "image/webp", matches: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, i) => bytes[i] === value);
}

/** The MIME type of a PDF or image by its content, or null for anything else. */
export function sniffAttachmentType(bytes: Uint8Array): string | null {
  return signatures.find((s) => s.matches(bytes))?.mimeType ?? null;
}
