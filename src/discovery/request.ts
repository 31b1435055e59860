// Reads a request in people's words: the concepts to search for (the glossary's phrases and the other words) and what it asks for (a read or a change, of one item or of a collection).
import { CHANNEL_VERBS, MANY_WORDS, ONE_WORDS, READ_WORDS, WRITE_WORDS } from './glossary.js';
import { isPastForm, term, words } from './text.js';
import { vocabulary } from './vocabulary.js';
import { WEIGHTS } from './weights.js';

/** Prepositions: what follows is context for the thing asked about. */
const PREPOSITIONS = new Set('of in on for from to with at by into inside within under about per across'.split(' '));
/**
 * Prepositions naming an instrument or an input ("with our approved template", "using template 12", "via webhook 3"):
 * what follows is something the operation takes, not the thing it acts on.
 */
const INSTRUMENTS = new Set(['using', 'with', 'via', 'through']);
/** Words saying that the id after them is the item's own ("the contact with the id 1234"). */
const IDENTIFIERS = new Set(['id', 'uuid', 'number', 'identifier', 'ref', 'reference']);
/** Stands for "should be", "must be", "needs to be": what follows is a state asked for, a change. */
const OBLIGED = 'obligedmark';
/** The catalog's word for a stored message design, an input of the operations that send. */
const TEMPLATE = term('template', true)!;
/** Marks the word before it as an owner ("client's"). */
const POSSESSIVE = 'possessivemark';
/** Prepositions as terms: they say where the context starts, and are not searched for ("under", "inside"). */
const PREPOSITION_TERMS = new Set([...PREPOSITIONS].map((w) => term(w, true)!));
/** Stands for a clause's end (a comma, a colon, a full stop, a dash) while a request is read word by word. */
const BREAK = 'clausebreakmark';
/** Punctuation that ends a clause: ", ", "; ", ": ", ". ", "!", "?", a dash, brackets (not "50,000", "v1.2" or "sub-account"). */
const CLAUSE_END = /[,;:.!?]+(?=\s|$)|[()[\]—–]|\s-\s/g;
/**
 * Words after which a clause's verb stands: "please delete ...", "we need to send ...", "... and then archive it".
 * A write word elsewhere is a noun when the request has a verb where a verb stands ("send the shipping update").
 */
const VERB_OPENERS = new Set(
  'please pls plz kindly just also now then and or but so to can could would will should must shall may might i we you lets'.split(' '),
);
/** Words before a noun: what follows them is no verb ("the update", "our import"). */
const DETERMINERS = new Set('the a an this that these those my our your their his her its some any'.split(' '));
/** Words opening a clause that says why ("so newsletters can pull the posts", "because of GDPR"): it describes, it asks for nothing. */
const PURPOSES = new Set(['so', 'because', 'cause', 'before', 'until', 'unless']);
/** Of those, words opening a clause that says when ("before I pay more"): it is not searched at all. */
const ASIDES = new Set(['before', 'until', 'unless']);

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
  /** The thing asked for: the first concept that is no verb, no context and no instrument ("folders" in "what folders do we have for our lists"). */
  head?: string[];
}

/** Words that open a request without saying what it is about. */
const POLITE =
  /^((hey|hi|hello|ok|okay|so|please|pls|plz|quick question|urgent|quick one|question|hang on|hold on|wait|oh|ah|right|well|morning|good morning|afternoon|sorry|um|erm)\b[ ,:!-]*)*((can|could|would|will) you( please| just)?|(can|could|may|should|shall) (i|we)|(i|we) (need|want|would like|wanna|have|must|should|got) to|(i|we)'?d (like|love) to|i'?m (trying|looking|hoping) to|how (i|we) can|(is there a way|is it possible|how|what'?s the (best )?way|what is the (best )?way) (to|do i|do we|can i|can we|should i|should we|would i|would we)|what do (i|we) (need to )?do to|how to|need to|trying to|time to|go ahead and|help me( to)?|let'?s|let me|just)?\s*/i;
/** Words that open a question, known to typo correction ("wich" is "which") though never searched for. */
export const QUESTION_WORDS = ['which', 'what', 'where', 'when', 'whose'];
/** A question is a read, whatever verbs follow ("which domains can I send from"); "how do I ..." is not one. */
const QUESTION = /^(what|whats|what's|which|who|whom|whose|where|when|is|are|was|were|did|does|do|has|have|any|how (many|much|did|does|is|are|well|often))\b/i;

/** A yes-or-no question: a verb opens it, not a question word. */
const YES_NO = /^(is|are|was|were|has|have|had|did|does|do)\b(?! (i|we) (need|have) to\b)/i;

/** "text a customer", "email the report to ...", "message someone on WhatsApp": a channel used as a verb, with its object. */
const CHANNEL_VERB = new RegExp(
  `^(${CHANNEL_VERBS.join('|')})( (${CHANNEL_VERBS.join('|')}))? (a|an|the|all|my|our|this|that|these|those|every|each|some|someone|somebody|everyone|everybody|him|her|them|me|us|customers?|contacts?|people|users?|\\S+@\\S+|\\+?\\d[\\d ]{5,})\\b`,
  'i',
);

/**
 * An id written as letters and digits ("65aa991", "t-3", "ord-77", a UUID): read as a number, an item's id.
 * Times, amounts and ordinals ("9am", "100k", "2nd") are dropped first by ENTITIES.
 */
const ID = /(?<![\w@.])(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+)*(?![\w@])/gi;

/** A word in capitals (three letters or more, or with an underscore), with an "= value" after it if any. */
const CAPITALS = /(?<![\w@.\/-])(?=[A-Z0-9_]*[A-Z]{2})[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\w@.\/-])(\s*[=:]\s*[^\s,;]+)?/g;
/** Capitals that are words, not data: acronyms people write in capitals, and words written so for emphasis. */
const CAPITALS_KEPT = new Set(
  ('SMS CSV PDF DNS SPF DKIM DMARC MX TXT CNAME API IP URL HTML CSS JSON XML RSS SMTP CRM GDPR SSO OTP 2FA VIP ROI KPI SKU EUR USD GBP UTC ISO ID ' +
    'AB UK US EU FAQ CEO CMO CTO COO QA IT HR PR PM AM ASAP FYI TLS SSL HTTP HTTPS JWT SDK WA B2B B2C CTR DM BCC CC UTM QR POS NPS DOI OK ' +
    'NOT NO NEVER ALL NOW ONLY EVERY ANY URGENT PLEASE HELP DONE NEW TODAY').split(' '),
);

/** Things written in a request, read as what they are: an address is a contact's email, a host name a domain. */
const ENTITIES: Array<[RegExp, string]> = [
  // "what can ana@x.com see and do", "what is Tom allowed to do": a person's permissions.
  [/\bwhat\s+(?:can|could|may|is|are)\s+(?!i\b|we\b|you\b)(\S+(?:\s+\S+){0,3}?)\s+(?:(?:allowed|able|permitted)\s+to\s+)?(?:see|do|access|view|edit|change|use|touch|manage)\b/gi, ' permissions of $1 '],
  [/\bhttps?:\/\/\S+/gi, ' url '],
  // An address or a host name names one contact or domain, as an id ("0") does.
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, ' email address 0 '],
  [/\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|co|fr|de|uk|eu|es|it|nl|be|ch|info|biz|shop|app|dev)\b/gi, ' domain 0 '],
  [/(^|\s)\+\d[\d ]{6,}\d\b/g, ' phone number '],
  // "a list of X" asks for every X; it is not a contact list.
  [/\b(a|the|full|complete|whole)?\s*list of\b/gi, ' all '],
  [/\bin order to\b/gi, ' so '],
  // People picked by what they did ("everyone who opened ...", "the people that clicked ...") are recipients of one kind.
  [/\b(everyone|everybody|anyone|anybody|people|those|the ones|recipients)\s+(who|that)\b/gi, ' recipients who '],
  // The person's own organisation as a place ("in our organisation", "across my company") is no CRM company.
  [/\b(in|on|of|for|across|within|under|throughout|from)\s+(our|my)\s+((whole|entire|enterprise)\s+)?(organisation|organization|org|company|business|enterprise)\b(?!\s*['’]s)/gi, ' '],
  // "how many emails have I got left": what remains of an allowance ("emails left"), the words between aside.
  [/\b(e-?mails?|sms|texts?|messages?|credits?|sends)\b((?:\s+(?!left\b)[a-z']+){1,4}?)\s+left\b/gi, ' $1 left $2 '],
  // Seeing it before everyone else, before it goes out, is a test.
  [/\bbefore\s+(everyone|everybody|anyone|it goes (out|live)|we (send|launch)|(the )?customers (do|get)|sending|launching|the (real )?send)\b/gi, ' test first '],
  // A file the person has is to be brought in; a file of something asked for is an export ("a csv of everyone on list 7").
  [/\b(i|we|i've|we've|i’ve|we’ve)\s+(have|got|have got)\s+(a|an|this|the|some|our|my)?\s*(csv|file|spreadsheet|excel|sheet|xlsx)\b/gi, ' import $4 '],
  // "how many", "how much": a question (see QUESTION), not a word to search for ("many" means bulk).
  [/\bhow (many|much)\b/gi, ' '],
  // Times, amounts and ordinals say when or how much, not which item.
  [/\b\d+(?:[.,]\d+)?\s?(am|pm|k|m|st|nd|rd|th|h|hrs?|mins?|d|%|x)\b/gi, ' '],
  [/[$€£]\s?\d+(?:[.,]\d+)?/g, ' '],
  // A state asked for is a change: "folder 6 should be called Archived" renames it, "hook 3 should go to https://..." points it elsewhere,
  // "the name should be Acme" sets it, "gmx.net must be blocked" blocks it (see OBLIGED).
  [/\b(should|must|needs? to|has to|have to|ought to|is to|are to|will|shall)\s+(now\s+)?be\s+(re)?(called|named|titled|labell?ed)((\s+(?!from\b|instead\b|please\b)[^\s,;.!?]+)*)/gi, ` ${OBLIGED} rename `],
  [/\b(should|must|needs? to|has to|have to|ought to)\s+(now\s+)?(go|point|post|deliver)\s+(to|at)\b/gi, ` ${OBLIGED} point to `],
  [/\b(should|must|needs? to|has to|have to|ought to|got to|gotta)\s+(now\s+)?(be|get)\b/gi, ` ${OBLIGED} `],
  [/\b(from now on|going forward|from today on|from here on)\b/gi, ' instead '],
  // "a company called Initech", "a list named VIP": the name is not what to search for.
  [/\b(called|named|titled)\s+\S+/gi, ' '],
  // A quoted name ('Leads 2024', "VIP") names an object; its words are not what to search for.
  [/(^|\s)["'‘“][^"'‘’“”]{1,60}["'’”](?=\s|$|[.,;:!?])/g, ' '],
];

export const stemSet = (list: string[]) => new Set(list.map((w) => term(w, true)!));
export const WRITE_TERMS = stemSet(WRITE_WORDS);
const WRITE_BASES = new Set(WRITE_WORDS);
/** The catalog's main verbs, which other verbs stand for ("remove" for delete, "add" for create). */
const CORE_VERBS = stemSet(['create', 'update', 'delete', 'send']);

/** A noun made of a write verb ("subscriber", "senders", "importer"): its stem is the verb's, yet it asks for no change. */
const isAgentNoun = (w: string) => {
  const one = w.endsWith('ers') ? w.slice(0, -1) : w;
  return one.endsWith('er') && (WRITE_BASES.has(one.slice(0, -1)) || WRITE_BASES.has(one.slice(0, -2)));
};
/** A noun naming an action ("invitation", "confirmation", "cancellation"): its stem is a verb's ("invit"), yet it asks for nothing. */
const ACTION_NOUN = /..(ation|ition|ption|ment)s?$/;
const READ_TERMS = stemSet(READ_WORDS);
const MANY_TERMS = stemSet(MANY_WORDS);
const ONE_TERMS = stemSet(ONE_WORDS);

/** A plural noun ("templates", "ips"), which asks for a collection; not "status", "address" or "sms". */
const isPlural = (w: string) => (w.length > 3 && w.endsWith('s') && !/(ss|us|is|sms)$/.test(w)) || IRREGULAR_PLURALS.has(w);
const IRREGULAR_PLURALS = new Set(['people', 'children', 'staff', 'everyone', 'everybody', 'men', 'women']);

/** Words that negate what follows ("it must not go out", "he never got"): the next words describe, they ask for nothing. */
const NEGATIONS = new Set(['not', 'never', 'no', 'without']);
/** Past forms saying that a thing exists, not what to do or to find ("the webhooks we have set up", "feeds we've got connected"). */
const EXISTING_TERMS = new Set(
  ['set', 'up', 'setup', 'created', 'made', 'registered', 'connected', 'defined', 'added', 'built', 'installed', 'existing', 'exist'].map((w) => term(w, true)!),
);
/** Subjects that, after the thing a request names, open a clause describing it ("the lists we made"). */
const SUBJECTS = new Set(['i', 'we', 'you', 'they']);
/** Words opening a relative clause after a noun ("replies that customers sent"): what follows describes the noun. */
const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'where', 'when']);

/** Pronouns and possessives that stand as a verb's object ("swap her stamps", "use it up"). */
const PRONOUN_OBJECTS = new Set(['it', 'her', 'him', 'them', 'his', 'their', 'its', 'my', 'our', 'your', 'me', 'us'].map((w) => term(w, true)!));
/** Particles of phrasal verbs that may stand apart from their verb ("cut his access off", "take her out"). */
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'back', 'over', 'away', 'there', 'again'].map((w) => term(w, true)!));

/**
 * Brings a particle next to its verb when the glossary knows the pair and one to three words stand
 * between ("cut ops@x.com off" reads as "cut off ops@x.com").
 */
function joinPhrasalVerbs(seq: Array<{ t: string; stop: boolean; base: boolean }>, meanings: ReadonlyMap<string, unknown>): void {
  for (let i = 0; i < seq.length - 2; i++) {
    if (meanings.has(`${seq[i]!.t} ${seq[i + 1]!.t}`)) continue;
    // A verb in its base form ("cut", not "mails" or "sent") takes a particle from further on; any verb does when a pronoun is
    // its object ("swap her stamps for", "start using it up"), and then prepositions count as particles too.
    const pronoun = PRONOUN_OBJECTS.has(seq[i + 1]!.t);
    if (!pronoun && (seq[i]!.stop || !seq[i]!.base)) continue;
    for (let j = i + 2; j <= i + 4 && j < seq.length; j++) {
      if ((PARTICLES.has(seq[j]!.t) || (pronoun && PREPOSITION_TERMS.has(seq[j]!.t))) && meanings.has(`${seq[i]!.t} ${seq[j]!.t}`)) {
        seq.splice(i + 1, 0, seq.splice(j, 1)[0]!);
        break;
      }
    }
  }
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

/** Reads a request as concepts (glossary phrases, longest first, else single words) and its intent. */
export function readRequest(query: string, lexicon: Lexicon): Reading {
  const vocab = vocabulary();
  let corrected = false;
  const seq: Array<{ t: string; stop: boolean; past: boolean; context: boolean; base: boolean; slot: boolean; instrument: boolean; withId?: boolean; noun?: boolean }> = [];
  /** In an instrument's phrase ("using template 12"), and whether that phrase has an id (one without is a plain context: "through the tracker"). */
  let instrument = false;
  let instrumentId = false;
  let instrumentWord = '';
  /** Content words so far in the current clause. */
  let clauseWords = 0;
  /** In a clause saying why or when ("so we can re-send", "before I pay more"): not searched. */
  let aside = false;
  /** Many of the things asked for are counted ("these 60 customers"). */
  let counted = false;
  /** After "should be", "must be": the next word is the state asked for. */
  let obliged = false;
  const instrumentStart = { at: 0 };
  /** The word before the current one, as written: it tells whether a verb may stand here. */
  let previous: string | undefined;
  let context = false;
  let idInContext = false;
  let negated = 0;
  let relative = false;
  const corrections = new Map<string, string>();
  const intent: Intent = { write: false, verbs: new Set(), one: false, many: false, batch: false, question: false, ownerId: false };
  // What opens the request without saying what it is about ("could you", "is there a way to") is set aside.
  const stripped = query.trim().replace(POLITE, '');
  // Names written in capitals in a request otherwise in lower case are data: attribute names and values (LOYALTY_TIER = GOLD).
  let text = /[a-z]/.test(stripped) ? stripped.replace(CAPITALS, (word) => (CAPITALS_KEPT.has(word) || CAPITALS_KEPT.has(word.replace(/S$/, '')) ? word : ' ')) : stripped;
  for (const [pattern, name] of ENTITIES) text = text.replace(pattern, name);
  text = text.replace(ID, (id) => (vocab.known.has(term(id.toLowerCase(), true)!) ? id : ' 0 '));
  // "the client's loyalty programs": the owner is context, and "client's" is no plural.
  text = text.replace(/\b([a-z]+)[’']s\b/gi, (whole, word: string) => (/^(it|that|what|who|there|here|he|she|let)$/i.test(word) ? whole : `${word} ${POSSESSIVE}`));
  text = text.replace(CLAUSE_END, ` ${BREAK} `);
  /** An instrument's phrase ends: "with" always names an input; "using", "via", "through" without an id name a way ("through the tracker"). */
  const endInstrument = () => {
    if (instrument && !instrumentId && instrumentWord !== 'with') for (let k = instrumentStart.at; k < seq.length; k++) seq[k]!.instrument = false;
    instrument = instrumentId = false;
  };
  const written = words(text);
  for (let at = 0; at < written.length; at++) {
    const w = written[at]!;
    if (w === BREAK) {
      previous = undefined;
      clauseWords = 0;
      // A negation or a describing clause reaches no further than its clause ("it never arrived, send it again").
      negated = 0;
      relative = false;
      aside = false;
      endInstrument();
      continue;
    }
    const slot = previous === undefined || VERB_OPENERS.has(previous);
    const prior = previous;
    previous = w;
    if (w === OBLIGED) {
      obliged = true;
      continue;
    }
    if (w === POSSESSIVE) {
      const owner = seq[seq.length - 1];
      if (owner && !owner.stop) owner.context = true;
      continue;
    }
    // A number is an id or an amount: it says one item is meant, and is not searched for;
    // after a preposition, and after a plural, it names the owner ("notes of contact 12"), not the thing asked for.
    // "these 60 customers", "200 contacts", "5000 email credits": a number before a plural counts things, it names none;
    // many of the things asked for, at once.
    // Right after a noun a number is its id ("program 3 settings").
    const after = at > 0 ? term(written[at - 1]!) : undefined;
    if (/^\d+$/.test(w) && (!after || WRITE_TERMS.has(after)) && written.slice(at + 1, at + 3).some((next) => isPlural(next) && !PREPOSITIONS.has(next))) {
      if (Number(w) > 1 && !context) counted = true;
      // "with 5000 credits": an amount of what is handed over, not an instrument.
      if (instrument && !seq.slice(instrumentStart.at).some((s) => !s.stop)) instrument = false;
      continue;
    }
    if (/^\d+$/.test(w)) {
      // "list 9", "template 12": the word before an id names an item.
      if (seq.length) seq[seq.length - 1]!.withId = true;
      // An instrument's id ("using template 12") says which input, not which item is asked for;
      // "with id 4", "with the number 7" name the item itself.
      // "with 5000 credits": an amount of what is handed over, not an instrument.
      if (instrument && !seq.slice(instrumentStart.at).some((s) => !s.stop)) instrument = false;
      if (instrument && !seq.slice(instrumentStart.at).some((s) => IDENTIFIERS.has(s.t))) {
        instrumentId = true;
        continue;
      }
      // In a clause describing people ("everyone who opened newsletter 210") it names what they did it to.
      if (context || relative) {
        idInContext = true;
        // The owner's word and what the glossary says it stands for ("newsletter": campaign).
        const owner = seq[seq.length - 1]?.t;
        if (owner) intent.owner = [owner, ...(vocab.meanings.get(owner) ?? []).flat()];
      }
      else intent.one = true;
      continue;
    }
    // "details", "settings" say which kind of read, not that many are asked for.
    const shapeWord = ONE_TERMS.has(term(w, true)!) || MANY_TERMS.has(term(w, true)!);
    if (isPlural(w) && !context && !shapeWord) intent.many = true;
    // "replies that customers sent": a clause after a noun describes it ("that" there is no "this one").
    const last = seq[seq.length - 1];
    if (RELATIVES.has(w) && last && !last.stop && !WRITE_TERMS.has(last.t) && !READ_TERMS.has(last.t) && !lexicon.writeVerbs.has(last.t)) {
      relative = true;
      continue;
    }
    // "the webhooks we have set up", "what senders have we got": a subject after the thing named starts a clause describing it.
    if (SUBJECTS.has(w) && clauseWords > 0 && prior !== undefined && !VERB_OPENERS.has(prior)) relative = true;
    if (PURPOSES.has(w) && seq.some((s) => !s.stop)) {
      relative = context = true;
      if (ASIDES.has(w)) aside = true;
      continue;
    }
    if (aside) continue;
    const content = term(w);
    let t = content ?? term(w, true)!;
    if (content && !lexicon.indexed.has(t) && !vocab.known.has(t)) {
      const fixed = lexicon.correct(t);
      if (fixed) {
        corrections.set(t, fixed);
        t = fixed;
        corrected = true;
      }
    }
    // A past form or a noun describes ("sent", "credits", "subscriber"); it does not ask for a change;
    // nor do words right after a negation or inside a relative clause.
    const describes = (isPastForm(w) && !obliged) || isPlural(w) || isAgentNoun(w) || negated > 0 || relative;
    // An action's noun ("the invitation") asks for no change either, though it names the thing acted on.
    const noun = ACTION_NOUN.test(w);
    if (content && negated > 0) negated--;
    if (content) clauseWords++;
    // "must be blocked" asks to block; "the name should be Acme" asks to set it.
    if (content && obliged) {
      obliged = false;
      if (!isPastForm(w)) seq.push({ t: term('set', true)!, stop: false, past: false, context: false, base: true, slot: true, instrument: false });
      else {
        seq.push({ t, stop: false, past: false, context, base: true, slot: true, instrument });
        continue;
      }
    }
    seq.push({ t, stop: !content || QUESTION_WORDS.includes(t), past: describes, context, base: !describes && !noun && !w.endsWith('ing'), slot, instrument, noun });
    // Stop words before a clause's first word keep its verb's place open ("ok so the ...", "I just ...").
    // After "the", "our", "this" a noun stands, no verb.
    if (!content && slot && !DETERMINERS.has(w)) previous = undefined;
    if (NEGATIONS.has(w)) negated = 2;
    if (PREPOSITIONS.has(w) || INSTRUMENTS.has(w)) {
      endInstrument();
      instrument = INSTRUMENTS.has(w);
      instrumentWord = w;
      instrumentStart.at = seq.length;
    }
    // "details of deal 9": what comes after a word that only says which kind of read is the thing asked for.
    // "to" before a verb is no preposition ("wants to use it").
    const infinitive = w === 'to' && WRITE_BASES.has(written[at + 1] ?? '');
    if (PREPOSITIONS.has(w) && !infinitive && seq.some((s) => !s.stop && !ONE_TERMS.has(s.t) && !MANY_TERMS.has(s.t) && !READ_TERMS.has(s.t))) context = true;
  }
  endInstrument();
  joinPhrasalVerbs(seq, vocab.meanings);
  const concepts: Concept[] = [];
  let read = false;
  for (let i = 0; i < seq.length; ) {
    let matched = 0;
    for (let n = Math.min(vocab.longest, seq.length - i); n >= 1; n--) {
      const slice = seq.slice(i, i + n);
      const meanings = vocab.meanings.get(slice.map((s) => s.t).join(' '));
      if (!meanings) continue;
      const own = slice.filter((s) => !s.stop).map((s) => s.t);
      const meansRead = meanings.some((m) => m.length === 1 && m[0] === 'get');
      // "the webhooks we have set up", "what callback URLs are registered": they say that a thing exists, not which.
      if (slice.every((s) => s.past || s.stop) && own.length && own.every((t) => EXISTING_TERMS.has(t))) {
        i += n;
        matched = -1;
        break;
      }
      // A request that opens with a read verb, or a phrase meaning one ("give me", "pull up"), is a read.
      if (i === 0 && ((n === 1 && READ_TERMS.has(seq[0]!.t)) || (n > 1 && meansRead))) read = true;
      concepts.push({
        variants: [...(own.length ? [{ terms: own, weight: 1 }] : []), ...meanings.map((m) => ({ terms: m, weight: WEIGHTS.meaning }))],
        past: slice.every((s) => s.past || s.stop),
        noun: slice.every((s) => s.noun || s.stop),
        phrase: n > 1,
        weight: slice[0]!.context ? WEIGHTS.context : 1,
        slot: (slice.find((s) => !s.stop) ?? slice[0]!).slot,
        instrument: slice[0]!.instrument,
        withId: slice[slice.length - 1]!.withId,
        // ... unless the phrase means a read ("give me", "pull up").
        ...(n > 1 && slice[0]!.base && !slice[0]!.stop && !meansRead ? { leadVerb: slice[0]!.t } : {}),
      });
      matched = n;
      break;
    }
    if (matched) {
      if (matched > 0) i += matched;
      continue;
    }
    const { t, stop, past, withId } = seq[i]!;
    if (past && EXISTING_TERMS.has(t)) {
      i++;
      continue;
    }
    if (i === 0 && READ_TERMS.has(t) && !withId) read = true;
    // "all", "details": they say which kind of read, not what about.
    // After a preposition they speak of the context ("an sms campaign for all VIP contacts").
    if (ONE_TERMS.has(t)) intent.one ||= !seq[i]!.context;
    // "list" opening a request with more to say is its verb ("list all contacts"), elsewhere a list.
    else if (MANY_TERMS.has(t) && (t !== 'list' || (i === 0 && seq.length > 1 && !withId))) intent.many ||= !seq[i]!.context;
    else if (!stop && !PREPOSITION_TERMS.has(t) && !NEGATIONS.has(t)) concepts.push({ variants: [{ terms: [t], weight: 1 }], past, noun: seq[i]!.noun, weight: seq[i]!.context ? WEIGHTS.context : 1, slot: seq[i]!.slot, instrument: seq[i]!.instrument, withId });
    i++;
  }
  // Typos corrected ("emial a customer" opens like "email a customer").
  const opening = stripped.replace(/^\S+/, (w) => (corrections.get(term(w.toLowerCase(), true) ?? '') ?? w));
  // A question opens the request, or ends it ("a customer never got our emails, is he on the blocklist?").
  const lastClause = stripped.split(/[,;:.!—–]\s*|\s-\s/).pop()!.trim();
  if (QUESTION.test(opening) || (stripped.trim().endsWith('?') && QUESTION.test(lastClause))) read = intent.question = true;
  // "is the programme live yet?", "has campaign 5 been sent?": a yes-or-no question asks about a state, and changes nothing.
  if (YES_NO.test(opening) || (stripped.trim().endsWith('?') && YES_NO.test(lastClause))) intent.yesNo = true;
  // "who ..." asks for people: a collection.
  if (/^(who|whom)\b/i.test(opening)) intent.many = true;
  if (idInContext) {
    if (intent.many) intent.ownerId = true;
    else intent.one = true;
  }
  // Many counted, and no one item named: many at once.
  if (counted && !intent.one) intent.batch = true;
  // "how many contacts are in list 7": a count of what one item holds, which that item's details give.
  if (intent.ownerId && /\b(how (many|much)|number of)\b/i.test(stripped)) intent.one = true;
  if (CHANNEL_VERB.test(opening)) {
    concepts.push({ variants: [{ terms: ['send'], weight: 1 }], weight: 1, slot: true });
    intent.write = true;
  }
  // A multi-word phrase's own words are not its verb ("sending domain" is not a send).
  const ownOf = (c: Concept) => (!c.phrase && c.variants[0]!.weight === 1 && c.variants[0]!.terms.length === 1 ? c.variants[0]!.terms : c.leadVerb ? [c.leadVerb] : []);
  const meantOf = (c: Concept) => c.variants.filter((v) => v.weight < 1 || v.terms.length === 1).flatMap((v) => v.terms);
  const asksChange = (c: Concept) => !read && !c.past && !c.noun && (ownOf(c).some((t) => WRITE_TERMS.has(t)) || meantOf(c).some((t) => lexicon.writeVerbs.has(t)));
  // With a change word where a verb stands, change words elsewhere are nouns: "send the shipping update" is no update.
  const verbPlaced = concepts.some((c) => c.slot && asksChange(c));
  const head = concepts.find((c) => c.weight === 1 && !c.instrument && !asksChange(c) && !ownOf(c).some((t) => READ_TERMS.has(t)) && !c.variants.some((v) => v.terms.length === 1 && v.terms[0] === 'get'));
  // As written: "who is on the VIP list" asks for a list's members, whatever the glossary says "who is on" means.
  if (head) intent.head = head.variants.filter((v) => v.weight === 1).flatMap((v) => v.terms);
  for (const c of concepts) {
    const all = c.variants.flatMap((v) => v.terms);
    const own = ownOf(c);
    const meant = meantOf(c);
    if (asksChange(c) && (c.slot || !verbPlaced)) {
      intent.write = true;
      for (const t of own) if (lexicon.writeVerbs.has(t)) intent.verbs.add(t);
      // A verb stands for the catalog's verbs the glossary gives: "scrap" is delete, "add" create as well as add.
      if (own.length === 1 && WRITE_TERMS.has(own[0]!)) {
        for (const v of c.variants) if (v.weight < 1 && v.terms.length === 1 && CORE_VERBS.has(v.terms[0]!)) intent.verbs.add(v.terms[0]!);
      }
      // A verb phrase stands for the catalog verb it means: "cut off" is revoke, "spin up" create.
      if (c.leadVerb) for (const v of c.variants) if (v.weight < 1 && v.terms.length === 1 && lexicon.writeVerbs.has(v.terms[0]!)) intent.verbs.add(v.terms[0]!);
    }
    if (own.includes('list')) intent.many = true;
    // "companies created this week": a past form of an operation's verb filters; it does not name the operation.
    if (c.past && [...own, ...meant].some((t) => lexicon.writeVerbs.has(t))) c.weight *= WEIGHTS.pastVerb;
    if (all.includes('batch') || all.includes('bulk')) intent.batch = true;
  }
  // Sent to an address or a number, a stored template ("template 42") is what the message is made from, not what is acted on.
  if (intent.verbs.has('send') && /\b(email address|phone number)\b/.test(text)) {
    concepts.forEach((c, k) => {
      if (!c.withId || !c.variants.some((v) => v.terms.includes(TEMPLATE))) return;
      c.instrument = true;
      // Its state ("approved WhatsApp template 42") describes it too.
      for (const before of concepts.slice(Math.max(0, k - 2), k)) if (before.past && !before.slot) before.instrument = true;
    });
  }
  return { concepts, corrected, intent };
}
