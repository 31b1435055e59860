// What the views draw from Brevo's answers, on the shapes Brevo's definition gives (richer than the demo account's) and
// on missing fields.
import { describe, expect, it } from 'vitest';
import { checkReadOnlyCall, RefusedToolError } from './bridge.js';
import {
  dayRows,
  dayTotals,
  deviceRows,
  growthByMonth,
  itemsOf,
  linkClicks,
  linkLabels,
  listRows,
  missingStatistics,
  pipelineSummaries,
} from './data.js';

describe('campaign statistics', () => {
  it('knows which parts to ask for when the call asked for one kind of statistics only', () => {
    expect(missingStatistics({ globalStats: {}, linksStats: {}, statsByDevice: {}, statsByBrowser: {} })).toEqual([]);
    expect(missingStatistics({ linksStats: { 'https://a.example': 3 } })).toEqual(['globalStats', 'statsByDevice']);
    expect(missingStatistics({ globalStats: { sent: 5 } })).toEqual(['linksStats', 'statsByDevice']);
    expect(missingStatistics({})).toEqual([]);
    expect(missingStatistics(undefined)).toEqual([]);
  });

  it('reads link clicks written as numbers or as { nbClick }, most clicked first', () => {
    expect(
      linkClicks({
        'https://shop.example/a': 7,
        'https://shop.example/b': { nbClick: 80 },
        'https://shop.example/c': '12',
      }),
    ).toEqual([
      ['https://shop.example/b', 80],
      ['https://shop.example/c', 12],
      ['https://shop.example/a', 7],
    ]);
    expect(linkClicks(undefined)).toEqual([]);
    expect(linkClicks([1, 2])).toEqual([]);
  });

  it('labels links by path on one site, by site and path across sites, the distinctive end kept', () => {
    expect(
      linkLabels([
        'https://www.demoshop.example/collections/spring-dresses?utm_source=brevo',
        'https://demoshop.example/collections/spring-dresses?utm_source=other',
        'https://demoshop.example/',
      ]),
    ).toEqual({
      host: 'demoshop.example',
      labels: ['/collections/spring-dresses', '/collections/spring-dresses (2)', '/'],
    });
    expect(linkLabels(['https://demoshop.example/collections/spring/new-arrivals/dresses']).labels).toEqual([
      '…spring/new-arrivals/dresses',
    ]);
    expect(linkLabels(['https://shop.example/a', 'https://blog.example/post/1', 'not a url'])).toEqual({
      host: undefined,
      labels: ['shop.example/a', 'blog.example/post/1', 'not a url'],
    });
  });

  it('sums unique opens and clicks per kind of device over the clients Brevo names', () => {
    // The example of Brevo's definition.
    const byDevice = {
      desktop: { mac: { clickers: 1, uniqueClicks: 0, viewed: 2, uniqueViews: 1 } },
      mobile: {
        androidMobile: { clickers: 1, uniqueClicks: 0, viewed: 1, uniqueViews: 0 },
        iPhone: { clickers: 1, uniqueClicks: 3, viewed: 2, uniqueViews: 4 },
      },
      tablet: {},
    };
    expect(deviceRows(byDevice)).toEqual([
      { device: 'Desktop', opens: 1, clicks: 0, clients: ['mac'] },
      { device: 'Mobile', opens: 4, clicks: 3, clients: ['androidMobile', 'iPhone'] },
    ]);
    expect(deviceRows({})).toEqual([]);
    expect(deviceRows(null)).toEqual([]);
  });
});

describe('transactional email per day', () => {
  it('keeps one row per day, oldest first, with missing measures as 0', () => {
    const rows = dayRows([
      { date: '2026-03-02', requests: 5, delivered: 4 },
      { date: '2026-03-01', requests: 3, uniqueOpens: 2 },
      { date: '2026-03-02', requests: 6, delivered: 6 },
      { requests: 99 },
    ]);
    expect(rows.map((r) => [r.date, r.requests, r.delivered, r.uniqueOpens])).toEqual([
      ['2026-03-01', 3, 0, 2],
      ['2026-03-02', 6, 6, 0],
    ]);
    expect(dayTotals(rows)).toMatchObject({ requests: 9, delivered: 6, uniqueOpens: 2, blocked: 0 });
    expect(dayRows(undefined)).toEqual([]);
  });
});

describe('contact lists', () => {
  it('reads Brevo’s counters: reachable, blocklisted, and all contacts', () => {
    expect(
      listRows([
        { id: 3, name: 'Newsletter', totalSubscribers: 7, totalBlacklisted: 1, uniqueSubscribers: 8 },
        { id: 4, totalSubscribers: 2, totalBlacklisted: 1 },
      ]),
    ).toEqual([
      { id: 3, name: 'Newsletter', subscribed: 7, blocklisted: 1, contacts: 8 },
      { id: 4, name: 'List 4', subscribed: 2, blocklisted: 1, contacts: 3 },
    ]);
  });

  const now = new Date('2026-06-15T12:00:00Z');
  it('counts new contacts per month and the list’s size at each month’s end when every contact was read', () => {
    const contacts = [
      '2026-06-01T09:00:00Z',
      '2026-06-10T09:00:00Z',
      '2026-04-30T23:00:00Z',
      '2026-02-03T10:00:00Z',
    ].map((createdAt) => ({ createdAt }));
    expect(growthByMonth(contacts, 4, now, 6)).toEqual([
      { month: '2026-02', added: 1, total: 1 },
      { month: '2026-03', added: 0, total: 1 },
      { month: '2026-04', added: 1, total: 2 },
      { month: '2026-05', added: 0, total: 2 },
      { month: '2026-06', added: 2, total: 4 },
    ]);
  });

  it('leaves out the months it could only guess when only the newest contacts were read', () => {
    // 1,000 in the list, the newest two read: only June is certain.
    const contacts = [{ createdAt: '2026-06-10T09:00:00Z' }, { createdAt: '2026-05-20T09:00:00Z' }];
    expect(growthByMonth(contacts, 1000, now, 6)).toEqual([{ month: '2026-06', added: 1, total: 1000 }]);
    expect(growthByMonth([], 10, now)).toEqual([]);
    expect(growthByMonth([{ createdAt: 'not a date' }], 1, now)).toEqual([]);
  });
});

describe('deal pipeline', () => {
  const pipelines = [
    {
      pipeline: 'p1',
      pipeline_name: 'Sales',
      stages: [
        { id: 's-new', name: 'New' },
        { id: 's-won', name: 'Won' },
        { id: 's-lost', name: 'Lost' },
      ],
    },
    { pipeline: 'p2', pipeline_name: 'Partners', stages: [{ id: 's-talk', name: 'Talking' }] },
  ];
  const deal = (stage: string | undefined, amount: unknown, pipeline?: string) => ({
    id: Math.random().toString(36),
    attributes: { deal_stage: stage, amount, pipeline },
  });

  it('counts deals and sums amounts per stage, in the pipeline’s order, empty stages included', () => {
    const deals = [
      deal('s-won', 1200, 'p1'),
      deal('s-new', 300, 'p1'),
      deal('s-won', '800', 'p1'),
      deal('s-talk', 50, 'p2'),
    ];
    expect(pipelineSummaries(deals, pipelines)).toEqual([
      {
        id: 'p1',
        name: 'Sales',
        stages: [
          { id: 's-new', name: 'New', deals: 1, amount: 300 },
          { id: 's-won', name: 'Won', deals: 2, amount: 2000 },
          { id: 's-lost', name: 'Lost', deals: 0, amount: 0 },
        ],
      },
      { id: 'p2', name: 'Partners', stages: [{ id: 's-talk', name: 'Talking', deals: 1, amount: 50 }] },
    ]);
  });

  it('places a deal by its stage when its pipeline id is unknown, and keeps unknown stages and stageless deals', () => {
    const deals = [deal('s-new', 10, 'elsewhere'), deal('s-mystery', 5, 'p9'), deal(undefined, undefined)];
    const summaries = pipelineSummaries(deals, pipelines);
    expect(summaries[0]!.stages[0]).toEqual({ id: 's-new', name: 'New', deals: 1, amount: 10 });
    expect(summaries.slice(2)).toEqual([
      { id: 'p9', name: 'Pipeline p9', stages: [{ id: 's-mystery', name: 'Stage s-myster', deals: 1, amount: 5 }] },
      { id: '', name: 'No pipeline', stages: [{ id: '', name: 'No stage', deals: 1, amount: 0 }] },
    ]);
    // Without stage names (get_pipelines failed), the ids still group the deals.
    expect(pipelineSummaries(deals.slice(0, 1), undefined)).toEqual([
      {
        id: 'elsewhere',
        name: 'Pipeline elsewher',
        stages: [{ id: 's-new', name: 'Stage s-new', deals: 1, amount: 10 }],
      },
    ]);
  });

  it('takes one pipeline object as well as a list of them, and items from either shape of list answer', () => {
    expect(pipelineSummaries([], pipelines[1])).toEqual([
      { id: 'p2', name: 'Partners', stages: [{ id: 's-talk', name: 'Talking', deals: 0, amount: 0 }] },
    ]);
    expect(itemsOf({ items: [{ id: 1 }, 2] }, 'items')).toEqual([{ id: 1 }]);
    expect(itemsOf([{ id: 1 }], 'items')).toEqual([{ id: 1 }]);
    expect(itemsOf('nothing', 'items')).toEqual([]);
  });
});

describe('the read-only door', () => {
  it('lets through only the tools a view lists and refuses anything else before sending', () => {
    expect(() => checkReadOnlyCall(['get_deals', 'get_pipelines'], 'get_deals')).not.toThrow();
    for (const name of ['delete_deal', 'update_deal', 'get_account', '', undefined, 42, 'get_deals ']) {
      expect(() => checkReadOnlyCall(['get_deals', 'get_pipelines'], name)).toThrow(RefusedToolError);
    }
    expect(() => checkReadOnlyCall(['get_deals'], 'delete_deal')).toThrow(
      'Refused: delete_deal is not one of the read-only tools this view may call (get_deals); nothing was sent.',
    );
  });
});
