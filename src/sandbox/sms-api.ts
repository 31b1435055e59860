// SMS with real state: campaigns (create, schedule, send now to the lists' members who have an
// SMS number, status changes, statistics that follow the sends) and transactional SMS, which show
// in the SMS event log and the aggregated and per-day reports. Both spend the account's SMS
// credits. Nothing is delivered anywhere.
import { randomBytes } from 'node:crypto';
import { foundIn, invalid, missing, SandboxError, type SandboxRequest, routes } from './http.js';
import { smsParts, type SmsCampaign, type SmsEvent, type SmsFate } from './messaging-store.js';
import { eachDay, reportWindow, spendCredits, within } from './sending.js';
import { DAY, type Store } from './store.js';
import {
  bodyOf,
  countedPage,
  intParam,
  optBool,
  optIntArray,
  optObject,
  optString,
  page,
  paging,
  queryDate,
  reqString,
  setGiven,
  sorted,
  type Body,
} from './validate.js';

/** A sender: up to 11 letters and digits, or up to 15 digits. */
function checkSender(sender: string): void {
  if (!/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$|^\d{1,15}$/.test(sender))
    throw invalid('sender should be up to 11 letters and digits, or up to 15 digits');
}

/** A mobile number with its country code, as Brevo stores it: digits only. */
function phoneOf(raw: string, field: string): string {
  const digits = raw.replace(/^\+|^00|[\s.()-]/g, '');
  if (!/^\d{8,15}$/.test(digits)) throw invalid(`${field}: ${raw} is not a mobile number with its country code`);
  return digits;
}

function smsCampaign(store: Store, req: SandboxRequest): SmsCampaign {
  return foundIn(store.messaging.smsCampaigns, intParam(req, 'campaignId'), 'SMS campaign not found');
}

function campaignFields(store: Store, body: Body, c: SmsCampaign): void {
  const sender = optString(body, 'sender');
  if (sender !== undefined) checkSender(sender);
  const recipients = optObject(body, 'recipients');
  const lists = recipients ? optIntArray(recipients, 'listIds') : undefined;
  const exclusions = recipients ? optIntArray(recipients, 'exclusionListIds') : undefined;
  for (const id of [...(lists ?? []), ...(exclusions ?? [])])
    if (!store.lists.has(id)) throw invalid(`recipients: list ${id} does not exist`);
  const scheduledAt = optString(body, 'scheduledAt');
  if (scheduledAt !== undefined && Number.isNaN(Date.parse(scheduledAt)))
    throw invalid('scheduledAt is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)');
  const name = optString(body, 'name');
  const content = optString(body, 'content');
  if (name !== undefined) c.name = name;
  if (content !== undefined) c.content = content;
  if (sender !== undefined) c.sender = sender;
  if (lists) c.recipients.lists = [...lists];
  if (exclusions) c.recipients.exclusionLists = [...exclusions];
  setGiven(c, {
    unicodeEnabled: optBool(body, 'unicodeEnabled'),
    organisationPrefix: optString(body, 'organisationPrefix'),
    unsubscribeInstruction: optString(body, 'unsubscribeInstruction'),
  });
  if (scheduledAt !== undefined) {
    c.scheduledAt = new Date(scheduledAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (c.status === 'draft') c.status = 'queued';
  }
  c.modifiedAt = store.now();
}

function createCampaign(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const now = store.now();
  const c: SmsCampaign = {
    id: store.nextId('sms-campaign'),
    name: reqString(body, 'name'),
    status: 'draft',
    content: reqString(body, 'content'),
    sender: reqString(body, 'sender'),
    recipients: { lists: [], exclusionLists: [] },
    unicodeEnabled: false,
    createdAt: now,
    modifiedAt: now,
    fates: [],
  };
  campaignFields(store, body, c);
  store.messaging.smsCampaigns.set(c.id, c);
  return { status: 201, body: { id: c.id } };
}

/** The text a recipient gets: the organisation prefix, the content, the opt-out instruction. */
const fullText = (c: SmsCampaign) =>
  [c.organisationPrefix, c.content, c.unsubscribeInstruction].filter(Boolean).join(' ');

/** Sends a campaign to its lists' members with an SMS number, not SMS-blocklisted, not excluded. */
export function sendSmsCampaign(store: Store, c: SmsCampaign, at: string): void {
  const excluded = new Set(c.recipients.exclusionLists.flatMap((id) => store.members(id).map((m) => m.id)));
  const reached = new Map<number, string>();
  for (const id of c.recipients.lists) {
    for (const m of store.members(id))
      if (!excluded.has(m.id) && !m.smsBlacklisted && typeof m.attributes.SMS === 'string')
        reached.set(m.id, m.attributes.SMS);
  }
  if (!reached.size) throw invalid('The campaign has no recipients: no contact of its lists has an SMS number');
  spendCredits(store, reached.size * smsParts(fullText(c), c.unicodeEnabled), 'sms');
  c.fates = [...reached].map(([contactId, phone]): SmsFate => ({ phone, contactId, result: 'delivered' }));
  c.status = 'sent';
  c.sentDate = at;
  c.scheduledAt ??= at;
  c.modifiedAt = at;
}

/** Queued campaigns whose time has come are sent. */
export function sendDueSmsCampaigns(store: Store): void {
  const now = store.clock().getTime();
  for (const c of store.messaging.smsCampaigns.values()) {
    if (c.status !== 'queued' || !c.scheduledAt || Date.parse(c.scheduledAt) > now) continue;
    try {
      sendSmsCampaign(store, c, c.scheduledAt);
    } catch {
      // No recipients or no credits when its time came: Brevo suspends it.
      c.status = 'suspended';
    }
  }
}

const STATUS_QUERY = ['suspended', 'archive', 'sent', 'queued', 'draft', 'inProcess'];

function getCampaigns(req: SandboxRequest, store: Store) {
  const status = req.query.get('status');
  if (status && !STATUS_QUERY.includes(status)) throw invalid(`status should be one of ${STATUS_QUERY.join(', ')}`);
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start || end) && status !== 'sent') throw invalid('startDate and endDate can be used only with status sent');
  const found = [...store.messaging.smsCampaigns.values()].filter(
    (c) =>
      (!status || c.status === status) &&
      (!start || (c.sentDate !== undefined && Date.parse(c.sentDate) >= start.getTime())) &&
      (!end || (c.sentDate !== undefined && Date.parse(c.sentDate) < end.getTime() + DAY)),
  );
  const ordered = sorted(req, found);
  return countedPage('campaigns', ordered, paging(req, 500, 1000), (c) => store.messaging.smsCampaignView(c));
}

function changeStatus(req: SandboxRequest, store: Store) {
  const c = smsCampaign(store, req);
  const status = reqString(bodyOf(req), 'status');
  if (status === 'replicate' || status === 'replicateTemplate') {
    const now = store.now();
    const copy: SmsCampaign = {
      ...structuredClone(c),
      id: store.nextId('sms-campaign'),
      name: `${c.name} (copy)`,
      status: 'draft',
      createdAt: now,
      modifiedAt: now,
      sentDate: undefined,
      scheduledAt: undefined,
      fates: [],
    };
    store.messaging.smsCampaigns.set(copy.id, copy);
  } else if (status === 'darchive') {
    if (c.status !== 'archive') throw invalid('Only an archived campaign can be unarchived');
    c.status = c.sentDate ? 'sent' : 'draft';
  } else if (status === 'sent') {
    if (!c.sentDate)
      throw invalid('Use send_sms_campaign_now (POST /smsCampaigns/{campaignId}/sendNow) to send a campaign');
    c.status = 'sent';
  } else {
    if ((status === 'draft' || status === 'queued') && c.sentDate)
      throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent');
    if (status === 'queued' && !c.scheduledAt) throw missing('scheduledAt');
    c.status = status as SmsCampaign['status'];
  }
  c.modifiedAt = store.now();
  return { status: 204 };
}

function editable(store: Store, req: SandboxRequest): SmsCampaign {
  const c = smsCampaign(store, req);
  if (c.sentDate) throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent and cannot be changed');
  return c;
}

function sent(store: Store, req: SandboxRequest): SmsCampaign {
  const c = smsCampaign(store, req);
  if (!c.sentDate) throw invalid('The campaign has not been sent yet');
  return c;
}

// Transactional SMS.

function sendTransactional(req: SandboxRequest, store: Store, queued: boolean) {
  const body = bodyOf(req);
  const sender = reqString(body, 'sender');
  checkSender(sender);
  const recipient = phoneOf(reqString(body, 'recipient'), 'recipient');
  const content = reqString(body, 'content');
  const unicode = optBool(body, 'unicodeEnabled') ?? false;
  const prefix = optString(body, 'organisationPrefix');
  const rawTag = body.tag;
  const tag = Array.isArray(rawTag) ? rawTag.map(String).join(',') : typeof rawTag === 'string' ? rawTag : undefined;
  const type = (optString(body, 'type') ?? 'transactional') as 'transactional' | 'marketing';
  const text = prefix ? `${prefix} ${content}` : content;
  const smsCount = smsParts(text, unicode);
  const contact = store.contactByAttribute('SMS', recipient);
  if (contact?.smsBlacklisted && type === 'marketing')
    throw invalid(`recipient ${recipient} has unsubscribed from SMS`);
  const remainingCredits = spendCredits(store, smsCount, 'sms');
  const messageId = store.nextId('sms') + 1_511_882_900_176_000;
  const reference = randomBytes(10).toString('hex').slice(0, 19);
  const date = store.now();
  store.messaging.sms.push({
    messageId,
    reference,
    recipient,
    sender,
    content: text,
    ...(tag ? { tag } : {}),
    type,
    date,
    smsCount,
  });
  for (const event of ['sent', 'accepted', 'delivered'] as const) {
    store.messaging.smsEvents.push({
      phoneNumber: recipient,
      date,
      messageId: String(messageId),
      event,
      ...(tag ? { tag } : {}),
    });
  }
  if (queued) return { status: 201, body: { messageId } };
  return { status: 201, body: { reference, messageId, smsCount, usedCredits: smsCount, remainingCredits } };
}

/** Brevo's SMS counters over a set of events. */
function tally(events: SmsEvent[]) {
  const count = (name: SmsEvent['event']) => events.filter((e) => e.event === name).length;
  return {
    requests: count('sent'),
    delivered: count('delivered'),
    hardBounces: count('hardBounces'),
    softBounces: count('softBounces'),
    blocked: count('blocked'),
    unsubscribed: count('unsubscription'),
    replied: count('replies'),
    accepted: count('accepted'),
    rejected: count('rejected'),
    skipped: count('skipped'),
  };
}

function smsEvents(req: SandboxRequest, store: Store) {
  const range = reportWindow(req, store, 30, 90);
  const phone = req.query.get('phoneNumber');
  const event = req.query.get('event');
  const tags = req.query
    .get('tags')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const wanted = (e: SmsEvent) =>
    event === 'bounces' ? e.event === 'hardBounces' || e.event === 'softBounces' : e.event === event;
  const found = store.messaging.smsEvents.filter(
    (e) =>
      within(e.date, range) &&
      (!phone || e.phoneNumber === phone.replace(/^\+/, '')) &&
      (!event || wanted(e)) &&
      (!tags?.length || (e.tag !== undefined && tags.some((t) => e.tag!.split(',').includes(t)))),
  );
  return { status: 200, body: { events: page(sorted(req, found), paging(req, 50, 100)).map((e) => ({ ...e })) } };
}

function taggedIn(req: SandboxRequest, store: Store, range: [Date, Date]) {
  const tag = req.query.get('tag');
  return store.messaging.smsEvents.filter(
    (e) => within(e.date, range) && (!tag || (e.tag?.split(',').includes(tag) ?? false)),
  );
}

export const smsRoutes = routes({
  'GET /smsCampaigns': getCampaigns,
  'POST /smsCampaigns': createCampaign,
  'GET /smsCampaigns/{campaignId}': (req, store) => ({
    status: 200,
    body: store.messaging.smsCampaignView(smsCampaign(store, req)),
  }),
  'PUT /smsCampaigns/{campaignId}': (req, store) => {
    campaignFields(store, bodyOf(req), editable(store, req));
    return { status: 204 };
  },
  'DELETE /smsCampaigns/{campaignId}': (req, store) => {
    store.messaging.smsCampaigns.delete(smsCampaign(store, req).id);
    return { status: 204 };
  },
  'POST /smsCampaigns/{campaignId}/sendNow': (req, store) => {
    sendSmsCampaign(store, editable(store, req), store.now());
    return { status: 204 };
  },
  'PUT /smsCampaigns/{campaignId}/status': changeStatus,
  'POST /smsCampaigns/{campaignId}/sendTest': (req, store) => {
    const c = smsCampaign(store, req);
    const phone = optString(bodyOf(req), 'phoneNumber');
    if (phone === undefined) throw missing('phoneNumber');
    const number = phoneOf(phone, 'phoneNumber');
    // Brevo sends tests only to numbers of the account's contacts.
    if (!store.contactByAttribute('SMS', number))
      throw invalid(`phoneNumber: ${phone} is not the SMS number of a contact`);
    spendCredits(store, smsParts(fullText(c), c.unicodeEnabled), 'sms');
    return { status: 204 };
  },
  'POST /smsCampaigns/{campaignId}/exportRecipients': (req, store) => {
    sent(store, req);
    return { status: 202, body: { processId: store.nextId('process') } };
  },
  'POST /smsCampaigns/{campaignId}/sendReport': (req, store) => {
    sent(store, req);
    return { status: 204 };
  },
  'POST /transactionalSMS/sms': (req, store) => sendTransactional(req, store, false),
  'POST /transactionalSMS/send': (req, store) => sendTransactional(req, store, true),
  'GET /transactionalSMS/statistics/events': smsEvents,
  'GET /transactionalSMS/statistics/aggregatedReport': (req, store) => {
    const range = reportWindow(req, store, 30);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return {
      status: 200,
      body: { range: `${day(range[0])}|${day(range[1])}`, ...tally(taggedIn(req, store, range)) },
    };
  },
  'GET /transactionalSMS/statistics/reports': (req, store) => {
    const range = reportWindow(req, store, 29);
    const events = taggedIn(req, store, range);
    const rows = eachDay(range).map((date) => ({ date, ...tally(events.filter((e) => e.date.startsWith(date))) }));
    return { status: 200, body: { reports: sorted(req, rows) } };
  },
});
