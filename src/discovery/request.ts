// Reads a request in people's words: the concepts to search for (the glossary's phrases and the other words) and what
// it asks for (a read or a change, of one item or of a collection).
import { conceptsOf } from './concepts.js';
import { readChanges, readInstruments, readQuestion } from './intent.js';
import {
  ACTION_NOUN,
  ASIDES,
  BREAK,
  CAPITALS,
  CAPITALS_KEPT,
  CLAUSE_END,
  DETERMINERS,
  applyShapeRules,
  ID,
  IDENTIFIERS,
  INSTRUMENTS,
  MANY_TERMS,
  NEGATIONS,
  OBLIGED,
  STATE,
  ONE_TERMS,
  REPORTING,
  PARTICLES,
  POLITE,
  POSSESSIVE,
  PREPOSITIONS,
  PREPOSITION_TERMS,
  PRONOUN_OBJECTS,
  PURPOSES,
  QUESTION_WORDS,
  READ_TERMS,
  RELATIVES,
  SUBJECTS,
  VERB_OPENERS,
  WRITE_BASES,
  WRITE_TERMS,
  isAgentNoun,
  isPlural,
} from './phrasing.js';
import { isPastForm, term, words } from './text.js';
import { type Vocabulary, vocabulary } from './vocabulary.js';

/** One query concept: the words as given, and what the glossary says they stand for. */
export interface Concept {
  variants: Array<{ terms: string[]; weight: number }>;
  /** A glossary phrase of several words ("give me", "sending domain"). */
  phrase?: boolean;
  /** Only past forms ("sent", "scheduled"): they describe, they do not ask for a write. */
  past?: boolean;
  /** An action's noun ("invitation"): it names a thing, it does not ask for a write. */
  noun?: boolean;
  /** A phrase led by a verb in its base form ("remove points", not "sending domain"): its verb. */
  leadVerb?: string;
  /** Less than 1 for context after a preposition. */
  weight: number;
  /** It stands where a clause's verb stands (first in the clause, or after "please", "to", "and", ...). */
  slot?: boolean;
  /** It names an instrument or an input ("using template 12"): matched in what an operation takes, not in its name. */
  instrument?: boolean;
  /** An id follows it ("template 12"). */
  withId?: boolean;
}

/** What a request asks for, beyond its words: a write or a read, and of one item or of a collection. */
export interface Intent {
  write: boolean;
  /** The request's own verbs (stemmed), as written. */
  verbs: Set<string>;
  one: boolean;
  many: boolean;
  batch: boolean;
  /** A question ("which ...", "how many ..."): a read, more surely than a request without a verb. */
  question: boolean;
  /** A yes-or-no question ("is it live yet?"). */
  yesNo?: boolean;
  /** An id names what owns the thing asked for ("notes of contact 12"). */
  ownerId: boolean;
  /** The word naming that owner ("contact"), with its glossary meanings. */
  owner?: string[];
  /**
   * The thing asked for: the first concept that is no verb, no context and no instrument ("folders" in "what folders do
   * we have for our lists").
   */
  head?: string[];
}

/** What reading a request needs to know of the index it is for. */
export interface Lexicon {
  /** Every term the index holds. */
  indexed: ReadonlySet<string>;
  /** The nearest known word for a word nobody knows, if any. */
  correct(t: string): string | undefined;
  /** Stems of the first word of every write operation's name: create, update, delete, send, ... */
  writeVerbs: ReadonlySet<string>;
}

export interface Reading {
  concepts: Concept[];
  /** A word was read as the nearest known word. */
  corrected: boolean;
  intent: Intent;
}

/** One word of the request as read: its term and what its place in the request says of it. */
export interface Word {
  t: string;
  stop: boolean;
  past: boolean;
  context: boolean;
  base: boolean;
  slot: boolean;
  instrument: boolean;
  withId?: boolean;
  noun?: boolean;
  plural?: boolean;
}

/** What reading word by word carries from one word to the next. */
interface Scan {
  seq: Word[];
  intent: Intent;
  corrections: Map<string, string>;
  corrected: boolean;
  /**
   * In an instrument's phrase ("using template 12"), and whether that phrase has an id (one without is a plain context:
   * "through the tracker").
   */
  instrument: boolean;
  instrumentId: boolean;
  instrumentWord: string;
  instrumentStart: number;
  /** Content words so far in the current clause. */
  clauseWords: number;
  /** In a clause saying why or when ("so we can re-send", "before I pay more"): not searched. */
  aside: boolean;
  /** Many of the things asked for are counted ("these 60 customers"). */
  counted: boolean;
  /** After "should be", "must be": the next word is the state asked for. */
  obliged: boolean;
  /** After "should be": a value, which is data, unless a past form says what to do ("must be blocked"). */
  state: boolean;
  /** The word before the current one, as written: it tells whether a verb may stand here. */
  previous: string | undefined;
  context: boolean;
  idInContext: boolean;
  negated: number;
  relative: boolean;
  clause: number;
  /** Clauses reporting what someone says, before the request: they tell the situation. */
  situations: Set<number>;
}

const newScan = (situations: Set<number>): Scan => ({
  seq: [],
  intent: { write: false, verbs: new Set(), one: false, many: false, batch: false, question: false, ownerId: false },
  corrections: new Map(),
  corrected: false,
  instrument: false,
  instrumentId: false,
  instrumentWord: '',
  instrumentStart: 0,
  clauseWords: 0,
  aside: false,
  counted: false,
  obliged: false,
  state: false,
  previous: undefined,
  context: false,
  idInContext: false,
  negated: 0,
  relative: false,
  clause: 0,
  situations,
});

/**
 * The request's text with what its shape tells read as what it is (addresses, ids, names in capitals, quoted text), its
 * opening set aside.
 */
function prepareText(query: string, vocab: Vocabulary): { stripped: string; text: string; situations: Set<number> } {
  // What opens the request without saying what it is about ("could you", "is there a way to") is set aside.
  const stripped = query.trim().replace(POLITE, '');
  // Names written in capitals in a request otherwise in lower case are data: attribute names and values (LOYALTY_TIER =
  // GOLD).
  let text = /[a-z]/.test(stripped)
    ? stripped.replace(CAPITALS, (word) =>
        CAPITALS_KEPT.has(word) || CAPITALS_KEPT.has(word.replace(/S$/, '')) ? word : ' ',
      )
    : stripped;
  text = applyShapeRules(text);
  text = text.replace(ID, (id) => (vocab.known.has(term(id.toLowerCase(), true)!) ? id : ' 0 '));
  // "the client's loyalty programs": the owner is context, and "client's" is no plural.
  text = text.replace(/\b([a-z0-9]+)[’']s\b/gi, (whole, word: string) =>
    /^(it|that|what|who|there|here|he|she|let)$/i.test(word) ? whole : `${word} ${POSSESSIVE}`,
  );
  text = text.replace(CLAUSE_END, ` ${BREAK} `);
  // "a customer says she never got it, resend it": a clause reporting what someone says, before the request, tells the
  // situation.
  const clauses = text.split(BREAK);
  const situations = new Set(
    clauses.map((c, k) => (k < clauses.length - 1 && REPORTING.test(c) ? k : -1)).filter((k) => k >= 0),
  );
  return { stripped, text, situations };
}

/**
 * An instrument's phrase ends: "with" always names an input; "using", "via", "through" without an id name a way
 * ("through the tracker").
 */
function endInstrument(s: Scan): void {
  if (s.instrument && !s.instrumentId && s.instrumentWord !== 'with')
    for (let k = s.instrumentStart; k < s.seq.length; k++) s.seq[k]!.instrument = false;
  s.instrument = s.instrumentId = false;
}

/**
 * A clause ends: a negation or a describing clause reaches no further than its clause ("it never arrived, send it
 * again").
 */
function nextClause(s: Scan): void {
  s.clause++;
  s.previous = undefined;
  s.clauseWords = 0;
  s.negated = 0;
  s.relative = false;
  s.aside = s.state = false;
  endInstrument(s);
}

/**
 * A number is an id or an amount: it says one item is meant, and is not searched for; after a
 * preposition, and after a plural, it names the owner ("notes of contact 12"), not the thing asked for.
 * Returns whether the word was a number.
 */
function readNumber(s: Scan, written: string[], at: number, vocab: Vocabulary): boolean {
  const w = written[at]!;
  if (!/^\d+$/.test(w)) return false;
  // "these 60 customers", "200 contacts", "5000 email credits": a number before a plural counts things, it names none;
  // many of the things asked for, at once. Right after a noun a number is its id ("program 3 settings").
  const after = at > 0 ? term(written[at - 1]!) : undefined;
  const counts =
    (!after || WRITE_TERMS.has(after)) &&
    written.slice(at + 1, at + 3).some((next) => isPlural(next) && !PREPOSITIONS.has(next));
  // "with 5000 credits": an amount of what is handed over, not an instrument.
  const noInstrumentYet = () => s.instrument && !s.seq.slice(s.instrumentStart).some((x) => !x.stop);
  if (counts) {
    if (Number(w) > 1 && !s.context) s.counted = true;
    if (noInstrumentYet()) s.instrument = false;
    return true;
  }
  // "list 9", "template 12": the word before an id names an item.
  if (s.seq.length) s.seq[s.seq.length - 1]!.withId = true;
  // An instrument's id ("using template 12") says which input, not which item is asked for;
  // "with id 4", "with the number 7" name the item itself.
  if (noInstrumentYet()) s.instrument = false;
  if (s.instrument && !s.seq.slice(s.instrumentStart).some((x) => IDENTIFIERS.has(x.t))) {
    s.instrumentId = true;
    return true;
  }
  // In a clause describing people ("everyone who opened newsletter 210") it names what they did it to.
  if (s.context || s.relative) {
    s.idInContext = true;
    // The owner's word and what the glossary says it stands for ("newsletter": campaign).
    const owner = s.seq[s.seq.length - 1]?.t;
    if (owner) s.intent.owner = [owner, ...(vocab.meanings.get(owner) ?? []).flat()];
  } else s.intent.one = true;
  return true;
}

/**
 * Words that open a clause describing what was named ("replies that customers sent", "the lists we made", "so we can");
 * returns whether the word is used up.
 */
function readDescribing(s: Scan, w: string, prior: string | undefined, lexicon: Lexicon): boolean {
  // "details", "settings" say which kind of read, not that many are asked for.
  const shapeWord = ONE_TERMS.has(term(w, true)!) || MANY_TERMS.has(term(w, true)!);
  if (isPlural(w) && !s.context && !shapeWord) s.intent.many = true;
  // "replies that customers sent": a clause after a noun describes it ("that" there is no "this one").
  const last = s.seq[s.seq.length - 1];
  if (
    RELATIVES.has(w) &&
    last &&
    !last.stop &&
    !WRITE_TERMS.has(last.t) &&
    !READ_TERMS.has(last.t) &&
    !lexicon.writeVerbs.has(last.t)
  ) {
    s.relative = true;
    return true;
  }
  // "the webhooks we have set up", "what senders have we got": a subject after the thing named starts a clause
  // describing it.
  if (SUBJECTS.has(w) && s.clauseWords > 0 && prior !== undefined && !VERB_OPENERS.has(prior)) s.relative = true;
  if (PURPOSES.has(w) && s.seq.some((x) => !x.stop)) {
    s.relative = s.context = true;
    if (ASIDES.has(w)) s.aside = true;
    return true;
  }
  return false;
}

/** A word's term, read as the nearest known word when neither the index nor the glossary knows it. */
function termOf(s: Scan, w: string, lexicon: Lexicon, vocab: Vocabulary): { t: string; content: boolean } {
  const content = term(w);
  let t = content ?? term(w, true)!;
  if (content && !lexicon.indexed.has(t) && !vocab.known.has(t)) {
    const fixed = lexicon.correct(t);
    if (fixed) {
      s.corrections.set(t, fixed);
      t = fixed;
      s.corrected = true;
    }
  }
  return { t, content: content !== undefined };
}

/**
 * The word after "should be", "must be": "must be blocked" asks to block; "the name should be Acme"
 * asks to set it. Returns whether the word is used up.
 */
function readObliged(s: Scan, w: string, t: string): boolean {
  s.obliged = false;
  if (isPastForm(w)) {
    s.seq.push({ t, stop: false, past: false, context: s.context, base: true, slot: true, instrument: s.instrument });
    return true;
  }
  s.seq.push({
    t: term('set', true)!,
    stop: false,
    past: false,
    context: false,
    base: true,
    slot: true,
    instrument: false,
  });
  // "the name should be Acme Support": the rest of the clause is the value.
  if (s.state) {
    s.aside = true;
    return true;
  }
  return false;
}

/**
 * Reads one word that says something of what is asked: its term, whether it describes or asks, and the context it
 * opens.
 */
function readContent(s: Scan, written: string[], at: number, slot: boolean, lexicon: Lexicon, vocab: Vocabulary): void {
  const w = written[at]!;
  const { t, content } = termOf(s, w, lexicon, vocab);
  // A past form or a noun describes ("sent", "credits", "subscriber"); it does not ask for a change;
  // nor do words right after a negation or inside a relative clause.
  const situation = s.situations.has(s.clause);
  const describes =
    (isPastForm(w) && !s.obliged) || isPlural(w) || isAgentNoun(w) || s.negated > 0 || s.relative || situation;
  // An action's noun ("the invitation") asks for no change either, though it names the thing acted on.
  const noun = ACTION_NOUN.test(w);
  if (content && s.negated > 0) s.negated--;
  if (content) s.clauseWords++;
  if (content && s.obliged && readObliged(s, w, t)) return;
  // The situation is context, and what reports it is not searched ("says", "claims").
  if (situation && REPORTING.test(w)) return;
  s.seq.push({
    t,
    stop: !content || QUESTION_WORDS.includes(t),
    past: describes,
    context: s.context || situation,
    base: !describes && !noun && !w.endsWith('ing'),
    slot,
    instrument: s.instrument,
    noun,
    plural: isPlural(w),
  });
  // Stop words before a clause's first word keep its verb's place open ("ok so the ...", "I just ...").
  // After "the", "our", "this" a noun stands, no verb.
  if (!content && slot && !DETERMINERS.has(w)) s.previous = undefined;
  if (NEGATIONS.has(w)) s.negated = 2;
  if (PREPOSITIONS.has(w) || INSTRUMENTS.has(w)) {
    endInstrument(s);
    s.instrument = INSTRUMENTS.has(w);
    s.instrumentWord = w;
    s.instrumentStart = s.seq.length;
  }
  // "details of deal 9": what comes after a word that only says which kind of read is the thing asked for.
  // "to" before a verb is no preposition ("wants to use it").
  const infinitive = w === 'to' && WRITE_BASES.has(written[at + 1] ?? '');
  if (
    PREPOSITIONS.has(w) &&
    !infinitive &&
    s.seq.some((x) => !x.stop && !ONE_TERMS.has(x.t) && !MANY_TERMS.has(x.t) && !READ_TERMS.has(x.t))
  )
    s.context = true;
}

/** Reads one written word into the scan. */
function readWord(s: Scan, written: string[], at: number, lexicon: Lexicon, vocab: Vocabulary): void {
  const w = written[at]!;
  if (w === BREAK) {
    nextClause(s);
    return;
  }
  const slot = s.previous === undefined || VERB_OPENERS.has(s.previous);
  const prior = s.previous;
  s.previous = w;
  if (w === OBLIGED) s.obliged = true;
  else if (w === STATE) s.state = true;
  else if (w === POSSESSIVE) {
    const owner = s.seq[s.seq.length - 1];
    if (owner && !owner.stop) owner.context = true;
  } else if (!readNumber(s, written, at, vocab) && !readDescribing(s, w, prior, lexicon) && !s.aside)
    readContent(s, written, at, slot, lexicon, vocab);
}

/** Reads a request as concepts (glossary phrases, longest first, else single words) and its intent. */
export function readRequest(query: string, lexicon: Lexicon): Reading {
  const vocab = vocabulary();
  const { stripped, text, situations } = prepareText(query, vocab);
  const s = newScan(situations);
  const written = words(text);
  for (let at = 0; at < written.length; at++) readWord(s, written, at, lexicon, vocab);
  endInstrument(s);
  joinPhrasalVerbs(s.seq, vocab.meanings);
  const { concepts, read } = conceptsOf(s.seq, s.intent, lexicon, vocab);
  const question = readQuestion(stripped, s, concepts);
  readChanges(concepts, s.intent, read || question, lexicon);
  readInstruments(concepts, s.intent, text);
  return { concepts, corrected: s.corrected, intent: s.intent };
}
/**
 * Brings a particle next to its verb when the glossary knows the pair and one to three words stand
 * between ("cut ops@x.com off" reads as "cut off ops@x.com").
 */
function joinPhrasalVerbs(
  seq: Array<{ t: string; stop: boolean; base: boolean }>,
  meanings: ReadonlyMap<string, unknown>,
): void {
  for (let i = 0; i < seq.length - 2; i++) {
    if (meanings.has(`${seq[i]!.t} ${seq[i + 1]!.t}`)) continue;
    // A verb in its base form ("cut", not "mails" or "sent") takes a particle from further on; any verb does when a
    // pronoun is
    // its object ("swap her stamps for", "start using it up"), and then prepositions count as particles too.
    const pronoun = PRONOUN_OBJECTS.has(seq[i + 1]!.t);
    if (!pronoun && (seq[i]!.stop || !seq[i]!.base)) continue;
    for (let j = i + 2; j <= i + 4 && j < seq.length; j++) {
      if (
        (PARTICLES.has(seq[j]!.t) || (pronoun && PREPOSITION_TERMS.has(seq[j]!.t))) &&
        meanings.has(`${seq[i]!.t} ${seq[j]!.t}`)
      ) {
        seq.splice(i + 1, 0, seq.splice(j, 1)[0]!);
        break;
      }
    }
  }
}
