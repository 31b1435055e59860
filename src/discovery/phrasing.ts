// How requests are written: the rules a request is read with (openers, questions, clause ends, entities such as
// addresses and ids, the request-shape rules), over English's word classes (lang/en/words.json).
import { alternation, wordClass } from './english.js';
import { term } from './text.js';

/** Prepositions: what follows is context (words.json `prepositions`). */
export const PREPOSITIONS = new Set(wordClass('prepositions'));
/** Prepositions naming an instrument or an input ("using template 12"; `instruments`). */
export const INSTRUMENTS = new Set(wordClass('instruments'));
/** Words saying that the id after them is the item's own (`identifiers`). */
export const IDENTIFIERS = new Set(wordClass('identifiers'));
/** Stands for "should be", "must be", "needs to be": what follows is a state asked for, a change. */
export const OBLIGED = 'obligedmark';
/** Stands for the "be" of "should be": a value or a past form follows ("should be Acme", "must be blocked"). */
export const STATE = 'statemark';
/** The catalog's word for a stored message design, an input of the operations that send. */
export const TEMPLATE = term('template', true)!;
/** Marks the word before it as an owner ("client's"). */
export const POSSESSIVE = 'possessivemark';
/** Prepositions as terms: they say where the context starts, and are not searched for ("under", "inside"). */
export const PREPOSITION_TERMS = new Set([...PREPOSITIONS].map((w) => term(w, true)!));
/** Stands for a clause's end (a comma, a colon, a full stop, a dash) while a request is read word by word. */
export const BREAK = 'clausebreakmark';
/**
 * Punctuation that ends a clause: ", ", "; ", ": ", ". ", "!", "?", a dash, brackets (not "50,000", "v1.2" or
 * "sub-account").
 */
export const CLAUSE_END = /[,;:.!?]+(?=\s|$)|[()[\]—–]|\s-\s/g;
/** Words after which a clause's verb stands: "please delete ...", "we need to send ..." (`verbOpeners`). */
export const VERB_OPENERS = new Set(wordClass('verbOpeners'));
/** Words before a noun: what follows them is no verb (`determiners`). */
export const DETERMINERS = new Set(wordClass('determiners'));
/** A clause reporting what someone says or found ("the customer says ..."; `reporting`). */
export const REPORTING = new RegExp(`\\b(${alternation(wordClass('reporting'))})\\b`, 'i');
/** Nouns for a message: a noun before one says which kind ("the invoice mail"; `messageNouns`). */
export const MESSAGE_TERMS = new Set(wordClass('messageNouns').map((w) => term(w, true)!));
/** Words opening a clause that says why: it describes, it asks for nothing (`purposes`). */
export const PURPOSES = new Set(wordClass('purposes'));
/** Of those, words opening a clause that says when: it is not searched at all (`asides`). */
export const ASIDES = new Set(wordClass('asides'));

/**
 * Ways of asking that open a request after its greetings and say nothing of what it is about: "can you (please)",
 * "I need to", "is there a way to", "help me". A small grammar rather than a list (optional words, pronouns and
 * modals combined), so it stays here; tried in order, the first that fits and ends a word is dropped ("just" is not
 * the start of "justify").
 */
const ASKING =
  // wide: one regex; cut into pieces it is harder to check
  "(can|could|would|will) you( please| just)?|(can|could|may|should|shall) (i|we)|(i|we) (need|want|would like|wanna|have|must|should|got) to|(i|we)'?d (like|love) to|i'?m (trying|looking|hoping) to|how (i|we) can|(is there a way|is it possible|how|what'?s the (best )?way|what is the (best )?way) (to|do i|do we|can i|can we|should i|should we|would i|would we)|what do (i|we) (need to )?do to|how to|need to|trying to|time to|go ahead and|help me( to)?|let'?s|let me|just";
/** Words that open a request without saying what it is about: greetings (`greetings`), then a way of asking. */
export const POLITE = new RegExp(`^((${alternation(wordClass('greetings'))})\\b[ ,:!-]*)*(${ASKING})?\\b\\s*`, 'i');
/** Words that open a question, known to typo correction ("wich" is "which") though never searched for. */
export const QUESTION_WORDS = wordClass('questionWords');
/** A question is a read, whatever verbs follow ("which domains can I send from"; `questionOpeners`). */
export const QUESTION = new RegExp(`^(${alternation(wordClass('questionOpeners'))})\\b`, 'i');

/** A yes-or-no question: a verb opens it (`yesNoOpeners`), not a question word, and not "do we need to ...". */
export const YES_NO = new RegExp(`^(${alternation(wordClass('yesNoOpeners'))})\\b(?! (i|we) (need|have) to\\b)`, 'i');

const CHANNELS = alternation(wordClass('channelVerbs'));
/**
 * "text a customer", "email the report to ...", "message someone on WhatsApp": a channel used as a verb, with its
 * object (`channelVerbs`, `channelVerbObjects`, an address or a phone number).
 */
export const CHANNEL_VERB = new RegExp(
  `^(${CHANNELS})( (${CHANNELS}))? (${alternation(wordClass('channelVerbObjects'))}|\\S+@\\S+|\\+?\\d[\\d ]{5,})\\b`,
  'i',
);

/**
 * An id written as letters and digits ("65aa991", "t-3", "ord-77", a UUID): read as a number, an item's id.
 * Times, amounts and ordinals ("9am", "100k", "2nd") are dropped first by ENTITIES.
 */
export const ID = /(?<![\w@.])(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+)*(?![\w@])/gi;

/** A word in capitals (three letters or more, or with an underscore), with an "= value" after it if any. */
export const CAPITALS =
  /(?<![\w@./-])(?=[A-Z0-9_]*[A-Z]{2})[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\w@./-])(\s*[=:]\s*[^\s,;]+)?/g;
/** Capitals that are words, not data: acronyms, and words written so for emphasis (`capitalsKept`). */
export const CAPITALS_KEPT = new Set(wordClass('capitalsKept'));

/** One rule of a request's shape: what a pattern in the text says, read as the words that say it to the ranking. */
export interface ShapeRule {
  /** The behaviour, as its unit test names it. */
  rule: string;
  pattern: RegExp;
  as: string;
}

/**
 * What a request's shape tells, read before its words: addresses, links, host names and phone numbers
 * are one item each; quoted text, names after "called", message content, amounts and times are data,
 * not what to search for; "how many" and "list of" say the shape of a read; "should be" asks for a
 * change; a few ways of asking say what is meant (a person's permissions, a message's content, a test
 * before the send, a file to import). Each rule has a test named by its behaviour (shape.test.ts).
 */
export const SHAPE_RULES: ShapeRule[] = [
  {
    rule: "reads 'what can X see and do' as that person's permissions",
    pattern:
      // wide: one regex; cut into pieces it is harder to check
      /\bwhat\s+(?:can|could|may|is|are)\s+(?!i\b|we\b|you\b)(\S+(?:\s+\S+){0,3}?)\s+(?:(?:allowed|able|permitted)\s+to\s+)?(?:see|do|access|view|edit|change|use|touch|manage)\b/gi,
    as: ' permissions of $1 ',
  },
  { rule: 'reads a link as a url, not as its words', pattern: /\bhttps?:\/\/\S+/gi, as: ' url ' },
  {
    rule: "reads an email address as one contact's address, named like an id",
    pattern: /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g,
    as: ' email address 0 ',
  },
  {
    rule: 'reads a host name as one domain, named like an id',
    pattern: /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|co|fr|de|uk|eu|es|it|nl|be|ch|info|biz|shop|app|dev)\b/gi,
    as: ' domain 0 ',
  },
  {
    rule: 'reads an international number as a phone number',
    pattern: /(^|\s)\+\d[\d ]{6,}\d\b/g,
    as: ' phone number ',
  },
  {
    rule: "reads 'a list of X' as every X, not a contact list",
    pattern: /\b(a|the|full|complete|whole)?\s*list of\b/gi,
    as: ' all ',
  },
  {
    rule: 'reads people picked by what they did as recipients',
    pattern: /\b(everyone|everybody|anyone|anybody|people|those|the ones|recipients)\s+(who|that)\b/gi,
    as: ' recipients who ',
  },
  {
    rule: "reads the person's own organisation as a place, not a CRM company",
    pattern:
      // wide: one regex; cut into pieces it is harder to check
      /\b(in|on|of|for|across|within|under|throughout|from)\s+(our|my)\s+((whole|entire|enterprise)\s+)?(organisation|organization|org|company|business|enterprise)\b(?!\s*['’]s)/gi,
    as: ' ',
  },
  {
    rule: "reads what remains of an allowance ('emails have I got left') as the allowance left",
    pattern: /\b(e-?mails?|sms|texts?|messages?|credits?|sends)\b((?:\s+(?!left\b)[a-z']+){1,4}?)\s+left\b/gi,
    as: ' $1 left $2 ',
  },
  {
    rule: 'reads seeing it before everyone else as a test',
    pattern:
      /\bbefore\s+(everyone|everybody|anyone|it goes (out|live)|we (send|launch)|(the )?customers (do|get)|sending|launching|the (real )?send)\b/gi,
    as: ' test first ',
  },
  {
    rule: "reads 'what did X say' as X's content",
    pattern: /\bwhat\s+(?:\w+ly\s+)?(?:did|does|do)\s+(.{1,80}?)\s+(?:say|contain|look like)\b/gi,
    as: ' content of $1 ',
  },
  {
    rule: "drops what a message says ('saying ...'): its content is not what to search for",
    pattern:
      /\b(saying|that says|which says|that reads|to say|telling (him|her|them|the customers?|everyone|people))\b.*$/gi,
    as: ' ',
  },
  {
    rule: 'reads a file the person has as one to import',
    pattern:
      /\b(i|we|i've|we've|i’ve|we’ve)\s+(have|got|have got)\s+(a|an|this|the|some|our|my)?\s*(csv|file|spreadsheet|excel|sheet|xlsx)\b/gi,
    as: ' import $4 ',
  },
  {
    rule: "reads 'how many' as a question, not as many at once",
    pattern: /\bhow (many|much)\b/gi,
    as: ' ',
  },
  {
    rule: 'drops times, amounts and ordinals: they say when or how much, not which item',
    pattern: /\b\d+(?:[.,]\d+)?\s?(am|pm|k|m|st|nd|rd|th|h|hrs?|mins?|d|%|x)\b/gi,
    as: ' ',
  },
  { rule: 'drops an amount of money', pattern: /[$€£]\s?\d+(?:[.,]\d+)?/g, as: ' ' },
  {
    rule: "reads 'should be', 'must be' as a state asked for: a change",
    pattern: /\b(should|must|needs? to|has to|have to|ought to|got to|gotta)\s+(now\s+)?be\b/gi,
    as: ` ${OBLIGED} ${STATE} `,
  },
  {
    rule: "reads 'should get', 'must get' as a change asked for",
    pattern: /\b(should|must|needs? to|has to|have to|ought to|got to|gotta)\s+(now\s+)?get\b/gi,
    as: ` ${OBLIGED} `,
  },
  {
    rule: "drops a name after 'called', 'named', 'titled'",
    pattern: /\b(called|named|titled)\s+\S+/gi,
    as: ' ',
  },
  {
    rule: 'drops quoted text: a name or a message, not what to search for',
    pattern: /(^|\s)["'‘“][^"'‘’“”]{1,300}["'’”](?=\s|$|[.,;:!?])/g,
    as: ' ',
  },
];

/** A request's text with every shape rule applied, in order. */
export const applyShapeRules = (text: string) =>
  SHAPE_RULES.reduce((out, { pattern, as }) => out.replace(pattern, as), text);

export const stemSet = (list: string[]) => new Set(list.map((w) => term(w, true)!));
/** Words that ask for a change wherever they stand in a request that is not a question (`writeWords`). */
export const WRITE_TERMS = stemSet(wordClass('writeWords'));
export const WRITE_BASES = new Set(wordClass('writeWords'));
/** The catalog's main verbs, which other verbs stand for ("remove" for delete; `catalogVerbs`). */
export const CORE_VERBS = stemSet(wordClass('catalogVerbs'));

/**
 * A noun made of a write verb ("subscriber", "senders", "importer"): its stem is the verb's, yet it asks for no change.
 */
export const isAgentNoun = (w: string) => {
  const one = w.endsWith('ers') ? w.slice(0, -1) : w;
  return one.endsWith('er') && (WRITE_BASES.has(one.slice(0, -1)) || WRITE_BASES.has(one.slice(0, -2)));
};
/**
 * A noun naming an action ("invitation", "confirmation", "cancellation"): its stem is a verb's ("invit"), yet it asks
 * for nothing.
 */
export const ACTION_NOUN = /..(ation|ition|ption|ment)s?$/;
/** First words that make a request a read (`readWords`); words asking for every item (`manyWords`) or one (`oneWords`). */
export const READ_TERMS = stemSet(wordClass('readWords'));
export const MANY_TERMS = stemSet(wordClass('manyWords'));
export const ONE_TERMS = stemSet(wordClass('oneWords'));

/** A plural noun ("templates", "ips"), which asks for a collection; not "status", "address" or "sms". */
export const isPlural = (w: string) =>
  (w.length > 3 && w.endsWith('s') && !/(ss|us|is|sms)$/.test(w)) || IRREGULAR_PLURALS.has(w);
/** Plurals without a plural's "s" ("people", "staff"; `irregularPlurals`). */
export const IRREGULAR_PLURALS = new Set(wordClass('irregularPlurals'));

/** Words that negate what follows: the next words describe, they ask for nothing (`negations`). */
export const NEGATIONS = new Set(wordClass('negations'));
/** Past forms saying that a thing exists ("the webhooks we have set up"; `existing`). */
export const EXISTING_TERMS = stemSet(wordClass('existing'));
/** Subjects that, after the thing a request names, open a clause describing it ("the lists we made"; `subjects`). */
export const SUBJECTS = new Set(wordClass('subjects'));
/** Words opening a relative clause after a noun ("replies that customers sent"; `relatives`). */
export const RELATIVES = new Set(wordClass('relatives'));

/** Pronouns and possessives that stand as a verb's object ("swap her stamps"; `pronounObjects`). */
export const PRONOUN_OBJECTS = stemSet(wordClass('pronounObjects'));
/** Particles of phrasal verbs that may stand apart from their verb ("cut his access off"; `particles`). */
export const PARTICLES = stemSet(wordClass('particles'));
