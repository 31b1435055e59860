// Brevo's answers turned into what the views draw: plain functions, no DOM, tolerant of missing fields and of data
// richer than the demo account's.
import { num } from './format.js';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObject) : []);

/* ---------- email campaign ---------- */

export type StatisticsPart = 'globalStats' | 'linksStats' | 'statsByDevice';

/**
 * The parts of a campaign's statistics the report needs and the answer lacks. Asked for with
 * one kind of statistics only (the tool's `statistics` argument), Brevo leaves out the others;
 * an answer without any statistics (a draft) lacks nothing worth asking for.
 */
export function missingStatistics(statistics: unknown): StatisticsPart[] {
  if (!isObject(statistics) || !Object.keys(statistics).length) return [];
  return (['globalStats', 'linksStats', 'statsByDevice'] as const).filter((part) => statistics[part] === undefined);
}

/** Clicks per link, most clicked first. Brevo writes a link's clicks as a number or as { nbClick }. */
export function linkClicks(links: unknown): [url: string, clicks: number][] {
  if (!isObject(links)) return [];
  return Object.entries(links)
    .map(([url, v]): [string, number] => [url, isObject(v) ? num(v.nbClick) : num(v)])
    .sort((a, b) => b[1] - a[1]);
}

const LINK_LABEL = 28;

/**
 * Short axis labels for links: the path when every link is on one site (named once, as host),
 * else site and path; without the query (tracking parameters), the end kept when long, since
 * that is where links differ. The table keeps the full addresses.
 */
export function linkLabels(urls: string[]): { host?: string; labels: string[] } {
  const parsed = urls.map((u) => {
    try {
      const url = new URL(u);
      return { host: url.host.replace(/^www\./, ''), path: decodeURI(url.pathname) };
    } catch {
      return undefined;
    }
  });
  const hosts = new Set(parsed.map((p) => p?.host));
  const oneHost = parsed.every(Boolean) && hosts.size === 1 ? parsed[0]!.host : undefined;
  const seen = new Map<string, number>();
  const labels = urls.map((u, i) => {
    const p = parsed[i];
    let label = p ? (oneHost ? p.path : `${p.host}${p.path === '/' ? '' : p.path}`) : u;
    if (label.length > LINK_LABEL) label = `…${label.slice(-(LINK_LABEL - 1))}`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} (${n})` : label;
  });
  return { host: oneHost, labels };
}

export interface DeviceRow {
  device: string;
  opens: number;
  clicks: number;
  /** The clients Brevo names under the device (iPhone, androidMobile, mac...). */
  clients: string[];
}

const DEVICE_NAMES: Record<string, string> = {
  desktop: 'Desktop',
  mobile: 'Mobile',
  tablet: 'Tablet',
  unknown: 'Unknown device',
};

/** Unique opens and clicks per kind of device, summed over the clients Brevo lists under each. */
export function deviceRows(byDevice: unknown): DeviceRow[] {
  if (!isObject(byDevice)) return [];
  return Object.entries(byDevice)
    .map(([device, clients]) => {
      const entries = isObject(clients) ? Object.entries(clients).filter(([, s]) => isObject(s)) : [];
      return {
        device: DEVICE_NAMES[device] ?? device,
        opens: entries.reduce((sum, [, s]) => sum + num((s as Loose).uniqueViews), 0),
        clicks: entries.reduce((sum, [, s]) => sum + num((s as Loose).uniqueClicks), 0),
        clients: entries.map(([name]) => name),
      };
    })
    .filter((r) => r.opens || r.clicks || r.clients.length);
}

/* ---------- transactional email per day ---------- */

export const DAY_FIELDS = [
  'requests',
  'delivered',
  'uniqueOpens',
  'uniqueClicks',
  'hardBounces',
  'softBounces',
  'blocked',
  'invalid',
  'spamReports',
  'unsubscribed',
] as const;
export type DayField = (typeof DAY_FIELDS)[number];
export type DayRow = { date: string } & Record<DayField, number>;

/** One row per day, oldest first; a day given twice (pages that overlap) counts once. */
export function dayRows(reports: unknown): DayRow[] {
  const byDate = new Map<string, DayRow>();
  for (const r of list(reports)) {
    if (typeof r.date !== 'string') continue;
    const row = { date: r.date.slice(0, 10) } as DayRow;
    for (const field of DAY_FIELDS) row[field] = num(r[field]);
    byDate.set(row.date, row);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function dayTotals(rows: DayRow[]): Record<DayField, number> {
  const totals = Object.fromEntries(DAY_FIELDS.map((f) => [f, 0])) as Record<DayField, number>;
  for (const row of rows) for (const f of DAY_FIELDS) totals[f] += row[f];
  return totals;
}

/* ---------- contact lists ---------- */

export interface ListRow {
  id: number;
  name: string;
  subscribed: number;
  blocklisted: number;
  /** Every contact in the list, blocklisted ones included. */
  contacts: number;
}

/** Brevo's list counters: totalSubscribers are reachable, totalBlacklisted blocklisted, uniqueSubscribers all. */
export function listRows(lists: unknown): ListRow[] {
  return list(lists).map((l) => {
    const subscribed = num(l.totalSubscribers);
    const blocklisted = num(l.totalBlacklisted);
    return {
      id: num(l.id),
      name: typeof l.name === 'string' ? l.name : `List ${num(l.id)}`,
      subscribed,
      blocklisted,
      contacts: num(l.uniqueSubscribers) || subscribed + blocklisted,
    };
  });
}

export interface GrowthMonth {
  /** YYYY-MM */
  month: string;
  added: number;
  /** Contacts in the list at the month's end (of those in it now). */
  total: number;
}

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Growth of a list by month from the contacts now in it, newest first as Brevo lists them: each
 * month's new contacts (by the date each was created) and the list's size at the month's end.
 * When only the newest contacts were read, months before the oldest one read are left out, since
 * their numbers would be guesses.
 */
export function growthByMonth(contacts: unknown, listSize: number, now: Date, months = 12): GrowthMonth[] {
  const created = list(contacts)
    .map((c) => new Date(String(c.createdAt ?? '')))
    .filter((d) => !Number.isNaN(d.getTime()));
  const complete = created.length >= listSize;
  const oldest = created.reduce<Date | undefined>((min, d) => (!min || d < min ? d : min), undefined);
  const out: GrowthMonth[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i + 1, 1));
    if (!complete && (!oldest || start <= oldest)) continue;
    const added = created.filter((d) => d >= start && d < end).length;
    const later = created.filter((d) => d >= end).length;
    out.push({ month: monthOf(start), added, total: Math.max(0, Math.max(listSize, created.length) - later) });
  }
  // Leading months before the list had anyone are noise.
  while (out.length > 1 && out[0]!.total === 0 && out[0]!.added === 0) out.shift();
  return out;
}

/* ---------- deal pipeline ---------- */

export interface StageRow {
  id: string;
  name: string;
  deals: number;
  amount: number;
}

export interface PipelineSummary {
  id: string;
  name: string;
  stages: StageRow[];
}

/**
 * Deals per stage, per pipeline, stages in the pipeline's order (empty ones too: where nothing
 * is, is news). A stage id is unique across pipelines, so it places a deal even when the deal's
 * pipeline id is not among those listed; stages not listed anywhere come last.
 */
export function pipelineSummaries(deals: unknown, pipelines: unknown): PipelineSummary[] {
  const known = list(Array.isArray(pipelines) ? pipelines : isObject(pipelines) ? [pipelines] : []).map((p) => ({
    id: String(p.pipeline ?? p.id ?? ''),
    name: String(p.pipeline_name ?? p.name ?? 'Pipeline'),
    stages: list(p.stages).map((s) => ({ id: String(s.id ?? ''), name: String(s.name ?? s.id ?? '') })),
  }));
  const stageHome = new Map<string, string>();
  for (const p of known) for (const s of p.stages) stageHome.set(s.id, p.id);

  const summaries = new Map<string, PipelineSummary>(
    known.map((p) => [p.id, { id: p.id, name: p.name, stages: p.stages.map((s) => ({ ...s, deals: 0, amount: 0 })) }]),
  );
  for (const deal of list(deals)) {
    const a = isObject(deal.attributes) ? deal.attributes : {};
    const stageId = typeof a.deal_stage === 'string' && a.deal_stage ? a.deal_stage : '';
    const pipelineId = stageHome.get(stageId) ?? (typeof a.pipeline === 'string' && a.pipeline ? a.pipeline : '');
    let summary = summaries.get(pipelineId);
    if (!summary) {
      summary = { id: pipelineId, name: pipelineId ? `Pipeline ${pipelineId.slice(0, 8)}` : 'No pipeline', stages: [] };
      summaries.set(pipelineId, summary);
    }
    let stage = summary.stages.find((s) => s.id === stageId);
    if (!stage) {
      stage = { id: stageId, name: stageId ? `Stage ${stageId.slice(0, 8)}` : 'No stage', deals: 0, amount: 0 };
      summary.stages.push(stage);
    }
    stage.deals += 1;
    stage.amount += num(a.amount);
  }
  return [...summaries.values()];
}

/** How many items a list answer holds, wherever Brevo put them. */
export function itemsOf(answer: unknown, key: string): Loose[] {
  if (Array.isArray(answer)) return list(answer);
  return isObject(answer) ? list(answer[key]) : [];
}
