// Reads a request in people's words: the concepts to search for (the glossary's phrases and the other words) and what it asks for (a read or a change, of one item or of a collection).
import {
  ACTION_NOUN,
  ASIDES,
  BREAK,
  CAPITALS,
  CAPITALS_KEPT,
  CHANNEL_VERB,
  CLAUSE_END,
  CORE_VERBS,
  DETERMINERS,
  ENTITIES,
  EXISTING_TERMS,
  ID,
  IDENTIFIERS,
  INSTRUMENTS,
  MANY_TERMS,
  NEGATIONS,
  OBLIGED,
  STATE,
  ONE_TERMS,
  REPORTING,
  MESSAGE_TERMS,
  PARTICLES,
  POLITE,
  POSSESSIVE,
  PREPOSITIONS,
  PREPOSITION_TERMS,
  PRONOUN_OBJECTS,
  PURPOSES,
  QUESTION,
  QUESTION_WORDS,
  READ_TERMS,
  RELATIVES,
  SUBJECTS,
  TEMPLATE,
  VERB_OPENERS,
  WRITE_BASES,
  WRITE_TERMS,
  YES_NO,
  isAgentNoun,
  isPlural,
} from './phrasing.js';
import { isPastForm, term, words } from './text.js';
import { vocabulary } from './vocabulary.js';
import { WEIGHTS } from './weights.js';

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
    // A verb in its base form ("cut", not "mails" or "sent") takes a particle from further on; any verb does when a pronoun is
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
  const seq: Array<{
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
  }> = [];
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
  /** After "should be": a value, which is data, unless a past form says what to do ("must be blocked"). */
  let state = false;
  const instrumentStart = { at: 0 };
  /** The word before the current one, as written: it tells whether a verb may stand here. */
  let previous: string | undefined;
  let context = false;
  let idInContext = false;
  let negated = 0;
  let relative = false;
  const corrections = new Map<string, string>();
  const intent: Intent = {
    write: false,
    verbs: new Set(),
    one: false,
    many: false,
    batch: false,
    question: false,
    ownerId: false,
  };
  // What opens the request without saying what it is about ("could you", "is there a way to") is set aside.
  const stripped = query.trim().replace(POLITE, '');
  // Names written in capitals in a request otherwise in lower case are data: attribute names and values (LOYALTY_TIER = GOLD).
  let text = /[a-z]/.test(stripped)
    ? stripped.replace(CAPITALS, (word) =>
        CAPITALS_KEPT.has(word) || CAPITALS_KEPT.has(word.replace(/S$/, '')) ? word : ' ',
      )
    : stripped;
  for (const [pattern, name] of ENTITIES) text = text.replace(pattern, name);
  text = text.replace(ID, (id) => (vocab.known.has(term(id.toLowerCase(), true)!) ? id : ' 0 '));
  // "the client's loyalty programs": the owner is context, and "client's" is no plural.
  text = text.replace(/\b([a-z0-9]+)[’']s\b/gi, (whole, word: string) =>
    /^(it|that|what|who|there|here|he|she|let)$/i.test(word) ? whole : `${word} ${POSSESSIVE}`,
  );
  text = text.replace(CLAUSE_END, ` ${BREAK} `);
  // "a customer says she never got it, resend it": a clause reporting what someone says, before the request, tells the situation.
  const clauses = text.split(BREAK);
  const situations = new Set(
    clauses.map((c, k) => (k < clauses.length - 1 && REPORTING.test(c) ? k : -1)).filter((k) => k >= 0),
  );
  let clause = 0;
  /** An instrument's phrase ends: "with" always names an input; "using", "via", "through" without an id name a way ("through the tracker"). */
  const endInstrument = () => {
    if (instrument && !instrumentId && instrumentWord !== 'with')
      for (let k = instrumentStart.at; k < seq.length; k++) seq[k]!.instrument = false;
    instrument = instrumentId = false;
  };
  const written = words(text);
  for (let at = 0; at < written.length; at++) {
    const w = written[at]!;
    if (w === BREAK) {
      clause++;
      previous = undefined;
      clauseWords = 0;
      // A negation or a describing clause reaches no further than its clause ("it never arrived, send it again").
      negated = 0;
      relative = false;
      aside = state = false;
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
    if (w === STATE) {
      state = true;
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
    if (
      /^\d+$/.test(w) &&
      (!after || WRITE_TERMS.has(after)) &&
      written.slice(at + 1, at + 3).some((next) => isPlural(next) && !PREPOSITIONS.has(next))
    ) {
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
      } else intent.one = true;
      continue;
    }
    // "details", "settings" say which kind of read, not that many are asked for.
    const shapeWord = ONE_TERMS.has(term(w, true)!) || MANY_TERMS.has(term(w, true)!);
    if (isPlural(w) && !context && !shapeWord) intent.many = true;
    // "replies that customers sent": a clause after a noun describes it ("that" there is no "this one").
    const last = seq[seq.length - 1];
    if (
      RELATIVES.has(w) &&
      last &&
      !last.stop &&
      !WRITE_TERMS.has(last.t) &&
      !READ_TERMS.has(last.t) &&
      !lexicon.writeVerbs.has(last.t)
    ) {
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
    const describes =
      (isPastForm(w) && !obliged) || isPlural(w) || isAgentNoun(w) || negated > 0 || relative || situations.has(clause);
    // An action's noun ("the invitation") asks for no change either, though it names the thing acted on.
    const noun = ACTION_NOUN.test(w);
    if (content && negated > 0) negated--;
    if (content) clauseWords++;
    // "must be blocked" asks to block; "the name should be Acme" asks to set it.
    if (content && obliged) {
      obliged = false;
      if (!isPastForm(w)) {
        seq.push({
          t: term('set', true)!,
          stop: false,
          past: false,
          context: false,
          base: true,
          slot: true,
          instrument: false,
        });
        // "the name should be Acme Support": the rest of the clause is the value.
        if (state) {
          aside = true;
          continue;
        }
      } else {
        seq.push({ t, stop: false, past: false, context, base: true, slot: true, instrument });
        continue;
      }
    }
    // The situation is context, and what reports it is not searched ("says", "claims").
    if (situations.has(clause) && REPORTING.test(w)) continue;
    seq.push({
      t,
      stop: !content || QUESTION_WORDS.includes(t),
      past: describes,
      context: context || situations.has(clause),
      base: !describes && !noun && !w.endsWith('ing'),
      slot,
      instrument,
      noun,
      plural: isPlural(w),
    });
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
    if (
      PREPOSITIONS.has(w) &&
      !infinitive &&
      seq.some((s) => !s.stop && !ONE_TERMS.has(s.t) && !MANY_TERMS.has(s.t) && !READ_TERMS.has(s.t))
    )
      context = true;
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
      // A verb phrase needs a verb: "points to a member" is no "point to" (update).
      if (n > 1 && slice[0]!.plural && meanings.every((m) => m.length === 1 && lexicon.writeVerbs.has(m[0]!))) continue;
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
    i++;
  }
  // Typos corrected ("emial a customer" opens like "email a customer").
  const opening = stripped.replace(/^\S+/, (w) => corrections.get(term(w.toLowerCase(), true) ?? '') ?? w);
  // A question opens the request, or ends it ("a customer never got our emails, is he on the blocklist?").
  const lastClause = stripped
    .split(/[,;:.!—–]\s*|\s-\s/)
    .pop()!
    .trim();
  if (QUESTION.test(opening) || (stripped.trim().endsWith('?') && QUESTION.test(lastClause)))
    read = intent.question = true;
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
  const ownOf = (c: Concept) =>
    !c.phrase && c.variants[0]!.weight === 1 && c.variants[0]!.terms.length === 1
      ? c.variants[0]!.terms
      : c.leadVerb
        ? [c.leadVerb]
        : [];
  const meantOf = (c: Concept) =>
    c.variants.filter((v) => v.weight < 1 || v.terms.length === 1).flatMap((v) => v.terms);
  const asksChange = (c: Concept) =>
    !read &&
    !c.past &&
    !c.noun &&
    (ownOf(c).some((t) => WRITE_TERMS.has(t)) || meantOf(c).some((t) => lexicon.writeVerbs.has(t)));
  // With a change word where a verb stands, change words elsewhere are nouns: "send the shipping update" is no update.
  const verbPlaced = concepts.some((c) => c.slot && asksChange(c));
  // "the invoice mail", "a reminder text": before a message's noun a noun says which kind of message it is, not what is asked for.
  concepts.forEach((c, k) => {
    const next = concepts[k + 1];
    if (
      next &&
      !c.slot &&
      !c.phrase &&
      c.weight === 1 &&
      next.weight === 1 &&
      next.variants[0]!.terms.length === 1 &&
      MESSAGE_TERMS.has(next.variants[0]!.terms[0]!)
    )
      c.weight *= WEIGHTS.context;
  });
  const head = concepts.find(
    (c) =>
      c.weight === 1 &&
      !c.instrument &&
      !asksChange(c) &&
      !ownOf(c).some((t) => READ_TERMS.has(t)) &&
      !c.variants.some((v) => v.terms.length === 1 && v.terms[0] === 'get'),
  );
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
        for (const v of c.variants)
          if (v.weight < 1 && v.terms.length === 1 && CORE_VERBS.has(v.terms[0]!)) intent.verbs.add(v.terms[0]!);
      }
      // A verb phrase stands for the catalog verb it means: "cut off" is revoke, "spin up" create.
      if (c.leadVerb)
        for (const v of c.variants)
          if (v.weight < 1 && v.terms.length === 1 && lexicon.writeVerbs.has(v.terms[0]!))
            intent.verbs.add(v.terms[0]!);
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
      for (const before of concepts.slice(Math.max(0, k - 2), k))
        if (before.past && !before.slot) before.instrument = true;
    });
  }
  return { concepts, corrected, intent };
}
