// The discovery engine's contract: exact names first, toolset filter, typo fallback with toolsets to browse,
// vocabulary.
import { describe, expect, it } from 'vitest';
import { wireTool } from '../listing.js';
import { readManifest } from '../tools/manifest.js';
import { createDiscovery } from './index.js';
import { editDistance, terms } from './text.js';

const manifest = readManifest();
const discovery = createDiscovery(manifest);
const names = (query: string, limit = 5) => discovery.search(query, { limit }).hits.map((h) => h.entry.name);

describe('discovery engine', () => {
  it('returns the tool first when the query is its exact name', () => {
    for (const entry of manifest) expect(names(entry.name, 1), entry.name).toEqual([entry.name]);
  });

  it('keeps to the toolset asked for, and to the limit', () => {
    const found = discovery.search('create', { toolset: 'crm', limit: 4 });
    expect(found.hits).toHaveLength(4);
    expect(found.hits.every((h) => h.entry.toolset === 'crm')).toBe(true);
    expect(found.total).toBeGreaterThanOrEqual(4);
  });

  it('ranks hits best first and counts how many matched', () => {
    const found = discovery.search('delete a deal', { limit: 50 });
    expect(found.hits[0]!.entry.name).toBe('delete_deal');
    const scores = found.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(found.total).toBeGreaterThan(0);
    expect(found.total).toBeLessThanOrEqual(manifest.length);
    expect(found.fuzzy).toBe(false);
  });

  it('reads typos as the nearest known word, says so, and names toolsets to browse', () => {
    const found = discovery.search('blaclist an adress', { limit: 5 });
    expect(found.fuzzy).toBe(true);
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.suggestedToolsets.length).toBeGreaterThan(0);
  });

  it('finds nothing in gibberish, and then suggests every toolset', () => {
    const found = discovery.search('qqq zzzzzz', { limit: 5 });
    expect(found.hits).toEqual([]);
    expect(found.total).toBe(0);
    expect(found.fuzzy).toBe(true);
    expect(found.suggestedToolsets).toEqual([...new Set(manifest.map((e) => e.toolset))]);
  });

  it('answers an empty query with nothing rather than failing', () => {
    expect(discovery.search('   ').hits).toEqual([]);
  });

  it('understands Brevo words people do not use', () => {
    expect(names('text message a verification code to a phone')).toContain('send_transac_sms');
    expect(names('what custom fields do contacts have')).toContain('get_attributes');
    expect(names('pause a scheduled campaign')).toContain('update_campaign_status');
    expect(names('blacklist')).toContain('update_contact');
  });

  it('searches catalog keywords, which tools/list never shows', () => {
    const withKeywords = manifest.filter((e) => e.keywords?.length);
    expect(withKeywords.length).toBeGreaterThan(250);
    for (const entry of withKeywords) expect(Object.keys(wireTool(entry))).not.toContain('keywords');
    // A word only an entry's keywords hold finds that entry.
    const [a, b] = manifest;
    const found = createDiscovery([
      { ...a!, keywords: ['zeppelin'] },
      { ...b!, keywords: [] },
    ]).search('zeppelin');
    expect(found.hits.map((h) => h.entry.name)).toEqual([a!.name]);
  });

  it('searches only the entries it was given', () => {
    const some = manifest.filter((e) => e.toolset === 'account');
    const found = createDiscovery(some).search('list contacts', { limit: 50 });
    expect(found.hits.every((h) => h.entry.toolset === 'account')).toBe(true);
  });
});

describe('discovery text', () => {
  it('makes British and American spellings, plurals and camelCase meet', () => {
    expect(terms('organisations')).toEqual(terms('organization'));
    expect(terms('cancelled')).toEqual(terms('canceled'));
    expect(terms('emailBlacklisted')).toEqual(terms('email blacklisted'));
    expect(terms('the contacts of my list')).toEqual(terms('contact list'));
  });

  it('measures edit distance with transpositions, stopping past the limit', () => {
    expect(editDistance('campaign', 'campaign', 2)).toBe(0);
    expect(editDistance('campain', 'campaign', 2)).toBe(1);
    expect(editDistance('contcat', 'contact', 1)).toBe(1);
    expect(editDistance('abc', 'xyzuvw', 2)).toBe(3);
  });
});
