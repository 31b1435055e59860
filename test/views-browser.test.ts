// The views in a real browser. The built server runs with --sandbox and is driven by the SDK's
// Client as an MCP Apps client; a minimal host page (test/support/views-host/) loads each view's
// served HTML in a sandboxed iframe through the extension's AppBridge and feeds it the tool's real
// answer. The test reads what a person sees (numbers, labels, the table behind each chart) in the
// light and the dark theme, makes the views call read-only tools through the host, checks that a
// write is refused, and saves screenshots in test-artifacts/views/.
import type { Json } from './support/json.js';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium, launchChromium, type LaunchedBrowser } from './support/chromium.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/views/', import.meta.url));
const APPS = {
  capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
};
const WIDTH = 760;

type Theme = 'light' | 'dark';
/* eslint-disable @typescript-eslint/no-explicit-Json -- tool answers are Brevo's JSON */

/** How the views write numbers for an en-US host: the expectations are computed from the raw answers. */
const int = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
const amount = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
const pct = (part: number, whole: number) =>
  whole ? new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole) : '–';
const day = (d: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
interface ToolWithView {
  name: string;
  _meta?: { ui?: { resourceUri?: string } };
}

let unavailable: string | undefined;
let browser: LaunchedBrowser;
let server: Connected;
let host: Server;
let hostUrl: string;
let page: Page;
let tools: ToolWithView[];
/** Every tools/call the view sent through the host to the real server. */
const serverCalls: Array<{ name: string; arguments?: Record<string, unknown> }> = [];
const browserRequests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  unavailable = ensureChromium();
  if (unavailable) {
    console.warn(`views-browser: skipped, ${unavailable}`);
    return;
  }
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./support/views-host/host.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]!.text;
  const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test host</title><style>
    html[data-theme=light] body { background: #faf9f5; } html[data-theme=dark] body { background: #1f1e1d; }
    body { margin: 0; padding: 16px; } iframe { border: 1px solid #8888; border-radius: 8px; display: block; }
  </style></head><body><div id="stage"></div><script src="/host.js"></script></body></html>`;
  host = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage);
    else if (req.url === '/host.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;

  server = await connectStdio({
    args: ['--sandbox', '--toolsets', 'email_campaigns,transactional_email,contacts,crm'],
    capabilities: APPS,
  });
  tools = (await server.client.listTools()).tools as ToolWithView[];

  // Tall enough that a long view is painted whole in its screenshot.
  browser = await launchChromium({ width: WIDTH + 40, height: 2400 });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  // Fail with the locator's own message, well inside the test's time.
  page.setDefaultTimeout(8_000);
  page.on('request', (r) => browserRequests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.exposeFunction('callServerTool', async (params: { name: string; arguments?: Record<string, unknown> }) => {
    serverCalls.push(params);
    return server.client.callTool(params);
  });
  await page.goto(hostUrl);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  host?.close();
});

/** Calls the tool on the real server, reads the view its listing names, and shows both in the host page. */
async function show(
  toolName: string,
  args: Record<string, unknown>,
  theme: Theme,
): Promise<{ view: FrameLocator; data: Json }> {
  const uri = tools.find((t) => t.name === toolName)?._meta?.ui?.resourceUri;
  expect(uri, `${toolName} names a view`).toMatch(/^ui:\/\//);
  const { contents } = await server.client.readResource({ uri: uri! });
  const resource = contents[0] as { text: string; mimeType: string; _meta?: { ui?: { csp?: unknown } } };
  expect(resource.mimeType).toBe('text/html;profile=mcp-app');
  const result = await server.client.callTool({ name: toolName, arguments: args });
  expect(result.isError, JSON.stringify(result)).toBeFalsy();
  serverCalls.length = 0;
  await page.evaluate((o) => window.showView(o as never), {
    html: resource.text,
    csp: resource._meta?.ui?.csp,
    theme,
    width: WIDTH,
    toolInput: args,
    toolResult: result,
  });
  const view = page.frameLocator('#view');
  await view.locator('main#view:not([aria-busy])').waitFor();
  return { view, data: JSON.parse(textOf(result)) };
}

async function viewFrame(): Promise<Frame> {
  return (await (await page.locator('#view').elementHandle())!.contentFrame())!;
}

/** A headline figure as read: "Delivered 7 100% of sent". */
async function tile(view: FrameLocator, label: string): Promise<string> {
  const text = await view
    .locator('.tile', { has: view.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/** The rows of the table behind a chart, cell texts joined by a space. */
async function tableRows(view: FrameLocator, caption: string): Promise<string[]> {
  const table = view.getByRole('table', { name: caption });
  return (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
}

/**
 * Shows the table in place of the chart with the keyboard, reads its rows while it is on screen, and goes back to the
 * chart.
 */
async function openTable(view: FrameLocator, caption: string): Promise<string[]> {
  const card = view.locator('section.card', { has: view.getByRole('heading', { name: caption, exact: true }) });
  const table = card.locator('.table-wrap');
  expect((await table.boundingBox())!.width, 'the table is visually hidden before').toBeLessThanOrEqual(1);
  const button = card.getByRole('button', { name: 'Show as table' });
  await button.press('Enter');
  expect(await button.getAttribute('aria-pressed')).toBe('true');
  expect((await table.boundingBox())!.width).toBeGreaterThan(300);
  expect(await card.locator('.chart').isHidden()).toBe(true);
  const rows = await tableRows(view, caption);
  // And back: the chart is drawn again.
  await button.press('Enter');
  expect(await button.getAttribute('aria-pressed')).toBe('false');
  expect(await card.locator('.chart svg').isVisible()).toBe(true);
  expect((await table.boundingBox())!.width).toBeLessThanOrEqual(1);
  return rows;
}

/** The view's background and the first series' colour follow the theme; the frame fits its content. */
async function checkLooks(view: FrameLocator, theme: Theme): Promise<void> {
  const frame = await viewFrame();
  const looks = await frame.evaluate(() => {
    const bar = document.querySelector('.ct-series-a .ct-bar, .ct-series-a .ct-line');
    return {
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      series: bar ? getComputedStyle(bar).stroke : '',
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
  expect(looks.theme).toBe(theme);
  // The host's own colours, passed as the extension's style variables.
  expect(looks.background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(38, 38, 36)');
  expect(looks.text).toBe(theme === 'light' ? 'rgb(31, 30, 29)' : 'rgb(245, 244, 239)');
  if (looks.series) expect(looks.series).toBe(theme === 'light' ? 'rgb(10, 125, 85)' : 'rgb(62, 207, 149)');
  // The host sized the frame to what the view reported: nothing scrolls inside it.
  expect(looks.scrollWidth).toBeLessThanOrEqual(WIDTH);
  await expect
    .poll(() =>
      frame.evaluate(() => ({
        fits: document.documentElement.scrollHeight <= window.innerHeight + 1,
        grown: window.innerHeight > 200,
      })),
    )
    .toEqual({ fits: true, grown: true });
  expect(await view.getByRole('img').count()).toBeGreaterThan(0);
}

async function screenshots(view: FrameLocator, id: string): Promise<void> {
  // No focus ring from the keyboard checks in the pictures.
  await (await viewFrame()).evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await checkLooks(view, 'light');
  await page.locator('#view').screenshot({ path: `${ARTIFACTS}${id}-light.png` });
  await page.evaluate(() => window.setTheme('dark'));
  await expect.poll(() => view.locator('html').getAttribute('data-theme')).toBe('dark');
  await checkLooks(view, 'dark');
  await page.locator('#view').screenshot({ path: `${ARTIFACTS}${id}-dark.png` });
}

describe('views in a real browser (Chromium)', () => {
  it(
    'email campaign report: the funnel, bounces and unsubscriptions, links and devices of a sent ' + 'campaign',
    async (ctx) => {
      if (unavailable) return ctx.skip();
      const { view, data } = await show('get_email_campaign', { campaignId: 1 }, 'light');
      const g = data.statistics.globalStats;
      expect(g.sent, 'the demo campaign was sent').toBeGreaterThan(0);
      expect(await view.locator('main h1').innerText()).toBe(data.name);
      expect(await view.locator('.subtitle').first().innerText()).toContain(data.subject);
      expect(await tile(view, 'Sent')).toBe(`Sent ${int(g.sent)}`);
      expect(await tile(view, 'Delivered')).toBe(`Delivered ${int(g.delivered)} ${pct(g.delivered, g.sent)} of sent`);
      expect(await tile(view, 'Opened')).toBe(
        `Opened ${int(g.uniqueViews)} ${pct(g.uniqueViews, g.delivered)} of delivered`,
      );
      expect(await tile(view, 'Clicked')).toBe(
        `Clicked ${int(g.uniqueClicks)} ${pct(g.uniqueClicks, g.delivered)} of delivered`,
      );
      expect(await tile(view, 'Bounced')).toBe(
        `Bounced ${int(g.hardBounces + g.softBounces)} ${int(g.hardBounces)} hard, ${int(g.softBounces)} soft`,
      );
      // What a screen reader announces for the chart, and the values drawn at the bars' ends.
      const funnel: [string, number][] = [
        ['Sent', g.sent],
        ['Delivered', g.delivered],
        ['Opened', g.uniqueViews],
        ['Clicked', g.uniqueClicks],
      ];
      await view
        .getByRole('img', { name: `Funnel: ${funnel.map(([l, n]) => `${l} ${int(n)}`).join(', ')}.` })
        .waitFor();
      expect((await view.locator('section.card').first().locator('.ct-bar-value').allTextContents()).sort()).toEqual(
        funnel.map(([, n]) => int(n)).sort(),
      );
      expect(await openTable(view, 'Funnel')).toEqual(funnel.map(([l, n]) => `${l} ${int(n)} ${pct(n, g.sent)}`));
      const problems: [string, number][] = [
        ['Hard bounces', g.hardBounces],
        ['Soft bounces', g.softBounces],
        ['Unsubscriptions', g.unsubscriptions],
        ['Spam complaints', g.complaints],
      ];
      expect(await tableRows(view, 'Bounces and unsubscriptions')).toEqual(
        problems.map(([l, n]) => `${l} ${int(n)} ${pct(n, g.sent)}`),
      );
      // Links and devices: drawn when Brevo gives them, said in words when it gives none.
      const links = Object.entries(data.statistics.linksStats ?? {}).map(
        ([url, v]: [string, Json]) => [url, typeof v === 'object' ? v.nbClick : v] as [string, number],
      );
      const text = await view.locator('main').innerText();
      if (links.length) {
        const top = links.sort((a, b) => b[1] - a[1]).slice(0, 10);
        expect(
          (await tableRows(view, links.length > 10 ? `Top 10 of ${links.length} links` : 'Top links')).map((r) =>
            r.split(' ').slice(0, 2).join(' '),
          ),
        ).toEqual(top.map(([u, n]) => `${u} ${int(n)}`));
      } else expect(text).toContain('No link clicks recorded for this campaign.');
      if (!Object.keys(data.statistics.statsByDevice ?? {}).length)
        expect(text).toContain('No opens or clicks by device recorded for this campaign.');
      else await view.getByRole('table', { name: 'Devices' }).waitFor({ state: 'attached' });
      // Everything was in the answer: the view asked for nothing more.
      expect(serverCalls).toEqual([]);
      await screenshots(view, 'email-campaign-report');
    },
  );

  it('transactional email per day: totals, the days, and another period asked through the host', async (ctx) => {
    if (unavailable) return ctx.skip();
    const { view, data } = await show('get_smtp_report', { days: 30 }, 'light');
    const days = [...new Map((data.reports as Json[]).map((r) => [r.date.slice(0, 10), r])).values()].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    expect(days.length, 'the sandbox reports some days').toBeGreaterThan(0);
    const total = (field: string) => sum(days.map((d) => d[field]));
    expect(await view.locator('main h1').innerText()).toBe('Transactional email per day');
    expect(await view.locator('.subtitle').innerText()).toBe(
      `${day(days[0].date)} – ${day(days.at(-1).date)} · ${days.length} ${days.length === 1 ? 'day' : 'days'}`,
    );
    expect(await tile(view, 'Requests')).toBe(`Requests ${int(total('requests'))}`);
    expect(await tile(view, 'Delivered')).toBe(
      `Delivered ${int(total('delivered'))} ${pct(total('delivered'), total('requests'))} of requests`,
    );
    expect(await tile(view, 'Unique opens')).toBe(
      `Unique opens ${int(total('uniqueOpens'))} ${pct(total('uniqueOpens'), total('delivered'))} of delivered`,
    );
    expect(await tile(view, 'Bounces')).toBe(
      `Bounces ${int(total('hardBounces') + total('softBounces'))} ${int(total('hardBounces'))} hard, ` +
        `${int(total('softBounces'))} soft`,
    );
    await view
      .getByRole('img', {
        name: new RegExp(
          `^Requests, delivered, unique opens and unique clicks per day over ${days.length} days; ${int(total('requests'))} ` +
            `requests in all`,
        ),
      })
      .waitFor();
    expect(await openTable(view, 'Email per day')).toEqual(
      days.map((d) => [day(d.date), ...[d.requests, d.delivered, d.uniqueOpens, d.uniqueClicks].map(int)].join(' ')),
    );
    expect(await tableRows(view, 'Delivery problems per day')).toEqual(
      days.map((d) =>
        [
          day(d.date),
          ...[d.hardBounces, d.softBounces, d.blocked, d.invalid, d.spamReports, d.unsubscribed].map(int),
        ].join(' '),
      ),
    );

    expect(await view.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true');
    await screenshots(view, 'transactional-email-stats');

    // Another period: the view calls the read-only report tool through the host, page by page.
    await view.getByRole('button', { name: 'Last 7 days' }).click();
    await expect
      .poll(() => view.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(serverCalls).toEqual([{ name: 'get_smtp_report', arguments: { days: 7, limit: 30, offset: 0 } }]);
    expect(await page.evaluate(() => window.viewRequests.map((r) => r.method))).toEqual(['tools/call']);
    const week = JSON.parse(
      textOf(await server.client.callTool({ name: 'get_smtp_report', arguments: { days: 7, limit: 30 } })),
    ).reports as Json[];
    expect(await tile(view, 'Requests')).toBe(
      `Requests ${int(sum([...new Map(week.map((r) => [r.date, r.requests])).values()]))}`,
    );
    expect(await view.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('contact lists health: subscribed and blocklisted per list, and the growth of the largest list', async (ctx) => {
    if (unavailable) return ctx.skip();
    const { view, data } = await show('get_lists', {}, 'light');
    const lists = data.lists as Json[];
    expect(lists.length, 'the demo account has lists').toBeGreaterThan(1);
    const subscribed = sum(lists.map((l) => l.totalSubscribers));
    const blocklisted = sum(lists.map((l) => l.totalBlacklisted));
    expect(await view.locator('main h1').innerText()).toBe('Contact lists health');
    expect(await tile(view, 'Subscribed')).toBe(`Subscribed ${int(subscribed)} summed over lists`);
    expect(await tile(view, 'Blocklisted')).toBe(
      `Blocklisted ${int(blocklisted)} ${pct(blocklisted, subscribed + blocklisted)} of memberships`,
    );
    await view
      .getByRole('img', {
        name: `Contacts per list: ${lists.map((l) => `${l.name} ${int(l.totalSubscribers)} subscribed, ${int(l.totalBlacklisted)} blocklisted`).join('; ')}.`,
      })
      .waitFor();
    expect(await openTable(view, 'Subscribed and blocklisted per list')).toEqual(
      lists.map(
        (l) =>
          `${l.name} ${int(l.totalSubscribers)} ${int(l.totalBlacklisted)} ${int(l.uniqueSubscribers)} ` +
          `${pct(l.totalBlacklisted, l.uniqueSubscribers)}`,
      ),
    );
    // Each legend colour carries its own numbers, lists read from the top in the answer's order.
    const drawn = await (await viewFrame()).evaluate(() => {
      const card = document.querySelector('section.card')!;
      const bars = (series: string) =>
        [...card.querySelectorAll(`.ct-series-${series} .ct-bar`)]
          .sort((a, b) => Number(a.getAttribute('y1')) - Number(b.getAttribute('y1')))
          .map((bar) => Number(bar.getAttributeNS('http://gionkunz.github.com/chartist-js/ct', 'value')));
      return {
        legend: [...card.querySelectorAll('.legend li')].map((li) => li.textContent),
        a: bars('a'),
        b: bars('b'),
      };
    });
    expect(drawn).toEqual({
      legend: ['Subscribed', 'Blocklisted'],
      a: lists.map((l) => l.totalSubscribers),
      b: lists.map((l) => l.totalBlacklisted),
    });
    // Growth needs the list's contacts: read through the host with the read-only list tool.
    const largest = lists.reduce((a, b) => (b.uniqueSubscribers > a.uniqueSubscribers ? b : a));
    const caption = `${largest.name}: new contacts per month`;
    await view.getByRole('table', { name: caption }).waitFor({ state: 'attached' });
    expect(serverCalls).toEqual([
      { name: 'get_contacts_from_list', arguments: { listId: largest.id, limit: 500, offset: 0, sort: 'desc' } },
    ]);
    expect(await view.getByLabel('List', { exact: true }).inputValue()).toBe(String(largest.id));
    const months = await tableRows(view, caption);
    // The months add up: each month's new contacts are those of the list created in it (read
    // here from the same tool), and the last month ends at the list's size.
    const members = JSON.parse(
      textOf(
        await server.client.callTool({ name: 'get_contacts_from_list', arguments: { listId: largest.id, limit: 500 } }),
      ),
    ).contacts as Json[];
    const firstMonth = /^(\w+ \d{4})/.exec(months[0]!)![1]!;
    const windowStart = new Date(`1 ${firstMonth} UTC`);
    const createdInWindow = members.filter((c) => new Date(c.createdAt) >= windowStart).length;
    expect(sum(months.map((m) => Number(/ ([\d,]+) [\d,]+$/.exec(m)![1]!.replace(/,/g, ''))))).toBe(createdInWindow);
    expect(months.at(-1)).toMatch(new RegExp(` ${int(largest.uniqueSubscribers)}$`));
    await screenshots(view, 'contact-lists-health');
  });

  it('shows names from the account as text, never as markup', async (ctx) => {
    if (unavailable) return ctx.skip();
    const hostile = '<img src=x onerror="window.pwned=1"><b>VIP</b> & "friends"';
    const created = await server.client.callTool({ name: 'create_list', arguments: { name: hostile, folderId: 1 } });
    expect(created.isError, textOf(created)).toBeFalsy();
    const { view } = await show('get_lists', {}, 'light');
    const rows = await tableRows(view, 'Subscribed and blocklisted per list');
    expect(rows.some((r) => r.startsWith(`${hostile} 0 0 0`))).toBe(true);
    expect(await view.getByRole('option', { name: hostile }).count()).toBe(1);
    const frame = await viewFrame();
    expect(
      await frame.evaluate(() => ({
        markup: document.querySelectorAll('main img, main b').length,
        pwned: (window as unknown as { pwned?: number }).pwned,
      })),
    ).toEqual({ markup: 0, pwned: undefined });
  });

  it('deal pipeline: deals and amounts per stage with names from the pipelines, and a write refused', async (ctx) => {
    if (unavailable) return ctx.skip();
    const { view, data } = await show('get_deals', {}, 'light');
    // The expected picture, from the two answers: deals placed by their stage's pipeline.
    const pipelines = JSON.parse(
      textOf(await server.client.callTool({ name: 'get_pipelines', arguments: {} })),
    ) as Json[];
    const deals = data.items as Json[];
    const counts = pipelines.map((p) => ({
      p,
      n: deals.filter((d) => p.stages.some((s: Json) => s.id === d.attributes.deal_stage)).length,
    }));
    const shown = counts.reduce((a, b) => (b.n > a.n ? b : a)).p;
    expect(deals.length, 'the sandbox has deals').toBeGreaterThan(0);
    const stages = (shown.stages as Json[]).map((s) => {
      const inStage = deals.filter((d) => d.attributes.deal_stage === s.id);
      return {
        name: s.name as string,
        deals: inStage.length,
        amount: sum(inStage.map((d) => Number(d.attributes.amount) || 0)),
      };
    });
    const dealsIn = sum(stages.map((s) => s.deals));
    const total = sum(stages.map((s) => s.amount));
    await view
      .getByRole('img', {
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        name: `${shown.pipeline_name}, amount and deals per stage: ${stages.map((s) => `${s.name} ${amount(s.amount)} in ${int(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}`).join('; ')}.`,
      })
      .waitFor();
    // Stage names are not in deals: the view read them with the read-only pipelines tool.
    expect(serverCalls).toEqual([{ name: 'get_pipelines', arguments: {} }]);
    expect(await tile(view, 'Deals')).toBe(`Deals ${int(dealsIn)}`);
    expect(await tile(view, 'Total amount')).toBe(`Total amount ${amount(total)}`);
    expect(await openTable(view, 'Amount per stage')).toEqual(
      stages.map((s) => `${s.name} ${amount(s.amount)} ${int(s.deals)} ${pct(s.amount, total)}`),
    );
    expect(await tableRows(view, 'Deals per stage')).toEqual(
      stages.map((s) => `${s.name} ${int(s.deals)} ${pct(s.deals, dealsIn)}`),
    );

    // A write (and a read the view does not use) is refused by the view itself: nothing reaches the host.
    const frame = await viewFrame();
    const before = await page.evaluate(() => window.viewRequests.length);
    for (const [name, args] of [
      ['delete_deal', { id: deals[0].id }],
      ['create_deal', { name: 'Sneaky' }],
      ['get_account', {}],
    ] as const) {
      const outcome = await frame.evaluate(
        ([tool, toolArgs]) =>
          (window as unknown as { brevoView: { callTool(n: string, a: unknown): Promise<unknown> } }).brevoView
            .callTool(tool, toolArgs)
            .then(
              () => 'sent',
              (e: Error) => e.message,
            ),
        [name, args] as const,
      );
      expect(outcome).toBe(
        `Refused: ${name} is not one of the read-only tools this view may call (get_deals, get_pipelines); ` +
          `nothing was sent.`,
      );
    }
    expect(await page.evaluate(() => window.viewRequests.length)).toBe(before);
    expect(serverCalls.map((c) => c.name)).toEqual(['get_pipelines']);
    // The guarded door itself lets through what the view may call.
    expect(
      await frame.evaluate(() =>
        (
          window as unknown as { brevoView: { callTool(n: string, a: unknown): Promise<{ isError?: boolean }> } }
        ).brevoView
          .callTool('get_pipelines', {})
          .then((r) => !r.isError),
      ),
    ).toBe(true);
    expect(serverCalls.map((c) => c.name)).toEqual(['get_pipelines', 'get_pipelines']);
    await screenshots(view, 'deal-pipeline');
  });

  it('fills a container of fixed size, narrower than before, and scrolls inside it', async (ctx) => {
    if (unavailable) return ctx.skip();
    const { view } = await show('get_email_campaign', { campaignId: 1 }, 'light');
    await page.evaluate(() => window.resizeContainer(420, 360));
    const frame = await viewFrame();
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.classList.contains('fixed-height')))
      .toBe(true);
    const fit = await frame.evaluate(() => ({
      width: window.innerWidth,
      height: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
      chart: Math.round(document.querySelector('.chart svg')!.getBoundingClientRect().right),
    }));
    expect(fit).toMatchObject({ width: 420, height: 360, scrolls: true });
    expect(fit.scrollWidth).toBeLessThanOrEqual(420);
    expect(fit.chart).toBeLessThanOrEqual(420);
    // Everything is still reachable: the last section scrolls into view.
    await view.getByRole('heading', { name: 'Devices' }).scrollIntoViewIfNeeded();
    expect(await view.getByRole('heading', { name: 'Devices' }).isVisible()).toBe(true);
  });

  it('starts in the dark theme when the host is dark', async (ctx) => {
    if (unavailable) return ctx.skip();
    const { view } = await show('get_email_campaign', { campaignId: 1 }, 'dark');
    await view.getByRole('img', { name: /^Funnel:/ }).waitFor();
    await checkLooks(view, 'dark');
  });

  it('loaded nothing from the network and broke no content-security rule', (ctx) => {
    if (unavailable) return ctx.skip();
    expect(browserRequests.filter((url) => !url.startsWith(hostUrl))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
