import { foldTurkish } from "@/lib/jobs/turkish-search-query";
import { provinceRecords } from "@/lib/reference/provinces-data";

// Finds the courthouse a WhatsApp post names, among the 595: tolerant of case, ı/i and the other Turkish letters,
// a missing "Adliyesi", a suffix after an apostrophe (Bakırköy'de) and one typo in a longer name. District names
// that are also everyday words (Çay, Can, Genç, Pazar, Kiraz …) count only when followed by "adliye…"; other names
// of five letters or fewer also when written with a capital; province names always.

export type CourthouseRef = { name: string; provinceId: number; provinceName: string };
export type CourthouseMatch = { kind: "found"; courthouse: CourthouseRef } | { kind: "ambiguous"; candidates: CourthouseRef[] } | { kind: "none" };

// month and weekday names among them (Aralık, Çarşamba, Pazar) are dates far more often than places
const CALENDAR_WORDS = ["ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik", "pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi", "pazar"];
const EVERYDAY_WORDS = new Set([...CALENDAR_WORDS, "cay", "can", "genc", "mut", "hani", "kulp", "maden", "cat", "bor", "of", "ulus", "selim", "alaca", "cinar", "tire", "kula", "zara", "bala", "kemer", "saray", "pazar", "kiraz", "eskil", "bucak", "cal", "kaman", "kavak", "terme", "emet", "derik", "posof", "idil", "palu", "ilic"]);
// what lawyers call some courthouses instead of their names
const ALIASES: Record<string, string> = {
  caglayan: "İstanbul Adliyesi",
  kartal: "İstanbul Anadolu Adliyesi",
  anadolu: "İstanbul Anadolu Adliyesi",
  sihhiye: "Ankara Adliyesi",
  bayrakli: "İzmir Adliyesi",
  eyupsultan: "Eyüp Adliyesi",
};

/** everyday: only before "adliye…"; short: also when written with a capital */
type Entry = { tokens: string[]; courthouse: CourthouseRef; needs: "nothing" | "adliye" | "adliye-or-capital" };
type Token = { folded: string; capitalised: boolean };

const tokensOf = (text: string) => foldTurkish(text).match(/[a-z0-9]+/g) ?? [];

const isProvinceCentre = (c: CourthouseRef) => tokensOf(c.name.replace(/\s*Adliyesi$/u, "")).join(" ") === tokensOf(c.provinceName).join(" ");

const entries: Entry[] = provinceRecords.flatMap((province) =>
  province.courthouses.flatMap((name) => {
    const courthouse = { name, provinceId: province.plate, provinceName: province.name };
    const base = name.replace(/\s*Adliyesi$/u, "");
    // "Saray (Tekirdağ)": named as "Saray" (then ambiguous) or with its province
    const keys = [tokensOf(base), tokensOf(base.replace(/\s*\(.*\)$/, ""))];
    const isProvince = isProvinceCentre(courthouse);
    return [...new Map(keys.map((k) => [k.join(" "), k])).values()].map((tokens) => {
      const key = tokens.join("");
      const needs = EVERYDAY_WORDS.has(key) ? "adliye" : key.length <= 5 && !isProvince ? "adliye-or-capital" : "nothing";
      return { tokens, courthouse, needs } satisfies Entry;
    });
  }),
);
const byName = new Map(entries.map((e) => [e.courthouse.name, e.courthouse]));
for (const [alias, name] of Object.entries(ALIASES)) entries.push({ tokens: [alias], courthouse: byName.get(name)!, needs: "nothing" });

/** Damerau–Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function tokenise(text: string): Token[] {
  // a suffix after an apostrophe belongs to the name before it: Bakırköy'de, Kadıköy’deki
  const words = text.replace(/['’]\p{L}+/gu, "").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => ({ folded: foldTurkish(w), capitalised: /^\p{Lu}/u.test(w) && w !== w.toLocaleUpperCase("tr") }));
}

type Hit = { start: number; end: number; entry: Entry; typo: boolean };

export function findCourthouse(text: string): CourthouseMatch {
  const tokens = tokenise(text);
  const hits: Hit[] = [];
  for (const entry of entries) {
    const n = entry.tokens.length;
    const key = entry.tokens.join("");
    for (let start = 0; start + n <= tokens.length; start++) {
      const window = tokens.slice(start, start + n);
      const word = window.map((t) => t.folded).join("");
      const exact = word === key;
      const typos = key.length >= 10 ? 2 : key.length >= 6 ? 1 : 0;
      if (!exact && (typos === 0 || distance(word, key, typos) > typos)) continue;
      const followedByAdliye = /^adliye/.test(tokens[start + n]?.folded ?? "");
      if (entry.needs === "adliye" && !followedByAdliye) continue;
      if (entry.needs === "adliye-or-capital" && !followedByAdliye && !window[0].capitalised) continue;
      hits.push({ start, end: start + n, entry, typo: !exact });
    }
  }
  // the longest name wins where names overlap ("İstanbul Anadolu" over "İstanbul"); exact over a typo
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && (o.end - o.start > h.end - h.start || (h.typo && !o.typo))));
  let found = [...new Map(kept.map((h) => [h.entry.courthouse.name, h.entry.courthouse])).values()];
  // "Bakırköy İstanbul": the province's name only places the district, it does not name its central courthouse
  if (found.length > 1) found = found.filter((c) => !(isProvinceCentre(c) && found.some((o) => o !== c && o.provinceId === c.provinceId)));
  if (found.length === 1) return { kind: "found", courthouse: found[0] };
  if (found.length > 1) return { kind: "ambiguous", candidates: found };
  return { kind: "none" };
}
