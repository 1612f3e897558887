import { Prisma } from "@/lib/generated/prisma/client";
import { turkishSearchWords, wantsWebSearchSyntax } from "@/lib/jobs/turkish-search-query";

/** How the board matches the search box: a condition on the job row `j` and a relevance score for sorting. */
export type TextMatch = { where: Prisma.Sql; rank: Prisma.Sql };

// trigram matching on words this short matches nearly anything
const MIN_SIMILAR_WORD = 4;

/**
 * Every word must match, each by its Turkish stem (prefix) or its folded form, over the trigger-kept tsvector and
 * its GIN index. Ranked by ts_rank with the vector's weights: title, then task type and places, then description.
 */
export function wordsMatch(text: string): TextMatch | null {
  if (wantsWebSearchSyntax(text)) {
    const query = Prisma.sql`websearch_to_tsquery('turkish', ${text})`;
    return { where: Prisma.sql`j."searchVector" @@ ${query}`, rank: Prisma.sql`ts_rank(j."searchVector", ${query})` };
  }
  const words = turkishSearchWords(text);
  if (!words.length) return null;
  const query = Prisma.sql`(${Prisma.join(
    words.map((w) => Prisma.sql`(to_tsquery('turkish', ${w.turkish}) || to_tsquery('simple', ${w.folded}))`),
    " && ",
  )})`;
  return { where: Prisma.sql`j."searchVector" @@ ${query}`, rank: Prisma.sql`ts_rank(j."searchVector", ${query})` };
}

/**
 * For when the words match nothing (a typo): every word of four letters or more must be close to a stretch of the
 * folded text (pg_trgm word similarity ≥ 0.6, the extension's default, served by the trigram GIN index).
 */
export function similarWordsMatch(text: string): TextMatch | null {
  if (wantsWebSearchSyntax(text)) return null;
  const words = turkishSearchWords(text).map((w) => w.plain).filter((w) => w.length >= MIN_SIMILAR_WORD);
  if (!words.length) return null;
  return {
    where: Prisma.join(words.map((w) => Prisma.sql`j."searchText" %> ${w}`), " AND "),
    rank: Prisma.join(words.map((w) => Prisma.sql`word_similarity(${w}, j."searchText")`), " + "),
  };
}
