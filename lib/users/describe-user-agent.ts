import Bowser from "bowser";

/** "Chrome 140 · Android" style label for a session's device, in Turkish where words are needed. */
export function describeUserAgent(userAgent: string): string {
  if (!userAgent) return "Bilinmeyen cihaz";
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split(".")[0]].filter(Boolean).join(" ");
  const os = [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(" ");
  const device = parsed.platform.type === "mobile" ? "telefon" : parsed.platform.type === "tablet" ? "tablet" : null;
  const label = [browser || "Bilinmeyen tarayıcı", os, device].filter(Boolean).join(" · ");
  return label;
}
