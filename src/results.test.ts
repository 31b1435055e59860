// Fitting answers to --max-result-chars: whatever Brevo sends, the result is valid JSON within the
// limit, and no cut leaves part of a key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor } from './redact.js';
import { BrevoApiError } from './client/errors.js';
import { errorText, fitJson } from './results.js';

const KEY = 'xkeysib-0123456789abcdef0123456789abcdef-ABCDEFGHIJ';
const redactor = new Redactor([KEY]);
const fit = { cut: (text: string, n: number) => redactor.cut(text, n) };
const call = { name: 'get_things', query: { limit: 1, offset: 1 } };

/** Strings long and short, some carrying the key. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 200, maxLength: 3000 }),
  fc.tuple(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 2000 })).map(([a, b]) => `${a}${KEY}${b}`),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 60 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie('value'), { maxKeys: 40 }),
})).value;

describe('fitJson', () => {
  it('always answers valid JSON within the limit, with no part of the key left by a cut', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1000, max: 6000 }), (data, maxChars) => {
        const out = fitJson(data, maxChars, call, {}, fit);
        expect(out.length).toBeLessThanOrEqual(maxChars);
        JSON.parse(out);
        // Whole keys are redacted later, at the output; what a cut leaves is never a piece of one.
        expect(out.replaceAll(KEY, '')).not.toContain(KEY.slice(0, 12));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns what fits unchanged', () => {
    expect(fitJson({ a: [1, 2], b: 'x' }, 1000, call, {}, fit)).toBe('{"a":[1,2],"b":"x"}');
  });
});

describe('errorText on a 400', () => {
  const op = { name: 'create_list', body: { name: {}, folderId: {} } };

  it('repeats the fields of the error body and says what they call for', () => {
    const error = new BrevoApiError(400, 'invalid_parameter', 'The email could not be sent to all recipients', {
      fields: { unexistingEmails: ['ann@example.com'] },
    });
    const text = errorText(error, { name: 'send_email_campaign_test' }, { campaignId: 1 });
    expect(text).toContain('(unexistingEmails: ["ann@example.com"])');
    expect(text).toContain('create them (create_contact)');
  });

  it('names the arguments the message names', () => {
    const error = new BrevoApiError(400, 'invalid_parameter', 'folderId is not valid');
    expect(errorText(error, op, { name: 'x', folderId: 9 })).toContain('Brevo rejected the value of folderId');
  });

  it('claims no named field when the message names none', () => {
    const error = new BrevoApiError(400, 'invalid_parameter', 'Something went wrong');
    const text = errorText(error, op, { name: 'x', folderId: 9 });
    expect(text).not.toMatch(/fields? named|value of/);
    expect(text).toContain("without naming a field; compare the arguments with create_list's input schema");
  });
});

describe('errorText on a 5xx', () => {
  it("says the sandbox's 501 needs a real account, not that Brevo had a passing problem", () => {
    const unserved = new BrevoApiError(501, 'not_implemented', 'The sandbox does not emulate GET /feeds yet');
    const text = errorText(unserved, { name: 'get_all_external_feeds' }, {});
    expect(text).toMatch(/HTTP 501 \(not_implemented\)/);
    expect(text).toMatch(/Hint: the sandbox does not emulate this operation; it needs a real Brevo account\.$/);
    const outage = new BrevoApiError(503, 'service_unavailable', 'Try later');
    expect(errorText(outage, { name: 'get_all_external_feeds' }, {})).toMatch(/Hint: Brevo had a server problem/);
  });
});
