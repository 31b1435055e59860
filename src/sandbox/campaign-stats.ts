// An email campaign's statistics, always derived from what happened to each recipient: the
// global and per-list counters, and the breakdowns by link, recipient domain, device and browser
// that Brevo's campaign report shows. Nothing here is stored apart from the recipients' fates.
import type { Campaign, Contact, Store } from './store.js';

/** What one recipient of a sent campaign did. Absent: delivered, nothing more. */
export interface Engagement {
  bounce?: 'hard' | 'soft';
  /** Opens; the first one from this device and mail client/browser. */
  opens?: number;
  device?: 'desktop' | 'mobile' | 'tablet' | 'unknown';
  /** Mail client or operating system under its device (Brevo's statsByDevice keys), e.g. "Apple Mail". */
  client?: string;
  browser?: string;
  /** Links clicked, one entry per click. */
  clicks?: string[];
  unsubscribed?: boolean;
  complaint?: boolean;
}

export interface CampaignStats {
  listId?: number;
  uniqueClicks: number;
  clickers: number;
  complaints: number;
  delivered: number;
  sent: number;
  softBounces: number;
  hardBounces: number;
  uniqueViews: number;
  trackableViews: number;
  unsubscriptions: number;
  viewed: number;
  deferred: number;
}

type Fate = [contact: Contact | undefined, engagement: Engagement];

function counters(fates: Fate[], listId?: number): CampaignStats {
  const e = fates.map(([, f]) => f);
  const delivered = e.filter((f) => !f.bounce);
  const openers = delivered.filter((f) => (f.opens ?? 0) > 0);
  const clickers = delivered.filter((f) => f.clicks?.length);
  return {
    ...(listId !== undefined ? { listId } : {}),
    uniqueClicks: clickers.reduce((n, f) => n + new Set(f.clicks).size, 0),
    clickers: clickers.length,
    complaints: delivered.filter((f) => f.complaint).length,
    delivered: delivered.length,
    sent: e.length,
    softBounces: e.filter((f) => f.bounce === 'soft').length,
    hardBounces: e.filter((f) => f.bounce === 'hard').length,
    uniqueViews: openers.length,
    // Opens Brevo could see (images loaded); the rest are counted through clicks.
    trackableViews: openers.filter((f) => f.device !== 'unknown').length,
    unsubscriptions: delivered.filter((f) => f.unsubscribed).length,
    viewed: openers.reduce((n, f) => n + (f.opens ?? 0), 0),
    deferred: 0,
  };
}

function engagementCounters(fates: Engagement[]) {
  const openers = fates.filter((f) => (f.opens ?? 0) > 0);
  const clickers = fates.filter((f) => f.clicks?.length);
  return {
    clickers: clickers.length,
    uniqueClicks: clickers.reduce((n, f) => n + new Set(f.clicks).size, 0),
    viewed: openers.reduce((n, f) => n + (f.opens ?? 0), 0),
    uniqueViews: openers.length,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** The recipients of a sent campaign with what each did (deleted contacts still count). */
export function fates(store: Store, campaign: Campaign): Fate[] {
  return (campaign.sentTo ?? []).map((id) => [store.contacts.get(id), campaign.engagement[id] ?? {}]);
}

/** Brevo's `statistics` object of a campaign, from its recipients' fates. */
export function campaignStatistics(store: Store, campaign: Campaign) {
  const all = fates(store, campaign);
  const byList = campaign.recipients.lists.map((listId) =>
    counters(
      all.filter(([c]) => c?.listIds.includes(listId) ?? false),
      listId,
    ),
  );
  const linksStats: Record<string, number> = {};
  for (const [, f] of all) for (const url of f.clicks ?? []) linksStats[url] = (linksStats[url] ?? 0) + 1;
  const domainOf = ([c]: Fate) => c?.email?.slice(c.email.indexOf('@') + 1);
  const statsByDomain = Object.fromEntries([...groupBy(all, domainOf)].map(([domain, fs]) => [domain, counters(fs)]));
  const opened = all.map(([, f]) => f).filter((f) => (f.opens ?? 0) > 0 || f.clicks?.length);
  const statsByDevice: Record<string, Record<string, ReturnType<typeof engagementCounters>>> = {};
  for (const [device, fs] of groupBy(opened, (f) => f.device ?? 'unknown')) {
    statsByDevice[device] = Object.fromEntries(
      [...groupBy(fs, (f) => f.client ?? 'Other')].map(([client, g]) => [client, engagementCounters(g)]),
    );
  }
  const statsByBrowser = Object.fromEntries(
    [...groupBy(opened, (f) => f.browser)].map(([browser, g]) => [browser, engagementCounters(g)]),
  );
  return {
    globalStats: counters(all),
    campaignStats: byList,
    mirrorClick: 0,
    remaining: 0,
    linksStats,
    statsByDomain,
    statsByDevice,
    statsByBrowser,
  };
}
