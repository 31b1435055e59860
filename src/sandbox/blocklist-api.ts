// The transactional blocklist, derived from what happened: hard bounces (campaigns and
// transactional emails) and contacts blocklisted for email (unsubscribed through a campaign, or
// by the API). Unblocking an address clears its bounces and resubscribes its contact; blocked
// domains are kept as a list.
import { unsubscribedThrough } from './contact-activity.js';
import { invalid, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { DAY, type Store } from './store.js';
import { bodyOf, page, paging, queryDate, reqString } from './validate.js';

type Code = 'unsubscribedViaEmail' | 'unsubscribedViaApi' | 'hardBounce';
const MESSAGES: Record<Code, string> = {
  unsubscribedViaEmail: 'Contact unsubscribed via email',
  unsubscribedViaApi: 'Contact unsubscribed via API',
  hardBounce: 'Hard bounce',
};

interface Blocked {
  email: string;
  senderEmail: string;
  reason: { code: Code; message: string };
  blockedAt: string;
}

/** Every blocked address now, newest first, one entry per address and sender. */
export function blockedContacts(store: Store): Blocked[] {
  const out = new Map<string, Blocked>();
  const add = (email: string, senderEmail: string, code: Code, blockedAt: string) => {
    const cleared = store.unblockedAt.get(email);
    if (code === 'hardBounce' && cleared !== undefined && blockedAt <= cleared) return;
    const key = `${email} ${senderEmail}`;
    const known = out.get(key);
    if (!known || known.blockedAt < blockedAt)
      out.set(key, { email, senderEmail, reason: { code, message: MESSAGES[code] }, blockedAt });
  };
  for (const campaign of store.campaigns.values()) {
    if (!campaign.sentDate) continue;
    for (const id of campaign.sentTo ?? []) {
      const email = store.contacts.get(id)?.email;
      if (email && campaign.engagement[id]?.bounce === 'hard')
        add(email, campaign.sender.email, 'hardBounce', campaign.sentDate);
    }
  }
  for (const e of store.events) if (e.event === 'hardBounces') add(e.email, e.from, 'hardBounce', e.date);
  const sender = store.account.email;
  for (const c of store.contacts.values()) {
    if (!c.emailBlacklisted || !c.email) continue;
    const viaCampaign = unsubscribedThrough(store, c);
    if (viaCampaign) add(c.email, viaCampaign[0], 'unsubscribedViaEmail', viaCampaign[1]);
    else add(c.email, sender, 'unsubscribedViaApi', c.modifiedAt);
  }
  return [...out.values()].sort((a, b) => b.blockedAt.localeCompare(a.blockedAt));
}

function listBlockedContacts(req: SandboxRequest, store: Store) {
  const window = paging(req, 50, 100);
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start === undefined) !== (end === undefined)) throw invalid('startDate and endDate go together (YYYY-MM-DD)');
  const senders = req.query
    .getAll('senders')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  let all = blockedContacts(store).filter(
    (b) =>
      (!senders.length || senders.includes(b.senderEmail.toLowerCase())) &&
      (!start || Date.parse(b.blockedAt) >= start.getTime()) &&
      (!end || Date.parse(b.blockedAt) < end.getTime() + DAY),
  );
  const sort = req.query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalid('sort should be asc or desc');
  if (sort === 'asc') all = all.reverse();
  return { status: 200, body: { count: all.length, contacts: page(all, window) } };
}

function unblockContact(req: SandboxRequest, store: Store) {
  const email = (req.params.email ?? '').toLowerCase();
  if (!blockedContacts(store).some((b) => b.email === email)) throw notFound('Contact is not blocked');
  store.unblockedAt.set(email, store.now());
  const contact = store.contactByEmail(email);
  if (contact) {
    contact.emailBlacklisted = false;
    contact.modifiedAt = store.now();
  }
  return { status: 204 };
}

function deleteHardBounces(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const startDate = body.startDate as string | undefined;
  const endDate = body.endDate as string | undefined;
  if ((startDate === undefined) !== (endDate === undefined))
    throw invalid('startDate and endDate go together (YYYY-MM-DD)');
  const from = startDate ? Date.parse(`${startDate}T00:00:00Z`) : -Infinity;
  const to = endDate ? Date.parse(`${endDate}T23:59:59Z`) : Infinity;
  if (Number.isNaN(from) || Number.isNaN(to)) throw invalid('startDate and endDate should be dates (YYYY-MM-DD)');
  if (from > to) throw invalid('startDate should be before endDate');
  const contactEmail = typeof body.contactEmail === 'string' ? body.contactEmail.toLowerCase() : undefined;
  for (const b of blockedContacts(store)) {
    const t = Date.parse(b.blockedAt);
    if (b.reason.code !== 'hardBounce' || t < from || t > to) continue;
    if (contactEmail !== undefined && b.email !== contactEmail) continue;
    const cleared = store.unblockedAt.get(b.email);
    if (!cleared || cleared < b.blockedAt) store.unblockedAt.set(b.email, b.blockedAt);
  }
  return { status: 204 };
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const blocklistRoutes = routes({
  'GET /smtp/blockedContacts': listBlockedContacts,
  'DELETE /smtp/blockedContacts/{email}': unblockContact,
  'POST /smtp/deleteHardbounces': deleteHardBounces,
  'GET /smtp/blockedDomains': (_req, store) => ({
    status: 200,
    body: { domains: store.blockedDomains.map((d) => d.domain) },
  }),
  'POST /smtp/blockedDomains': (req, store) => {
    const domain = reqString(bodyOf(req), 'domain').trim().toLowerCase();
    if (!DOMAIN.test(domain)) throw invalid('domain is not a valid domain name (example.com)');
    if (store.blockedDomains.some((d) => d.domain === domain))
      throw new SandboxError(400, 'duplicate_parameter', `Domain ${domain} is already blocked`);
    store.blockedDomains.push({ domain, blockedAt: store.now() });
    return { status: 201 };
  },
  'DELETE /smtp/blockedDomains/{domain}': (req, store) => {
    const domain = (req.params.domain ?? '').toLowerCase();
    const at = store.blockedDomains.findIndex((d) => d.domain === domain);
    if (at < 0) throw notFound('Domain is not blocked');
    store.blockedDomains.splice(at, 1);
    return { status: 204 };
  },
});
