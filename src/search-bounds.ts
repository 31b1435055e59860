// What one search may ask (code mode's search, dynamic mode's search_tools), checked before any matching.

/** Longest query: a request in a few sentences, not a document. */
export const MAX_QUERY_CHARS = 1_000;

/** Longest word in a query: longer than any operation name (36) or word of the catalog. */
export const MAX_WORD_CHARS = 64;

/**
 * Longest word read through typos. The typo matcher's work grows with the word's length squared
 * (a 65,000-letter word took gigabytes), and a word this long is matched exactly or by its start.
 */
export const MAX_FUZZY_WORD_CHARS = 24;

/** Why a query is refused, naming the limit; undefined when it is within them. */
export function queryProblem(query: string): string | undefined {
  if (query.length > MAX_QUERY_CHARS)
    return `query: at most ${MAX_QUERY_CHARS} characters, got ${query.length}; describe the task in a sentence or two`;
  const longest = query.split(/[\s,]+/).reduce((n, w) => Math.max(n, w.length), 0);
  if (longest > MAX_WORD_CHARS)
    return `query: words of at most ${MAX_WORD_CHARS} characters, got one of ${longest}; use words or operation names`;
  return undefined;
}

/** The edit distance a word is matched within: none for a word past MAX_FUZZY_WORD_CHARS. */
export function fuzzyReach(term: string): number | false {
  if (term.length > MAX_FUZZY_WORD_CHARS) return false;
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : false;
}
