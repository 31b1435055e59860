// Turns catalog text and queries into the same comparable terms: words split (camelCase, snake_case), British spellings
// made American, stop words dropped, Porter stems.
import { stemmer } from 'stemmer';

/** Words that say nothing about which operation is meant. Kept small: "all", "one", "new", "not" do. */
const STOP_WORDS = new Set(
  (
    'a an the to of for in on at by from with into onto about as is are be been being was were ' +
    'am it its this that these those ' +
    'i me my mine we us our you your he him his she her hers they them their there here and or ' +
    'but so if then than too very just ' +
    'do does did doing have has had having can could would should will shall may might must please ' +
    'pls want wants wanted wanna need needs needed like ' +
    'how what which who whom whose where when why whats whos hows wheres theres hey hi thanks thank ' +
    'quick quickly some any somebody someone something ' +
    'brevo sendinblue let lets go going gonna getting got im ive id ill youre weve youve theyve ' +
    'theyre dont doesnt cant wont isnt arent also again still via using use way exactly actually ' +
    'really basically'
  ).split(' '),
);

/** Whether a lower-case word is an English stop word. */
export const isStopWord = (word: string) => STOP_WORDS.has(word);

/** British → American spellings, as word stems, so "organisation" and "organization" meet. */
const SPELLINGS: Array<[RegExp, string]> = [
  [
    // wide: one regex; cut into pieces it is harder to check
    /^(organi|authori|personali|customi|categori|synchroni|recogni|prioriti|optimi|initiali|finali|summari|visuali|reali|anonymi|normali|utili|memori|speciali)s(e|es|ed|ing|ation|ations|er|ers)$/,
    '$1z$2',
  ],
  [/^analys(e|es|ed|ing)$/, 'analyz$1'],
  [/^(programme|programmes)$/, 'program'],
  [/^catalogues?$/, 'catalog'],
  [/^enrol(s|ment|ments)?$/, 'enroll$1'],
  [/^colours?$/, 'color'],
  [/^licences?$/, 'license'],
  [/^centres?$/, 'center'],
  [/^behaviours?$/, 'behavior'],
  [/^favourites?$/, 'favorite'],
  [/^cheque(s)?$/, 'check$1'],
  [/^(cancel|label|travel|model)l(ed|ing)$/, '$1$2'],
  [/^e-?mails?$/, 'email'],
];

/** Irregular past forms, so "sent" meets "send" and "paid" meets "pay". */
export const IRREGULAR_PAST: Record<string, string> = {
  sent: 'send',
  made: 'make',
  paid: 'pay',
  sold: 'sell',
  bought: 'buy',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  wrote: 'write',
  written: 'write',
  began: 'begin',
  begun: 'begin',
  ran: 'run',
  got: 'get',
  gotten: 'get',
  chose: 'choose',
  chosen: 'choose',
};

/** Past forms kept as they are: "left" is what remains ("emails left") as often as a departure ("left the company"). */
const KEPT_PAST = new Set(['left']);

/** A past form ("sent", "deleted", "scheduled") describes what happened; it does not ask for it to be done. */
export const isPastForm = (word: string) =>
  word in IRREGULAR_PAST || KEPT_PAST.has(word) || (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed'));

/** Words the Porter stemmer would merge with others that mean something else here. */
const KEEP: Record<string, string> = {
  attribution: 'attribution',
  attributed: 'attribution',
  attributions: 'attribution',
};

/** Shorthand people type in a hurry ("ppl", "pts", "thru"), as the words they stand for. */
const SHORTHAND: Record<string, string> = {
  ppl: 'people',
  pts: 'points',
  msg: 'message',
  msgs: 'messages',
  wk: 'week',
  wks: 'weeks',
  yr: 'year',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  thru: 'through',
  acct: 'account',
  accts: 'accounts',
  pwd: 'password',
  addr: 'address',
  qty: 'quantity',
  pic: 'picture',
  pics: 'pictures',
};

function americanize(word: string): string {
  if (word in SHORTHAND) word = SHORTHAND[word]!;
  if (word in IRREGULAR_PAST) return IRREGULAR_PAST[word]!;
  for (const [pattern, replacement] of SPELLINGS) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

/** Splits text into lower-case words: camelCase and snake_case apart, digits apart from letters. */
export function words(text: string): string[] {
  return (
    text
      // A plural acronym is one word: "URLs", "IPs", not "UR Ls", "I Ps".
      .replace(/\b([A-Z]{2,})s\b/g, '$1S')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .replace(/n[’']t\b/g, ' not')
      .replace(/[’']/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

const stems = new Map<string, string>();

/** The comparable form of one lower-case word, or undefined for a stop word. */
export function term(word: string, keepStopWords = false): string | undefined {
  if (!keepStopWords && STOP_WORDS.has(word)) return undefined;
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = KEEP[word] ?? stemmer(americanize(word));
    stems.set(word, stem);
  }
  return stem;
}

/** Every comparable term of a text, in order, stop words dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = term(w);
    if (t) out.push(t);
  }
  return out;
}

/** Damerau-Levenshtein distance, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
