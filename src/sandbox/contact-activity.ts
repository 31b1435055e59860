// One contact's email campaign activity, read from the same per-recipient fates the campaign
// statistics are counted from: get_contact_stats, get_contact_info's statistics and the
// recipients exports all agree with the campaign report. Event times are derived, stable ones.
import type { Engagement } from './campaign-stats.js';
import type { Campaign, Contact, Store } from './store.js';

const MINUTE = 60_000;

/** When a recipient's first open (or click) happened: minutes after the send, stable per contact. */
export function eventTime(campaign: Campaign, contactId: number, extraMinutes = 0): string {
  const minutes = 5 + ((contactId * 37) % 600) + extraMinutes;
  return new Date(Date.parse(campaign.sentDate!) + minutes * MINUTE).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A documentation-range address, stable per contact, for the ip Brevo gives with opens and clicks. */
export const openerIp = (contactId: number) => `198.51.100.${(contactId % 250) + 1}`;

/** Sent campaigns that went to this contact, oldest first, with what the contact did. */
export function campaignsOf(store: Store, contact: Contact): [Campaign, Engagement][] {
  return [...store.campaigns.values()]
    .filter((c) => c.sentDate && c.sentTo?.includes(contact.id))
    .sort((a, b) => a.sentDate!.localeCompare(b.sentDate!))
    .map((c) => [c, c.engagement[contact.id] ?? {}]);
}

/** Brevo's getContactCampaignStats for one contact ({} when no campaign reached it). */
export function contactCampaignStats(store: Store, contact: Contact) {
  const reached = campaignsOf(store, contact);
  if (!reached.length) return {};
  const at = (c: Campaign) => ({ campaignId: c.id, eventTime: c.sentDate! });
  const id = contact.id;
  const ip = openerIp(id);
  const clicked = reached
    .filter(([, e]) => !e.bounce && e.clicks?.length)
    .map(([c, e]) => {
      const counts = new Map<string, number>();
      for (const url of e.clicks!) counts.set(url, (counts.get(url) ?? 0) + 1);
      return {
        campaignId: c.id,
        links: [...counts].map(([url, count], i) => ({ count, eventTime: eventTime(c, id, 2 + i), ip, url })),
      };
    });
  const stats = {
    messagesSent: reached.map(([c]) => at(c)),
    hardBounces: reached.filter(([, e]) => e.bounce === 'hard').map(([c]) => at(c)),
    softBounces: reached.filter(([, e]) => e.bounce === 'soft').map(([c]) => at(c)),
    complaints: reached
      .filter(([, e]) => !e.bounce && e.complaint)
      .map(([c]) => ({ ...at(c), eventTime: eventTime(c, id, 30) })),
    unsubscriptions: {
      userUnsubscription: reached
        .filter(([, e]) => !e.bounce && e.unsubscribed)
        .map(([c]) => ({ campaignId: c.id, eventTime: eventTime(c, id, 10), ip })),
      adminUnsubscription: [] as { eventTime: string; ip: string }[],
    },
    opened: reached
      .filter(([, e]) => !e.bounce && (e.opens ?? 0) > 0)
      .map(([c, e]) => ({ campaignId: c.id, count: e.opens!, eventTime: eventTime(c, id), ip })),
    clicked,
    delivered: reached.filter(([, e]) => !e.bounce).map(([c]) => at(c)),
  };
  // Brevo leaves out the kinds of event that never happened.
  return Object.fromEntries(
    Object.entries(stats).filter(([k, v]) => (k === 'unsubscriptions' ? true : (v as unknown[]).length > 0)),
  );
}

export type RecipientsType =
  | 'all'
  | 'openers'
  | 'nonOpeners'
  | 'clickers'
  | 'nonClickers'
  | 'unsubscribed'
  | 'hardBounces'
  | 'softBounces';

/** Whether a recipient's fate puts it among the recipients of a type. */
export function isOfType(e: Engagement, type: RecipientsType): boolean {
  // As the campaign's counters count them: uniqueViews are recipients with an open.
  const opened = !e.bounce && (e.opens ?? 0) > 0;
  const clicked = !e.bounce && (e.clicks?.length ?? 0) > 0;
  switch (type) {
    case 'all':
      return true;
    case 'openers':
      return opened;
    case 'nonOpeners':
      return !e.bounce && !opened;
    case 'clickers':
      return clicked;
    case 'nonClickers':
      return !e.bounce && !clicked;
    case 'unsubscribed':
      return !e.bounce && e.unsubscribed === true;
    case 'hardBounces':
      return e.bounce === 'hard';
    case 'softBounces':
      return e.bounce === 'soft';
  }
}

/** The sender and time of the campaign through which the contact unsubscribed, if one did it. */
export function unsubscribedThrough(store: Store, contact: Contact): [sender: string, at: string] | undefined {
  const through = campaignsOf(store, contact).find(([, e]) => !e.bounce && e.unsubscribed);
  return through && [through[0].sender.email, eventTime(through[0], contact.id, 10)];
}
