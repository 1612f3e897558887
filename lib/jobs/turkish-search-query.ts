// What a lawyer types in the board's search box, word by word, in the three forms the board searches with:
// - `turkish`: a to_tsquery('turkish', …) term. Each word becomes a prefix term, so PostgreSQL's Turkish stemmer
//   meets the suffixes a job's text carries ("inceleme" → incele:* finds "dosya incelemesi"). Turkish also drops a
//   word's last narrow vowel before a suffix that starts with a vowel (haciz → haczine, keşif → keşfe), which no
//   stemmer undoes: such a word also looks for that form.
// - `folded`: a to_tsquery('simple', …) prefix term over the folded text (Turkish letters to ASCII, lower case), for
//   a phone without a Turkish keyboard ("karsiyaka", "ISTANBUL") — see tevkil_fold in migration 20261202050000.
// - `plain`: the folded word itself, for trigram similarity when nothing matches (a typo: "hacis").
// Only letters and digits reach a query string, so nothing typed can change its syntax.

const VOWELS = "aeıioöuü";
const ELIDED = new RegExp(`^(.*[^${VOWELS}])([ıiuü])([^${VOWELS}])$`, "u");
const MAX_WORDS = 8;

// the same mapping as the database's tevkil_fold(), so both sides of a comparison are folded alike
const FOLDS: Record<string, string> = { ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" };

/** "Karşıyaka İZMİR" → "karsiyaka izmir". */
export function foldTurkish(text: string): string {
  return text.toLocaleLowerCase("tr").replace(/[çğıöşüâîû]/g, (c) => FOLDS[c]);
}

export type SearchWord = { turkish: string; folded: string; plain: string };

export function turkishSearchWords(text: string): SearchWord[] {
  // a suffix after an apostrophe belongs to the proper noun before it (İzmir'de, Yargıtay'ın): the noun is searched
  const words = text.toLocaleLowerCase("tr").replace(/['’]\p{L}+/gu, "").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_WORDS).map((word) => {
    const forms = new Set([word]);
    const elided = word.length >= 4 && /^\p{L}+$/u.test(word) ? ELIDED.exec(word) : null;
    if (elided) forms.add(elided[1] + elided[3]);
    const plain = foldTurkish(word);
    return { turkish: `(${[...forms].map((form) => `${form}:*`).join(" | ")})`, folded: `${plain}:*`, plain };
  });
}

/** Quotes ("tam ifade") or a leading minus (-hariç) ask for PostgreSQL's web search syntax instead. */
export const wantsWebSearchSyntax = (text: string) => /"|(^|\s)-[\p{L}\p{N}]/u.test(text);
