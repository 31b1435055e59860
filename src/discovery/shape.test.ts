// What a request's shape tells (phrasing.ts SHAPE_RULES): one case per rule, named by the behaviour, and what the
// ranking then finds.
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { Index } from './engine.js';
import { applyShapeRules, OBLIGED, SHAPE_RULES, STATE } from './phrasing.js';

const index = new Index(readManifest());
const first = (query: string) => index.rank(query).hits[0]?.entry.name;
const shaped = (text: string) => applyShapeRules(text).replace(/\s+/g, ' ').trim();

/** Each rule's case: a request, and what its shape reads as. */
const CASES: Record<string, [string, string]> = {
  "reads 'what can X see and do' as that person's permissions": [
    'what can ana@x.com see and do',
    'permissions of email address 0 and do',
  ],
  'reads a link as a url, not as its words': [
    'point hook 3 to https://app.example.com/hooks/brevo',
    'point hook 3 to url',
  ],
  "reads an email address as one contact's address, named like an id": [
    'unsubscribe bob.smith+news@mail.example.co.uk',
    'unsubscribe email address 0',
  ],
  'reads a host name as one domain, named like an id': ['block spam-mail.io', 'block domain 0'],
  'reads an international number as a phone number': ['text +33 6 12 34 56 78 now', 'text phone number now'],
  "reads 'a list of X' as every X, not a contact list": ['give me a list of senders', 'give me all senders'],
  'reads people picked by what they did as recipients': [
    'export everyone who clicked newsletter 9',
    'export recipients who clicked newsletter 9',
  ],
  "reads the person's own organisation as a place, not a CRM company": [
    'list all users in our organisation',
    'list all users',
  ],
  "reads what remains of an allowance ('emails have I got left') as the allowance left": [
    'how many sms have we got left',
    'sms left have we got',
  ],
  'reads seeing it before everyone else as a test': [
    'send campaign 4 to me before everyone',
    'send campaign 4 to me test first',
  ],
  "reads 'what did X say' as X's content": ['what did the refund email say', 'content of the refund email'],
  "drops what a message says ('saying ...'): its content is not what to search for": [
    'text the customer saying the parcel has shipped',
    'text the customer',
  ],
  'reads a file the person has as one to import': ['we have a csv of new leads', 'import csv of new leads'],
  "reads 'how many' as a question, not as many at once": ['how many contacts are in list 7', 'contacts are in list 7'],
  'drops times, amounts and ordinals: they say when or how much, not which item': [
    'schedule campaign 8 for 9am on the 3rd',
    'schedule campaign 8 for on the',
  ],
  'drops an amount of money': ['payment link for $49.90', 'payment link for'],
  "reads 'should be', 'must be' as a state asked for: a change": [
    'gmx.net must be blocked',
    `domain 0 ${OBLIGED} ${STATE} blocked`,
  ],
  "reads 'should get', 'must get' as a change asked for": [
    'member 5 should get 100 points',
    `member 5 ${OBLIGED} 100 points`,
  ],
  "drops a name after 'called', 'named', 'titled'": ['create a list called Newsletter', 'create a list'],
  'drops quoted text: a name or a message, not what to search for': [
    'rename folder 6 to "Old promos" please',
    'rename folder 6 to please',
  ],
};

describe('reading the shape of a request', () => {
  it('has a case for every rule, and a rule for every case', () => {
    expect(Object.keys(CASES).sort()).toEqual(SHAPE_RULES.map((r) => r.rule).sort());
  });

  for (const { rule } of SHAPE_RULES) {
    it(rule, () => {
      const [request, reads] = CASES[rule]!;
      expect(shaped(request)).toBe(reads);
    });
  }

  it('finds the operation the shape points to', () => {
    expect(first('what can ana@x.com see and do')).toBe('get_user_permission');
    expect(first('block spam-mail.io')).toBe('block_new_domain');
    expect(first('gmx.net must be blocked')).toBe('block_new_domain');
    expect(first('create a list called Newsletter')).toBe('create_list');
    expect(first('we have a csv of new leads')).toBe('import_contacts');
  });
});
