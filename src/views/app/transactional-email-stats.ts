// Transactional email per day over a period (get_smtp_report): totals, a line per measure, delivery problems per day,
// and buttons for another period.
import 'chartist/dist/index.css';
import './styles.css';
import { mountChart } from './chart.js';
import { dayRows, dayTotals, type DayField, type DayRow } from './data.js';
import { focusHeading, h, messageOf, notice, status, tiles } from './dom.js';
import { date, int, shortDay, share } from './format.js';
import { startView, type ViewContext } from './view.js';

/** Brevo gives at most this many days per page. */
const PAGE = 30;
const PERIODS = [7, 30, 90];

startView('transactional-email-stats', (data, ctx) => {
  const args = ctx.args;
  const rows = dayRows((data as { reports?: unknown })?.reports);
  const requested = typeof args.days === 'number' ? args.days : undefined;
  // The first page the model asked for may hold fewer days than its period: say so, offer the rest.
  const pageSize = typeof args.limit === 'number' && args.limit > 0 ? args.limit : 10;
  const more =
    rows.length >= pageSize
      ? { offset: (typeof args.offset === 'number' ? args.offset : 0) + rows.length, size: pageSize }
      : undefined;
  draw(ctx, rows, requested, more);
});

function draw(
  ctx: ViewContext,
  rows: DayRow[],
  days: number | undefined,
  more?: { offset: number; size: number },
): void {
  const { root, args } = ctx;
  const tag = typeof args.tag === 'string' && args.tag ? args.tag : undefined;
  const line = status();
  const period = rows.length ? `${date(rows[0]!.date)} – ${date(rows[rows.length - 1]!.date)}` : 'No days';
  root.replaceChildren(
    h('h1', {}, 'Transactional email per day'),
    h(
      'p',
      { class: 'subtitle' },
      `${period} · ${rows.length} ${rows.length === 1 ? 'day' : 'days'}${tag ? ` · tag “${tag}”` : ''}`,
    ),
  );

  const controls = h('div', { class: 'controls', role: 'group', 'aria-label': 'Period' });
  for (const n of PERIODS) {
    controls.append(
      h(
        'button',
        { type: 'button', 'aria-pressed': String(days === n), onclick: () => void loadPeriod(ctx, n, tag, line.say) },
        `Last ${n} days`,
      ),
    );
  }
  if (more)
    controls.append(
      h(
        'button',
        { type: 'button', onclick: () => void loadMore(ctx, rows, days, more, line.say) },
        `Load ${more.size} more days`,
      ),
    );
  root.append(controls, line.element);

  if (!rows.length) {
    root.append(notice('Brevo reports no transactional email for this period.'));
    return;
  }
  const t = dayTotals(rows);
  const bounces = t.hardBounces + t.softBounces;
  root.append(
    tiles([
      { label: 'Requests', value: int(t.requests) },
      { label: 'Delivered', value: int(t.delivered), detail: `${share(t.delivered, t.requests)} of requests` },
      { label: 'Unique opens', value: int(t.uniqueOpens), detail: `${share(t.uniqueOpens, t.delivered)} of delivered` },
      {
        label: 'Unique clicks',
        value: int(t.uniqueClicks),
        detail: `${share(t.uniqueClicks, t.delivered)} of delivered`,
      },
      { label: 'Bounces', value: int(bounces), detail: `${int(t.hardBounces)} hard, ${int(t.softBounces)} soft` },
      { label: 'Blocked', value: int(t.blocked), detail: `${int(t.spamReports)} spam reports` },
    ]),
  );

  const busiest = rows.reduce((a, b) => (b.requests > a.requests ? b : a));
  // Measures per day: the days are the categories, one series per measure.
  const perDay = (title: string, summary: string, kind: 'line' | 'bar', measures: [name: string, field: DayField][]) =>
    mountChart(root, {
      title,
      summary,
      kind,
      stacked: kind === 'bar',
      labels: rows.map((r) => date(r.date)),
      axisLabels: rows.map((r) => shortDay(r.date)),
      labelHeading: 'Day',
      series: measures.map(([name, field]) => ({ name, values: rows.map((r) => r[field]) })),
    });
  perDay(
    'Email per day',
    `Requests, delivered, unique opens and unique clicks per day over ${rows.length} days; ${int(t.requests)} ` +
      `requests in all, the most on ${date(busiest.date)} (${int(busiest.requests)}).`,
    'line',
    [
      ['Requests', 'requests'],
      ['Delivered', 'delivered'],
      ['Unique opens', 'uniqueOpens'],
      ['Unique clicks', 'uniqueClicks'],
    ],
  );
  perDay(
    'Delivery problems per day',
    `Hard bounces ${int(t.hardBounces)}, soft bounces ${int(t.softBounces)}, blocked ${int(t.blocked)}, ` +
      `invalid ${int(t.invalid)}, spam reports ${int(t.spamReports)} and unsubscribed ${int(t.unsubscribed)} ` +
      `over ${rows.length} days.`,
    'bar',
    [
      ['Hard bounces', 'hardBounces'],
      ['Soft bounces', 'softBounces'],
      ['Blocked', 'blocked'],
      ['Invalid', 'invalid'],
      ['Spam reports', 'spamReports'],
      ['Unsubscribed', 'unsubscribed'],
    ],
  );
}

/** Every day of the last n days, page by page (Brevo gives 30 at most per call). */
async function loadPeriod(
  ctx: ViewContext,
  days: number,
  tag: string | undefined,
  say: (text: string) => void,
): Promise<void> {
  say(`Loading the last ${days} days…`);
  try {
    const reports: unknown[] = [];
    for (let offset = 0; offset < days; offset += PAGE) {
      const answer = (await ctx.call('get_smtp_report', { days, limit: PAGE, offset, ...(tag ? { tag } : {}) })) as {
        reports?: unknown[];
      };
      const page = Array.isArray(answer?.reports) ? answer.reports : [];
      reports.push(...page);
      if (page.length < PAGE) break;
    }
    draw(ctx, dayRows(reports), days);
    focusHeading(ctx.root);
  } catch (error) {
    say(`Could not load the last ${days} days: ${messageOf(error)}`);
  }
}

async function loadMore(
  ctx: ViewContext,
  rows: DayRow[],
  days: number | undefined,
  more: { offset: number; size: number },
  say: (text: string) => void,
): Promise<void> {
  say('Loading more days…');
  try {
    const { limit: _limit, offset: _offset, ...rest } = ctx.args;
    const answer = (await ctx.call('get_smtp_report', { ...rest, limit: more.size, offset: more.offset })) as {
      reports?: unknown[];
    };
    const page = Array.isArray(answer?.reports) ? answer.reports : [];
    const merged = dayRows([...rows, ...page]);
    const added = merged.length - rows.length;
    draw(
      ctx,
      merged,
      days,
      page.length >= more.size && added > 0 ? { offset: more.offset + page.length, size: more.size } : undefined,
    );
    focusHeading(ctx.root);
  } catch (error) {
    say(`Could not load more days: ${messageOf(error)}`);
  }
}
