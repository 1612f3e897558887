// What a lawyer types in the board's search box, as a to_tsquery('turkish', …) string. Each word becomes a prefix
// term, so PostgreSQL's Turkish stemmer meets the suffixes a job's text carries ("inceleme" → incele:* finds
// "dosya incelemesi"). Turkish also drops a word's last narrow vowel before a suffix that starts with a vowel
// (haciz → haczine, keşif → keşfe, ağız → ağzı), which no stemmer undoes: such a word also looks for that form.
// Only letters and digits reach the query string, so nothing typed can change its syntax.

const VOWELS = "aeıioöuü";
const ELIDED = new RegExp(`^(.*[^${VOWELS}])([ıiuü])([^${VOWELS}])$`, "u");
const MAX_WORDS = 8;

export function turkishSearchQuery(text: string): string | null {
  // a suffix after an apostrophe belongs to the proper noun before it (İzmir'de, Yargıtay'ın): the noun is searched
  const words = text.toLocaleLowerCase("tr").replace(/['’]\p{L}+/gu, "").match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_WORDS).map((word) => {
    const forms = new Set([word]);
    const elided = word.length >= 4 && /^\p{L}+$/u.test(word) ? ELIDED.exec(word) : null;
    if (elided) forms.add(elided[1] + elided[3]);
    return `(${[...forms].map((form) => `${form}:*`).join(" | ")})`;
  });
  return terms.length ? terms.join(" & ") : null;
}

/** Quotes ("tam ifade") or a leading minus (-hariç) ask for PostgreSQL's web search syntax instead. */
export const wantsWebSearchSyntax = (text: string) => /"|(^|\s)-[\p{L}\p{N}]/u.test(text);
