// Reads what a request asks for from its shape and its concepts: a question or not, a change and its verbs, one item or
// a collection, the thing asked for.
import {
  CHANNEL_VERB,
  CORE_VERBS,
  MESSAGE_TERMS,
  QUESTION,
  READ_TERMS,
  TEMPLATE,
  WRITE_TERMS,
  YES_NO,
} from './phrasing.js';
import type { Concept, Intent, Lexicon } from './request.js';
import { term } from './text.js';
import { WEIGHTS } from './weights.js';

/** What the reading word by word found that the request's shape then decides on. */
export interface Found {
  intent: Intent;
  corrections: ReadonlyMap<string, string>;
  idInContext: boolean;
  counted: boolean;
}

/**
 * A question opens the request, or ends it ("a customer never got our emails, is he on the blocklist?"):
 * a read, whatever verbs follow. Returns whether the request is one.
 */
export function readQuestion(stripped: string, found: Found, concepts: Concept[]): boolean {
  const { intent } = found;
  // Typos corrected ("emial a customer" opens like "email a customer").
  const opening = stripped.replace(/^\S+/, (w) => found.corrections.get(term(w.toLowerCase(), true) ?? '') ?? w);
  const lastClause = stripped
    .split(/[,;:.!—–]\s*|\s-\s/)
    .pop()!
    .trim();
  const asked = stripped.trim().endsWith('?');
  const question = QUESTION.test(opening) || (asked && QUESTION.test(lastClause));
  if (question) intent.question = true;
  // "is the programme live yet?", "has campaign 5 been sent?": a yes-or-no question asks about a state, and changes
  // nothing.
  if (YES_NO.test(opening) || (asked && YES_NO.test(lastClause))) intent.yesNo = true;
  // "who ..." asks for people: a collection.
  if (/^(who|whom)\b/i.test(opening)) intent.many = true;
  if (found.idInContext) {
    if (intent.many) intent.ownerId = true;
    else intent.one = true;
  }
  // Many counted, and no one item named: many at once.
  if (found.counted && !intent.one) intent.batch = true;
  // "how many contacts are in list 7": a count of what one item holds, which that item's details give.
  if (intent.ownerId && /\b(how (many|much)|number of)\b/i.test(stripped)) intent.one = true;
  if (CHANNEL_VERB.test(opening)) {
    concepts.push({ variants: [{ terms: ['send'], weight: 1 }], weight: 1, slot: true });
    intent.write = true;
  }
  return question;
}

/**
 * A concept's own words when it can be a verb: one word as written, or a verb phrase's verb ("sending domain" is not a
 * send).
 */
const ownOf = (c: Concept) =>
  !c.phrase && c.variants[0]!.weight === 1 && c.variants[0]!.terms.length === 1
    ? c.variants[0]!.terms
    : c.leadVerb
      ? [c.leadVerb]
      : [];
/** What the glossary says a concept stands for, one word at a time. */
const meantOf = (c: Concept) => c.variants.filter((v) => v.weight < 1 || v.terms.length === 1).flatMap((v) => v.terms);

/**
 * "the invoice mail", "a reminder text": before a message's noun a noun says which kind of message it is, not what is
 * asked for.
 */
function messageKinds(concepts: Concept[]): void {
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
}

/**
 * The verbs a change word asks for: its own, and the catalog verbs the glossary gives it ("scrap" is delete, "cut off"
 * revoke).
 */
function addVerbs(c: Concept, intent: Intent, lexicon: Lexicon): void {
  const own = ownOf(c);
  for (const t of own) if (lexicon.writeVerbs.has(t)) intent.verbs.add(t);
  // A verb stands for the catalog's verbs the glossary gives: "scrap" is delete, "add" create as well as add.
  if (own.length === 1 && WRITE_TERMS.has(own[0]!)) {
    for (const v of c.variants)
      if (v.weight < 1 && v.terms.length === 1 && CORE_VERBS.has(v.terms[0]!)) intent.verbs.add(v.terms[0]!);
  }
  // A verb phrase stands for the catalog verb it means: "cut off" is revoke, "spin up" create.
  if (c.leadVerb)
    for (const v of c.variants)
      if (v.weight < 1 && v.terms.length === 1 && lexicon.writeVerbs.has(v.terms[0]!)) intent.verbs.add(v.terms[0]!);
}

/** Whether a change is asked for and with which verbs, the thing asked for, and what the concepts say of the shape. */
export function readChanges(concepts: Concept[], intent: Intent, read: boolean, lexicon: Lexicon): void {
  const asksChange = (c: Concept) =>
    !read &&
    !c.past &&
    !c.noun &&
    (ownOf(c).some((t) => WRITE_TERMS.has(t)) || meantOf(c).some((t) => lexicon.writeVerbs.has(t)));
  // With a change word where a verb stands, change words elsewhere are nouns: "send the shipping update" is no update.
  const verbPlaced = concepts.some((c) => c.slot && asksChange(c));
  messageKinds(concepts);
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
    if (asksChange(c) && (c.slot || !verbPlaced)) {
      intent.write = true;
      addVerbs(c, intent, lexicon);
    }
    if (ownOf(c).includes('list')) intent.many = true;
    // "companies created this week": a past form of an operation's verb filters; it does not name the operation.
    if (c.past && [...ownOf(c), ...meantOf(c)].some((t) => lexicon.writeVerbs.has(t))) c.weight *= WEIGHTS.pastVerb;
    if (all.includes('batch') || all.includes('bulk')) intent.batch = true;
  }
}

/**
 * Sent to an address or a number, a stored template ("template 42") is what the message is made from, not what is acted
 * on.
 */
export function readInstruments(concepts: Concept[], intent: Intent, text: string): void {
  if (!intent.verbs.has('send') || !/\b(email address|phone number)\b/.test(text)) return;
  concepts.forEach((c, k) => {
    if (!c.withId || !c.variants.some((v) => v.terms.includes(TEMPLATE))) return;
    c.instrument = true;
    // Its state ("approved WhatsApp template 42") describes it too.
    for (const before of concepts.slice(Math.max(0, k - 2), k))
      if (before.past && !before.slot) before.instrument = true;
  });
}
