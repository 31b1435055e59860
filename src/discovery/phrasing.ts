// How requests are written: the patterns and word classes a request is read with (openers, questions, clause ends,
// prepositions, entities such as addresses and ids, words that describe rather than ask).
import { CHANNEL_VERBS, MANY_WORDS, ONE_WORDS, READ_WORDS, WRITE_WORDS } from './glossary.js';
import { term } from './text.js';

/** Prepositions: what follows is context for the thing asked about. */
export const PREPOSITIONS = new Set(
  'of in on for from to with at by into inside within under about per across'.split(' '),
);
/**
 * Prepositions naming an instrument or an input ("with our approved template", "using template 12", "via webhook 3"):
 * what follows is something the operation takes, not the thing it acts on.
 */
export const INSTRUMENTS = new Set(['using', 'with', 'via', 'through']);
/** Words saying that the id after them is the item's own ("the contact with the id 1234"). */
export const IDENTIFIERS = new Set(['id', 'uuid', 'number', 'identifier', 'ref', 'reference']);
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
/**
 * Words after which a clause's verb stands: "please delete ...", "we need to send ...", "... and then archive it".
 * A write word elsewhere is a noun when the request has a verb where a verb stands ("send the shipping update").
 */
export const VERB_OPENERS = new Set(
  (
    'please pls plz kindly just also now then and or but so to can could would will should must ' +
    'shall may might i we you lets'
  ).split(' '),
);
/** Words before a noun: what follows them is no verb ("the update", "our import"). */
export const DETERMINERS = new Set('the a an this that these those my our your their his her its some any'.split(' '));
/** A clause reporting what someone says or found ("the customer says ...", "customers claim ..."). */
export const REPORTING =
  /\b(says?|said|claims?|claimed|reports?|reported|complains?|complained|mentions?|mentioned|thinks|insists?|told (us|me)|tells (us|me)|noticed)\b/i;
/** Nouns for a message: a noun before one says which kind ("the invoice mail"). */
export const MESSAGE_TERMS = new Set(
  ['mail', 'email', 'message', 'text', 'sms', 'whatsapp', 'newsletter', 'notification'].map((w) => term(w, true)!),
);
/**
 * Words opening a clause that says why ("so newsletters can pull the posts", "because of GDPR"): it describes, it asks
 * for nothing.
 */
export const PURPOSES = new Set(['so', 'because', 'cause', 'before', 'until', 'unless']);
/** Of those, words opening a clause that says when ("before I pay more"): it is not searched at all. */
export const ASIDES = new Set(['before', 'until', 'unless']);

/** Words that open a request without saying what it is about. */
export const POLITE =
  // wide: one regex; cut into pieces it is harder to check
  /^((hey|hi|hello|ok|okay|so|please|pls|plz|quick question|urgent|quick one|question|hang on|hold on|wait|oh|ah|right|well|morning|good morning|afternoon|sorry|um|erm)\b[ ,:!-]*)*((can|could|would|will) you( please| just)?|(can|could|may|should|shall) (i|we)|(i|we) (need|want|would like|wanna|have|must|should|got) to|(i|we)'?d (like|love) to|i'?m (trying|looking|hoping) to|how (i|we) can|(is there a way|is it possible|how|what'?s the (best )?way|what is the (best )?way) (to|do i|do we|can i|can we|should i|should we|would i|would we)|what do (i|we) (need to )?do to|how to|need to|trying to|time to|go ahead and|help me( to)?|let'?s|let me|just)?\s*/i;
/** Words that open a question, known to typo correction ("wich" is "which") though never searched for. */
export const QUESTION_WORDS = ['which', 'what', 'where', 'when', 'whose'];
/** A question is a read, whatever verbs follow ("which domains can I send from"); "how do I ..." is not one. */
export const QUESTION =
  /^(what|whats|what's|which|who|whom|whose|where|when|is|are|was|were|did|does|do|has|have|any|how (many|much|did|does|is|are|well|often))\b/i;

/** A yes-or-no question: a verb opens it, not a question word. */
export const YES_NO = /^(is|are|was|were|has|have|had|did|does|do)\b(?! (i|we) (need|have) to\b)/i;

/**
 * "text a customer", "email the report to ...", "message someone on WhatsApp": a channel used as a verb, with its
 * object.
 */
export const CHANNEL_VERB = new RegExp(
  // wide: one message whose parts depend on conditions; kept whole so it reads as sent
  `^(${CHANNEL_VERBS.join('|')})( (${CHANNEL_VERBS.join('|')}))? (a|an|the|all|my|our|this|that|these|those|every|each|some|someone|somebody|everyone|everybody|him|her|them|me|us|customers?|contacts?|people|users?|\\S+@\\S+|\\+?\\d[\\d ]{5,})\\b`,
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
/** Capitals that are words, not data: acronyms people write in capitals, and words written so for emphasis. */
export const CAPITALS_KEPT = new Set(
  (
    'SMS CSV PDF DNS SPF DKIM DMARC MX TXT CNAME API IP URL HTML CSS JSON XML RSS SMTP CRM GDPR ' +
    'SSO OTP 2FA VIP ROI KPI SKU EUR USD GBP UTC ISO ID ' +
    'AB UK US EU FAQ CEO CMO CTO COO QA IT HR PR PM AM ASAP FYI TLS SSL HTTP HTTPS JWT SDK WA B2B ' +
    'B2C CTR DM BCC CC UTM QR POS NPS DOI OK ' +
    'NOT NO NEVER ALL NOW ONLY EVERY ANY URGENT PLEASE HELP DONE NEW TODAY'
  ).split(' '),
);

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
export const WRITE_TERMS = stemSet(WRITE_WORDS);
export const WRITE_BASES = new Set(WRITE_WORDS);
/** The catalog's main verbs, which other verbs stand for ("remove" for delete, "add" for create). */
export const CORE_VERBS = stemSet(['create', 'update', 'delete', 'send']);

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
export const READ_TERMS = stemSet(READ_WORDS);
export const MANY_TERMS = stemSet(MANY_WORDS);
export const ONE_TERMS = stemSet(ONE_WORDS);

/** A plural noun ("templates", "ips"), which asks for a collection; not "status", "address" or "sms". */
export const isPlural = (w: string) =>
  (w.length > 3 && w.endsWith('s') && !/(ss|us|is|sms)$/.test(w)) || IRREGULAR_PLURALS.has(w);
export const IRREGULAR_PLURALS = new Set(['people', 'children', 'staff', 'everyone', 'everybody', 'men', 'women']);

/**
 * Words that negate what follows ("it must not go out", "he never got"): the next words describe, they ask for nothing.
 */
export const NEGATIONS = new Set(['not', 'never', 'no', 'without']);
/**
 * Past forms saying that a thing exists, not what to do or to find ("the webhooks we have set up", "feeds we've got
 * connected").
 */
export const EXISTING_TERMS = new Set(
  [
    'set',
    'up',
    'setup',
    'created',
    'made',
    'registered',
    'connected',
    'defined',
    'added',
    'built',
    'installed',
    'existing',
    'exist',
  ].map((w) => term(w, true)!),
);
/** Subjects that, after the thing a request names, open a clause describing it ("the lists we made"). */
export const SUBJECTS = new Set(['i', 'we', 'you', 'they']);
/** Words opening a relative clause after a noun ("replies that customers sent"): what follows describes the noun. */
export const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'where', 'when']);

/** Pronouns and possessives that stand as a verb's object ("swap her stamps", "use it up"). */
export const PRONOUN_OBJECTS = new Set(
  ['it', 'her', 'him', 'them', 'his', 'their', 'its', 'my', 'our', 'your', 'me', 'us'].map((w) => term(w, true)!),
);
/** Particles of phrasal verbs that may stand apart from their verb ("cut his access off", "take her out"). */
export const PARTICLES = new Set(
  ['off', 'out', 'up', 'down', 'back', 'over', 'away', 'there', 'again'].map((w) => term(w, true)!),
);
