// Suggestions for mistyped names.
import { describe, expect, it } from 'vitest';
import { nearestNames, unknownNamesText } from './suggest.js';

describe('nearestNames', () => {
  const known = ['get_account', 'get_accounts', 'get_lists', 'contacts', 'crm', 'transactional_email'];

  it('suggests names one or two edits away, in any case', () => {
    expect(nearestNames('get_acount', known)).toEqual(['get_account']);
    expect(nearestNames('contcts', known)).toEqual(['contacts']);
    expect(nearestNames('CRM', known)).toEqual(['crm']);
    expect(nearestNames('transactional-email', known)).toEqual(['transactional_email']);
    expect(nearestNames('get_lsits', known)).toEqual(['get_lists']);
  });

  it('suggests nothing for a name far from every known one', () => {
    expect(nearestNames('frobnicate', known)).toEqual([]);
    expect(nearestNames('sms', known)).toEqual([]);
  });
});

describe('unknownNamesText', () => {
  it('names the unknown names with their nearest known ones', () => {
    expect(unknownNamesText('tool', ['get_acount'], ['get_account', 'get_lists'])).toBe(
      'unknown tool get_acount; did you mean get_account?',
    );
    expect(unknownNamesText('tool', ['get_acount', 'zzz'], ['get_account'])).toBe(
      'unknown tools get_acount, zzz; did you mean get_account (for get_acount)?',
    );
    expect(unknownNamesText('toolset', ['zzz'], ['crm'])).toBe('unknown toolset zzz');
  });
});
