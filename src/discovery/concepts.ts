// Groups a request's words into concepts: the glossary's phrases, longest first, else single words, each with what its
// place says of it.
import { EXISTING_TERMS, MANY_TERMS, NEGATIONS, ONE_TERMS, PREPOSITION_TERMS, READ_TERMS } from './phrasing.js';
import type { Concept, Intent, Lexicon, Word } from './request.js';
import type { Vocabulary } from './vocabulary.js';
import { WEIGHTS } from './weights.js';

/**
 * The glossary phrase starting at seq[i], longest first: how many words it takes, and its concept (none when it only
 * says a thing exists).
 */
function glossaryPhrase(
  seq: Word[],
  i: number,
  lexicon: Lexicon,
  vocab: Vocabulary,
): { size: number; concept?: Concept; read: boolean } | undefined {
  for (let n = Math.min(vocab.longest, seq.length - i); n >= 1; n--) {
    const slice = seq.slice(i, i + n);
    const meanings = vocab.meanings.get(slice.map((s) => s.t).join(' '));
    if (!meanings) continue;
    // A verb phrase needs a verb: "points to a member" is no "point to" (update).
    if (n > 1 && slice[0]!.plural && meanings.every((m) => m.length === 1 && lexicon.writeVerbs.has(m[0]!))) continue;
    const own = slice.filter((s) => !s.stop).map((s) => s.t);
    const meansRead = meanings.some((m) => m.length === 1 && m[0] === 'get');
    // "the webhooks we have set up", "what callback URLs are registered": they say that a thing exists, not which.
    if (slice.every((s) => s.past || s.stop) && own.length && own.every((t) => EXISTING_TERMS.has(t)))
      return { size: n, read: false };
    // A request that opens with a read verb, or a phrase meaning one ("give me", "pull up"), is a read.
    const read = i === 0 && ((n === 1 && READ_TERMS.has(seq[0]!.t)) || (n > 1 && meansRead));
    const concept: Concept = {
      variants: [
        ...(own.length ? [{ terms: own, weight: 1 }] : []),
        ...meanings.map((m) => ({ terms: m, weight: WEIGHTS.meaning })),
      ],
      past: slice.every((s) => s.past || s.stop),
      noun: slice.every((s) => s.noun || s.stop),
      phrase: n > 1,
      weight: slice[0]!.context ? WEIGHTS.context : 1,
      slot: (slice.find((s) => !s.stop) ?? slice[0]!).slot,
      instrument: slice[0]!.instrument,
      withId: slice[slice.length - 1]!.withId,
      // ... unless the phrase means a read ("give me", "pull up").
      ...(n > 1 && slice[0]!.base && !slice[0]!.stop && !meansRead ? { leadVerb: slice[0]!.t } : {}),
    };
    return { size: n, concept, read };
  }
  return undefined;
}

/** One word no glossary phrase holds: a concept, a sign of the read's shape ("all", "details"), or nothing. */
function singleWord(seq: Word[], i: number, intent: Intent, concepts: Concept[]): boolean {
  const { t, stop, past, withId } = seq[i]!;
  if (past && EXISTING_TERMS.has(t)) return false;
  const read = i === 0 && READ_TERMS.has(t) && !withId;
  // "all", "details": they say which kind of read, not what about.
  // After a preposition they speak of the context ("an sms campaign for all VIP contacts").
  if (ONE_TERMS.has(t)) intent.one ||= !seq[i]!.context;
  // "list" opening a request with more to say is its verb ("list all contacts"), elsewhere a list.
  else if (MANY_TERMS.has(t) && (t !== 'list' || (i === 0 && seq.length > 1 && !withId)))
    intent.many ||= !seq[i]!.context;
  else if (!stop && !PREPOSITION_TERMS.has(t) && !NEGATIONS.has(t))
    concepts.push({
      variants: [{ terms: [t], weight: 1 }],
      past,
      noun: seq[i]!.noun,
      weight: seq[i]!.context ? WEIGHTS.context : 1,
      slot: seq[i]!.slot,
      instrument: seq[i]!.instrument,
      withId,
    });
  return read;
}

/** The request's concepts, and whether it opens as a read. */
export function conceptsOf(
  seq: Word[],
  intent: Intent,
  lexicon: Lexicon,
  vocab: Vocabulary,
): { concepts: Concept[]; read: boolean } {
  const concepts: Concept[] = [];
  let read = false;
  for (let i = 0; i < seq.length; ) {
    const phrase = glossaryPhrase(seq, i, lexicon, vocab);
    if (phrase) {
      if (phrase.read) read = true;
      if (phrase.concept) concepts.push(phrase.concept);
      i += phrase.size;
      continue;
    }
    if (singleWord(seq, i, intent, concepts)) read = true;
    i++;
  }
  return { concepts, read };
}
