// Completion values: matching, fetching every page through the executor, and the short cache.
import { describe, expect, it } from 'vitest';
import type { BrevoClient, BrevoRequest, BrevoResponse } from '../client/brevo-client.js';
import { BrevoApiError } from '../client/errors.js';
import { readManifest } from '../tools/manifest.js';
import { CACHE_MS, candidatesIn, completeFrom, forgetCompletions, matchCandidates, MAX_ITEMS } from './index.js';
import { SOURCES } from './sources.js';

const manifest = readManifest();

function stub(answer: (req: BrevoRequest) => unknown) {
  const requests: BrevoRequest[] = [];
  const client = {
    request: async (req: BrevoRequest): Promise<BrevoResponse> => {
      requests.push(req);
      return { status: 200, kind: 'json', data: answer(req) };
    },
  } as unknown as BrevoClient;
  return { client, requests };
}

const query = (req: BrevoRequest) => Object.fromEntries(req.query ?? []);

/** A Brevo list of `total` contact lists, paged by offset and limit, with a count. */
const listsOf =
  (total: number, withCount = true) =>
  (req: BrevoRequest) => {
    const { offset = '0', limit = '50' } = query(req);
    const lists = [];
    for (let i = Number(offset); i < Math.min(total, Number(offset) + Number(limit)); i++)
      lists.push({ id: i + 1, name: i % 2 ? `Newsletter ${i + 1}` : `Customers ${i + 1}` });
    return withCount ? { lists, count: total } : { lists };
  };

describe('matching what was typed', () => {
  const items = [
    { value: '12', labels: ['Newsletter FR'] },
    { value: '120', labels: ['VIP customers'] },
    { value: '3', labels: ['Weekly news digest'] },
    { value: '45', labels: ['Old renewal list'] },
  ];

  it('offers ids starting with the typed digits', () => {
    expect(matchCandidates(items, '12')).toEqual({ values: ['12', '120'], total: 2, hasMore: false });
    expect(matchCandidates(items, '')).toEqual({ values: ['12', '120', '3', '45'], total: 4, hasMore: false });
  });

  it('offers ids by name when letters are typed: name or word prefix first, then anywhere in it', () => {
    expect(matchCandidates(items, 'new').values).toEqual(['12', '3', '45']);
    expect(matchCandidates(items, 'VIP').values).toEqual(['120']);
    expect(matchCandidates(items, 'zzz').values).toEqual([]);
  });

  it('gives at most 100 values, with the total and hasMore', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ value: String(i), labels: [] }));
    const all = matchCandidates(many, '');
    expect(all.values).toHaveLength(100);
    expect(all).toMatchObject({ total: 250, hasMore: true });
    expect(matchCandidates(many, '1', false)).toMatchObject({ hasMore: true });
    expect(matchCandidates(many, '1', false).total).toBeUndefined();
  });

  it('reads items from any list answer: an object with a list, a bare array, or one object', () => {
    expect(candidatesIn({ count: 1, lists: [{ id: 3, name: 'A' }] }, { labels: ['name'] })).toEqual([
      { value: '3', labels: ['A'] },
    ]);
    expect(candidatesIn([{ pipeline: 'p1', pipeline_name: 'Sales' }], SOURCES.pipelines)).toEqual([
      { value: 'p1', labels: ['Sales'] },
    ]);
    expect(candidatesIn({ id: 'c1', name: 'Summer' }, SOURCES.couponCollections)).toEqual([
      { value: 'c1', labels: ['Summer'] },
    ]);
    expect(candidatesIn({ domains: [{ id: 1, domain_name: 'acme.test' }] }, SOURCES.domains)).toEqual([
      { value: 'acme.test', labels: [] },
    ]);
  });
});

describe('fetching candidates', () => {
  it('reads every page up to the bound, the rest of them at once when Brevo gives a count', async () => {
    const { client, requests } = stub(listsOf(120));
    const result = await completeFrom('lists', '', { client, manifest });
    expect(result).toMatchObject({ total: 120, hasMore: true });
    expect(requests.map((r) => [r.path, query(r).limit, query(r).offset])).toEqual([
      ['/contacts/lists', '50', '0'],
      ['/contacts/lists', '50', '50'],
      ['/contacts/lists', '50', '100'],
    ]);
  });

  it('stops at MAX_ITEMS and then says more may match', async () => {
    const { client, requests } = stub(listsOf(MAX_ITEMS + 80));
    const result = await completeFrom('lists', '', { client, manifest });
    expect(requests).toHaveLength(MAX_ITEMS / 50);
    expect(result.total).toBeUndefined();
    expect(result.hasMore).toBe(true);
  });

  it('pages one at a time when there is no count, until a short page', async () => {
    const { client, requests } = stub(listsOf(75, false));
    expect((await completeFrom('lists', '7', { client, manifest })).values).toEqual([
      '7',
      '70',
      '71',
      '72',
      '73',
      '74',
      '75',
    ]);
    expect(requests).toHaveLength(2);
  });

  it('merges the variants of a source (every webhook type)', async () => {
    const { client, requests } = stub((req) => ({
      webhooks: [
        {
          id: { transactional: 1, marketing: 2, inbound: 3 }[query(req).type!],
          description: `${query(req).type} hook`,
        },
      ],
    }));
    expect((await completeFrom('webhooks', '', { client, manifest })).values).toEqual(['1', '2', '3']);
    expect((await completeFrom('webhooks', 'market', { client, manifest })).values).toEqual(['2']);
    expect(requests.map((r) => query(r).type)).toEqual(['transactional', 'marketing', 'inbound']);
  });

  it('keeps what it fetched for CACHE_MS per client, and forgets it when told', async () => {
    let now = 1_000;
    const { client, requests } = stub(listsOf(3));
    const ctx = { client, manifest, now: () => now };
    await completeFrom('lists', '', ctx);
    await completeFrom('lists', '1', ctx);
    expect(requests).toHaveLength(1);
    now += CACHE_MS + 1;
    await completeFrom('lists', '', ctx);
    expect(requests).toHaveLength(2);
    forgetCompletions(client);
    await completeFrom('lists', '', ctx);
    expect(requests).toHaveLength(3);
    // Another client (another key) has its own.
    const other = stub(listsOf(3));
    await completeFrom('lists', '', { ...ctx, client: other.client });
    expect(other.requests).toHaveLength(1);
  });

  it("reports a Brevo failure with Brevo's message and does not keep it", async () => {
    let fail = true;
    const requests: BrevoRequest[] = [];
    const client = {
      request: async (req: BrevoRequest) => {
        requests.push(req);
        if (fail) throw new BrevoApiError(401, 'unauthorized', 'Key not found');
        return { status: 200, kind: 'json', data: { lists: [{ id: 9, name: 'X' }], count: 1 } };
      },
    } as unknown as BrevoClient;
    await expect(completeFrom('lists', '', { client, manifest })).rejects.toThrow(
      /HTTP 401 \(unauthorized\) to get_lists: Key not found/,
    );
    fail = false;
    expect((await completeFrom('lists', '', { client, manifest })).values).toEqual(['9']);
  });

  it('shares one fetch between the requests waiting for it, and aborts it when the last one is cancelled', async () => {
    const signals: AbortSignal[] = [];
    let answer!: () => void;
    const client = {
      request: (req: BrevoRequest) =>
        new Promise<BrevoResponse>((resolve, reject) => {
          signals.push(req.signal!);
          req.signal!.addEventListener('abort', () =>
            reject(new BrevoApiError(0, 'cancelled', 'the request was cancelled')),
          );
          answer = () => resolve({ status: 200, kind: 'json', data: { lists: [{ id: 5, name: 'A' }], count: 1 } });
        }),
    } as unknown as BrevoClient;
    const first = new AbortController();
    const second = new AbortController();
    const one = completeFrom('lists', '', { client, manifest, signal: first.signal });
    const two = completeFrom('lists', '', { client, manifest, signal: second.signal });
    first.abort('typed on');
    await expect(one).rejects.toBe('typed on');
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
    answer();
    expect((await two).values).toEqual(['5']);

    forgetCompletions(client);
    const three = new AbortController();
    const pending = completeFrom('lists', '', { client, manifest, signal: three.signal });
    three.abort('gone');
    await expect(pending).rejects.toBe('gone');
    expect(signals).toHaveLength(2);
    expect(signals[1]!.aborted).toBe(true);
  });

  it('offers nothing, and asks Brevo nothing, for a source the session may not reach', async () => {
    const { client, requests } = stub(listsOf(3));
    const reach = { allows: (name: string) => name !== 'get_lists', whyNot: () => 'excluded' };
    expect(await completeFrom('lists', '', { client, manifest, reach })).toEqual({ values: [], hasMore: false });
    expect(requests).toHaveLength(0);
  });

  it('has a catalog list operation behind every source', () => {
    for (const [name, source] of Object.entries(SOURCES)) {
      const entry = manifest.find((t) => t.name === source.operation);
      expect(entry?.method, name).toBe('GET');
    }
  });
});
