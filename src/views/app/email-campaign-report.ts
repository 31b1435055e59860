// The report of one email campaign (get_email_campaign): the sent → delivered → opened → clicked funnel, bounces and
// unsubscriptions, top links and devices.
import 'chartist/dist/index.css';
import './styles.css';
import { mountChart } from './chart.js';
import { h, notice, status, tiles } from './dom.js';
import { deviceRows, linkClicks, linkLabels, missingStatistics, type StatisticsPart } from './data.js';
import { date, int, num, share } from './format.js';
import { startView, type ViewContext } from './view.js';

type Stats = Record<string, unknown>;
interface Campaign {
  id?: number;
  name?: string;
  subject?: string;
  status?: string;
  sentDate?: string;
  scheduledAt?: string;
  statistics?: {
    globalStats?: Stats;
    campaignStats?: Stats[];
    linksStats?: unknown;
    statsByDevice?: unknown;
  };
}

const TOP_LINKS = 10;

startView('email-campaign-report', async (data, ctx) => {
  const campaign = data as Campaign;
  if (!campaign || typeof campaign !== 'object' || !('statistics' in campaign || 'name' in campaign))
    throw new Error('This answer holds no email campaign.');
  const { root } = ctx;
  const line = status();
  const state = campaign.sentDate
    ? `sent ${date(campaign.sentDate, true)}`
    : campaign.scheduledAt && campaign.status !== 'draft'
      ? `${campaign.status ?? 'scheduled'} for ${date(campaign.scheduledAt, true)}`
      : (campaign.status ?? '');
  root.append(
    h('h1', {}, campaign.name ?? `Campaign ${campaign.id ?? ''}`),
    h('p', { class: 'subtitle' }, [campaign.subject, state].filter(Boolean).join(' · ')),
    line.element,
  );

  // Asked for with one kind of statistics only, Brevo leaves out the others: read what is missing.
  const stats: Record<string, unknown> = { ...campaign.statistics };
  const missing = missingStatistics(campaign.statistics);
  if (missing.length && campaign.id !== undefined) {
    line.say('Loading the rest of the statistics…');
    const parts = await Promise.all(missing.map((part) => fetchPart(ctx, campaign.id!, part)));
    missing.forEach((part, i) => {
      stats[part] = parts[i];
    });
    line.say('');
  }
  const g = (stats.globalStats ?? {}) as Stats;
  const sent = num(g.sent);
  if (!sent && !num(g.delivered)) {
    root.append(
      notice(
        campaign.status === 'draft'
          ? 'This campaign is a draft: nothing was sent, so there are no statistics yet.'
          : 'Brevo reports no sends for this campaign yet.',
      ),
    );
    return;
  }
  const delivered = num(g.delivered);
  const opened = num(g.uniqueViews);
  const clicked = num(g.uniqueClicks);
  const hard = num(g.hardBounces);
  const soft = num(g.softBounces);
  const unsubscribed = num(g.unsubscriptions);
  const complaints = num(g.complaints);

  root.append(
    tiles([
      { label: 'Sent', value: int(sent) },
      { label: 'Delivered', value: int(delivered), detail: `${share(delivered, sent)} of sent` },
      { label: 'Opened', value: int(opened), detail: `${share(opened, delivered)} of delivered` },
      { label: 'Clicked', value: int(clicked), detail: `${share(clicked, delivered)} of delivered` },
      { label: 'Bounced', value: int(hard + soft), detail: `${int(hard)} hard, ${int(soft)} soft` },
      { label: 'Unsubscribed', value: int(unsubscribed), detail: `${share(unsubscribed, delivered)} of delivered` },
    ]),
  );

  // Recipients at each step, and as a share of those sent: one chart each for the funnel and the losses.
  const recipients = (title: string, labelHeading: string, rows: [label: string, count: number][]) =>
    mountChart(root, {
      title,
      summary: `${title}: ${rows.map(([label, n]) => `${label} ${int(n)}`).join(', ')}.`,
      kind: 'bar',
      horizontal: true,
      labels: rows.map(([label]) => label),
      labelHeading,
      series: [{ name: 'Recipients', values: rows.map(([, n]) => n) }],
      extraColumns: [{ name: 'Share of sent', values: rows.map(([, n]) => share(n, sent)) }],
    });
  recipients('Funnel', 'Stage', [
    ['Sent', sent],
    ['Delivered', delivered],
    ['Opened', opened],
    ['Clicked', clicked],
  ]);
  recipients('Bounces and unsubscriptions', 'Event', [
    ['Hard bounces', hard],
    ['Soft bounces', soft],
    ['Unsubscriptions', unsubscribed],
    ['Spam complaints', complaints],
  ]);

  showLinks(root, stats.linksStats);
  showDevices(root, stats.statsByDevice);
});

/** One part of the campaign's statistics, through the host; undefined when it cannot be had. */
async function fetchPart(ctx: ViewContext, campaignId: number, part: StatisticsPart): Promise<unknown> {
  try {
    const answer = (await ctx.call('get_email_campaign', { campaignId, statistics: part })) as Campaign;
    return (answer.statistics as Record<string, unknown> | undefined)?.[part];
  } catch {
    return undefined;
  }
}

/** A section that has nothing to chart: its heading, and a notice saying why. */
function emptyCard(title: string, why: string): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), notice(why));
}

function showLinks(root: HTMLElement, links: unknown): void {
  const all = linkClicks(links);
  if (!all.length) {
    root.append(
      emptyCard(
        'Top links',
        links ? 'No link clicks recorded for this campaign.' : 'Brevo gave no link statistics for this campaign.',
      ),
    );
    return;
  }
  const top = all.slice(0, TOP_LINKS);
  const total = all.reduce((sum, [, n]) => sum + n, 0);
  const { host, labels } = linkLabels(top.map(([url]) => url));
  mountChart(root, {
    title: `${all.length > TOP_LINKS ? `Top ${TOP_LINKS} of ${all.length} links` : 'Top links'}${host ? ` on ${host}` : ''}`,
    summary: `Clicks per link: ${top.map(([url, n]) => `${url} ${int(n)}`).join(', ')}.`,
    kind: 'bar',
    horizontal: true,
    labels: top.map(([url]) => url),
    axisLabels: labels,
    labelHeading: 'Link',
    series: [{ name: 'Clicks', values: top.map(([, n]) => n) }],
    extraColumns: [{ name: 'Share of clicks', values: top.map(([, n]) => share(n, total)) }],
  });
}

function showDevices(root: HTMLElement, byDevice: unknown): void {
  const rows = deviceRows(byDevice);
  if (!rows.length) {
    root.append(
      emptyCard(
        'Devices',
        byDevice
          ? 'No opens or clicks by device recorded for this campaign.'
          : 'Brevo gave no device statistics for this campaign.',
      ),
    );
    return;
  }
  mountChart(root, {
    title: 'Devices',
    summary: `Unique opens and clicks by device: ${rows.map((r) => `${r.device} ${int(r.opens)} opens, ${int(r.clicks)} clicks`).join('; ')}.`,
    kind: 'bar',
    labels: rows.map((r) => r.device),
    labelHeading: 'Device',
    series: [
      { name: 'Unique opens', values: rows.map((r) => r.opens) },
      { name: 'Unique clicks', values: rows.map((r) => r.clicks) },
    ],
    extraColumns: [{ name: 'Clients', values: rows.map((r) => r.clients.join(', ')) }],
  });
}
