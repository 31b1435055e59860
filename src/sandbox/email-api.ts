// The account, email templates, transactional sends and their log, email campaigns, senders and
// webhooks, with real state. Sends are validated like Brevo's, stored, and show up in
// /smtp/emails, /smtp/emails/{uuid} and /smtp/statistics/events; nothing is delivered anywhere.
import { randomInt, randomUUID } from 'node:crypto';
import { invalid, missing, notFound, SandboxError, type Route, type SandboxRequest } from './http.js';
import { emptyStats, iso, type Campaign, type Contact, type SenderRef, type Store, type Template } from './store.js';
import {
  bodyOf,
  intParam,
  isEmail,
  optBool,
  optEmail,
  optInt,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  queryDate,
  queryIntValue,
  reqString,
  sorted,
  type Body,
} from './validate.js';

const DAY = 86_400_000;

// Senders and sending rights.

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** A domain is authenticated in the demo account when an active sender uses it. */
function domainAuthenticated(store: Store, domain: string): boolean {
  return [...store.senders.values()].some((s) => s.active && domainOf(s.email) === domain);
}

/** A sender object from a body ({name?, email?} or {id}), as stored on templates and campaigns. */
function senderRefOf(store: Store, body: Body, key: string, required: boolean): SenderRef | undefined {
  const raw = optObject(body, key);
  if (!raw) {
    if (required) throw missing(key);
    return undefined;
  }
  const id = optInt(raw, 'id');
  if (id !== undefined) {
    const sender = store.senders.get(id);
    if (!sender) throw invalid(`${key}.id: sender ${id} does not exist`);
    return { name: sender.name, email: sender.email, id: sender.id };
  }
  const email = optString(raw, 'email');
  if (email === undefined) throw missing(`${key} email`);
  if (!isEmail(email)) throw invalid(`${key}.email is not a valid email address`);
  const name = optString(raw, 'name') ?? store.account.companyName;
  const known = [...store.senders.values()].find((s) => s.email === email.toLowerCase());
  return { name, email: email.toLowerCase(), ...(known ? { id: known.id } : {}) };
}

/** Brevo refuses to send from an address that is neither a validated sender nor on an authenticated domain. */
function checkSendingRights(store: Store, sender: SenderRef): void {
  const known = [...store.senders.values()].find((s) => s.email === sender.email);
  if (known?.active || domainAuthenticated(store, domainOf(sender.email))) return;
  throw invalid(`Sending has been rejected because the sender you used ${sender.email} is not valid. Validate your sender or authenticate your domain`);
}

function spendCredits(store: Store, count: number): void {
  const plan = store.account.plan.find((p) => p.type === 'subscription' || p.type === 'free') ?? store.account.plan[0];
  if (!plan) return;
  if (plan.credits < count) throw new SandboxError(402, 'not_enough_credits', 'Not enough credits to send this email');
  plan.credits -= count;
}

// Transactional email.

type Recipient = { email: string; name?: string };

function recipientsOf(body: Body, key: string): Recipient[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(`${key} should be an array of {email, name}`);
  return value.map((r: unknown, i) => {
    if (!r || typeof r !== 'object') throw invalid(`${key}[${i}] should be an object {email, name}`);
    const email = (r as Body).email;
    if (email === undefined) throw missing(`${key}[${i}].email`);
    if (!isEmail(email)) throw invalid(`${key}[${i}].email is not a valid email address`);
    const name = (r as Body).name;
    return { email: email.toLowerCase(), ...(typeof name === 'string' ? { name } : {}) };
  });
}

function lookup(path: string, source: unknown): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Body)[k] : undefined), source);
}

/** Brevo's template language, in its common part: {{params.X}} and {{contact.X}}. */
export function render(text: string, params: Body, contact: Contact | undefined): string {
  return text.replace(/\{\{\s*(params|contact)\.([A-Za-z0-9_.-]+)\s*(?:\|[^}]*)?\}\}/g, (_, scope: string, path: string) => {
    const value =
      scope === 'params'
        ? lookup(path, params)
        : path.toUpperCase() === 'EMAIL'
          ? contact?.email
          : contact?.attributes[path.toUpperCase()];
    return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

function newMessageId(date: Date): string {
  const stamp = iso(date).replace(/\D/g, '').slice(0, 12);
  return `<${stamp}.${randomInt(10_000_000_000, 99_999_999_999)}@smtp-relay.mailin.fr>`;
}

interface Version {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  params: Body;
  subject?: string;
  htmlContent?: string;
  textContent?: string;
}

function sendTransacEmail(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const templateId = optInt(body, 'templateId');
  let template: Template | undefined;
  if (templateId !== undefined) {
    template = store.templates.get(templateId);
    if (!template) throw invalid(`templateId: template ${templateId} does not exist`);
    if (!template.isActive) throw invalid(`Template ${templateId} is inactive; activate it before sending with it`);
  }
  const sender = senderRefOf(store, body, 'sender', false) ?? template?.sender;
  if (!sender) throw missing('sender');

  const base: Version = {
    to: recipientsOf(body, 'to') ?? [],
    cc: recipientsOf(body, 'cc') ?? [],
    bcc: recipientsOf(body, 'bcc') ?? [],
    params: optObject(body, 'params') ?? {},
    subject: optString(body, 'subject'),
    htmlContent: optString(body, 'htmlContent'),
    textContent: optString(body, 'textContent'),
  };
  const rawVersions = body.messageVersions;
  let versions: Version[];
  if (rawVersions !== undefined) {
    if (!Array.isArray(rawVersions) || rawVersions.length === 0) throw invalid('messageVersions should be a non-empty array');
    versions = rawVersions.map((v: unknown, i) => {
      if (!v || typeof v !== 'object') throw invalid(`messageVersions[${i}] should be an object`);
      const version = v as Body;
      const to = recipientsOf(version, 'to');
      if (!to?.length) throw missing(`messageVersions[${i}].to`);
      return {
        to,
        cc: recipientsOf(version, 'cc') ?? base.cc,
        bcc: recipientsOf(version, 'bcc') ?? base.bcc,
        params: { ...base.params, ...(optObject(version, 'params') ?? {}) },
        subject: optString(version, 'subject') ?? base.subject,
        htmlContent: optString(version, 'htmlContent') ?? base.htmlContent,
        textContent: optString(version, 'textContent') ?? base.textContent,
      };
    });
  } else {
    if (!base.to.length) throw missing('to');
    versions = [base];
  }
  for (const v of versions) {
    if (!(v.subject ?? template?.subject)) throw missing('subject');
    if (v.htmlContent === undefined && v.textContent === undefined && !template) {
      throw new SandboxError(400, 'missing_parameter', 'Either of htmlContent or textContent is required');
    }
  }
  const headers = optObject(body, 'headers') ?? {};
  const tags = optStringArray(body, 'tags') ?? [];
  const attachments = body.attachment === undefined ? [] : Array.isArray(body.attachment) ? body.attachment : [];
  if (body.attachment !== undefined && !Array.isArray(body.attachment)) throw invalid('attachment should be an array');
  const scheduledRaw = optString(body, 'scheduledAt');
  let scheduledAt: Date | undefined;
  if (scheduledRaw !== undefined) {
    scheduledAt = new Date(scheduledRaw);
    if (Number.isNaN(scheduledAt.getTime())) throw invalid('scheduledAt is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)');
    if (scheduledAt.getTime() <= store.clock().getTime()) throw invalid('scheduledAt should be in the future');
  }
  checkSendingRights(store, sender);

  const now = store.clock();
  const messageIds = versions.map(() => newMessageId(now));
  const reply = versions.length > 1 || rawVersions !== undefined ? { messageIds } : { messageId: messageIds[0]! };
  // Brevo's dry run: validated and answered, nothing sent or logged.
  const dropped = Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'x-sib-sandbox' && String(v).toLowerCase() === 'drop');
  if (dropped) return { status: 201, body: reply };

  const recipientCount = versions.reduce((n, v) => n + v.to.length + v.cc.length + v.bcc.length, 0);
  spendCredits(store, recipientCount);
  if (scheduledAt) {
    const batchId = versions.length > 1 ? randomUUID() : undefined;
    messageIds.forEach((messageId, i) =>
      store.scheduled.set(messageId, {
        messageId,
        ...(batchId ? { batchId } : {}),
        scheduledAt: iso(scheduledAt),
        createdAt: iso(now),
        recipients: [...versions[i]!.to, ...versions[i]!.cc, ...versions[i]!.bcc].map((r) => r.email),
      }),
    );
    return { status: 202, body: { ...reply, ...(batchId ? { batchId } : {}) } };
  }

  const date = iso(now);
  versions.forEach((v, i) => {
    const messageId = messageIds[i]!;
    for (const r of [...v.to, ...v.cc, ...v.bcc]) {
      const contact = store.contactByEmail(r.email);
      const subject = render(v.subject ?? template!.subject, v.params, contact);
      const html = v.htmlContent ?? (v.textContent === undefined ? template!.htmlContent : `<pre>${v.textContent}</pre>`);
      store.emails.push({
        uuid: randomUUID(),
        messageId,
        email: r.email,
        subject,
        ...(templateId !== undefined ? { templateId } : {}),
        date,
        from: sender.email,
        tags,
        body: render(html, v.params, contact),
        attachmentCount: attachments.length,
        events: [
          { name: 'sent', time: date },
          { name: 'delivered', time: date },
        ],
      });
      for (const event of ['requests', 'delivered']) {
        store.events.push({
          email: r.email,
          date,
          subject,
          messageId,
          event,
          ...(tags[0] !== undefined ? { tag: tags[0] } : {}),
          from: sender.email,
          ...(templateId !== undefined ? { templateId } : {}),
        });
      }
    }
  });
  return { status: 201, body: reply };
}

/** The [from, to] window of a report: startDate+endDate (YYYY-MM-DD, both), days back, or the last `fallbackDays`. */
function window(req: SandboxRequest, store: Store, fallbackDays: number, maxDays?: number): [Date, Date] {
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  const days = queryIntValue(req, 'days');
  const now = store.clock();
  if (days !== undefined && (start || end)) throw invalid('days cannot be used with startDate and endDate');
  if ((start && !end) || (!start && end)) throw missing(start ? 'endDate' : 'startDate');
  if (start && end) {
    if (end < start) throw invalid('endDate should not be before startDate');
    if (maxDays !== undefined && end.getTime() - start.getTime() > maxDays * DAY) throw invalid(`The period between startDate and endDate should be at most ${maxDays} days`);
    return [start, new Date(end.getTime() + DAY - 1)];
  }
  const back = days ?? fallbackDays;
  if (back < 0) throw invalid('days should be 0 or more');
  return [new Date(now.getTime() - back * DAY), now];
}

const within = (date: string, [from, to]: [Date, Date]) => {
  const t = new Date(date).getTime();
  return t >= from.getTime() && t <= to.getTime();
};

function transacEmails(req: SandboxRequest, store: Store) {
  const email = req.query.get('email');
  const templateId = queryIntValue(req, 'templateId');
  const messageId = req.query.get('messageId');
  if (!email && templateId === undefined && !messageId) throw missing('email, templateId or messageId');
  const range = window(req, store, 30, 31);
  const pageWindow = paging(req, 500, 1000);
  const found = store.emails.filter(
    (e) =>
      (!email || e.email === email.toLowerCase()) &&
      (templateId === undefined || e.templateId === templateId) &&
      (!messageId || e.messageId === messageId) &&
      within(e.date, range),
  );
  const ordered = sorted(req, found);
  return {
    status: 200,
    body: {
      count: ordered.length,
      transactionalEmails: page(ordered, pageWindow).map((e) => ({
        email: e.email,
        subject: e.subject,
        ...(e.templateId !== undefined ? { templateId: e.templateId } : {}),
        messageId: e.messageId,
        uuid: e.uuid,
        date: e.date,
        from: e.from,
        tags: [...e.tags],
      })),
    },
  };
}

const EVENT_TYPES = ['bounces', 'hardBounces', 'softBounces', 'delivered', 'spam', 'requests', 'opened', 'clicks', 'invalid', 'deferred', 'blocked', 'unsubscribed', 'error', 'loadedByProxy'];

function emailEvents(req: SandboxRequest, store: Store) {
  const pageWindow = paging(req, 2500, 5000);
  const range = window(req, store, 30);
  const email = req.query.get('email')?.toLowerCase();
  const event = req.query.get('event');
  if (event && !EVENT_TYPES.includes(event)) throw invalid(`event should be one of ${EVENT_TYPES.join(', ')}`);
  const tags = req.query.get('tags')?.split(',').map((t) => t.trim()).filter(Boolean);
  const messageId = req.query.get('messageId');
  const templateId = queryIntValue(req, 'templateId');
  const bounce = (e: string) => (event === 'bounces' ? e === 'hardBounces' || e === 'softBounces' : e === event);
  const found = store.events.filter(
    (e) =>
      within(e.date, range) &&
      (!email || e.email === email) &&
      (!event || bounce(e.event)) &&
      (!tags?.length || (e.tag !== undefined && tags.includes(e.tag))) &&
      (!messageId || e.messageId === messageId) &&
      (templateId === undefined || e.templateId === templateId),
  );
  return { status: 200, body: { events: page(sorted(req, found), pageWindow).map((e) => ({ ...e })) } };
}

function aggregatedReport(req: SandboxRequest, store: Store) {
  const range = window(req, store, 30);
  const tag = req.query.get('tag');
  const events = store.events.filter((e) => within(e.date, range) && (!tag || e.tag === tag));
  const count = (name: string) => events.filter((e) => e.event === name).length;
  const unique = (name: string) => new Set(events.filter((e) => e.event === name).map((e) => e.messageId + e.email)).size;
  const day = (d: Date) => iso(d).slice(0, 10);
  return {
    status: 200,
    body: {
      range: `${day(range[0])}|${day(range[1])}`,
      requests: count('requests'),
      delivered: count('delivered'),
      hardBounces: count('hardBounces'),
      softBounces: count('softBounces'),
      clicks: count('clicks'),
      uniqueClicks: unique('clicks'),
      opens: count('opened'),
      uniqueOpens: unique('opened'),
      spamReports: count('spam'),
      blocked: count('blocked'),
      invalid: count('invalid'),
      unsubscribed: count('unsubscribed'),
    },
  };
}

// Templates.

function templateFields(store: Store, body: Body, template: Template): void {
  const name = optString(body, 'templateName');
  const subject = optString(body, 'subject');
  const sender = senderRefOf(store, body, 'sender', false);
  const htmlContent = optString(body, 'htmlContent');
  const htmlUrl = optString(body, 'htmlUrl');
  const replyTo = optEmail(body, 'replyTo');
  const toField = optString(body, 'toField');
  const tag = optString(body, 'tag');
  const attachmentUrl = optString(body, 'attachmentUrl');
  const isActive = optBool(body, 'isActive');
  if (name !== undefined) template.name = name;
  if (subject !== undefined) template.subject = subject;
  if (sender) template.sender = sender;
  // The sandbox fetches nothing from the network: an htmlUrl stands in for its content.
  if (htmlContent !== undefined) template.htmlContent = htmlContent;
  else if (htmlUrl !== undefined) template.htmlContent = `<html><body><!-- content of ${htmlUrl} --></body></html>`;
  if (replyTo !== undefined) template.replyTo = replyTo;
  if (toField !== undefined) template.toField = toField;
  if (tag !== undefined) template.tag = tag;
  if (attachmentUrl !== undefined) template.attachmentUrl = attachmentUrl;
  if (isActive !== undefined) template.isActive = isActive;
  template.modifiedAt = store.now();
}

function createTemplate(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const sender = senderRefOf(store, body, 'sender', true)!;
  const name = reqString(body, 'templateName');
  const subject = reqString(body, 'subject');
  if (body.htmlContent === undefined && body.htmlUrl === undefined) throw missing('htmlContent');
  const now = store.now();
  const template: Template = {
    id: 0,
    name,
    subject,
    isActive: false,
    testSent: false,
    sender,
    replyTo: sender.email,
    toField: '',
    tag: '',
    htmlContent: '',
    createdAt: now,
    modifiedAt: now,
  };
  templateFields(store, body, template);
  template.id = store.nextId('template');
  store.templates.set(template.id, template);
  return { status: 201, body: { id: template.id } };
}

function getTemplates(req: SandboxRequest, store: Store) {
  const raw = req.query.get('templateStatus');
  if (raw !== null && raw !== 'true' && raw !== 'false') throw invalid('templateStatus should be true or false');
  const pageWindow = paging(req, 50, 1000);
  const templates = sorted(req, [...store.templates.values()].filter((t) => raw === null || t.isActive === (raw === 'true')));
  return { status: 200, body: { count: templates.length, templates: page(templates, pageWindow).map((t) => store.templateView(t, false)) } };
}

function sendTestTemplate(req: SandboxRequest, store: Store) {
  const template = store.template(intParam(req, 'templateId'));
  const emailTo = optStringArray(bodyOf(req), 'emailTo') ?? [store.account.email];
  const bad = emailTo.filter((e) => !isEmail(e));
  if (bad.length) throw invalid('The email could not be sent to all recipients', { unexistingEmails: bad });
  checkSendingRights(store, template.sender);
  template.testSent = true;
  return { status: 204 };
}

// Email campaigns.

const CAMPAIGN_QUERY_STATUSES: Record<string, Campaign['status']> = {
  suspended: 'suspended',
  archive: 'archive',
  sent: 'sent',
  queued: 'queued',
  draft: 'draft',
  inProcess: 'in_process',
};

function campaignFields(store: Store, body: Body, campaign: Campaign): void {
  const name = optString(body, 'name');
  const sender = senderRefOf(store, body, 'sender', false);
  const subject = optString(body, 'subject');
  const previewText = optString(body, 'previewText');
  const htmlContent = optString(body, 'htmlContent');
  const htmlUrl = optString(body, 'htmlUrl');
  const templateId = optInt(body, 'templateId');
  const scheduledAt = optString(body, 'scheduledAt');
  const replyTo = optEmail(body, 'replyTo');
  const toField = optString(body, 'toField');
  const tag = optString(body, 'tag');
  const header = optString(body, 'header');
  const footer = optString(body, 'footer');
  const inline = optBool(body, 'inlineImageActivation');
  const mirror = optBool(body, 'mirrorActive');
  const recurring = optBool(body, 'recurring');
  const recipients = optObject(body, 'recipients');
  const listIds = recipients ? optIntArray(recipients, 'listIds') : undefined;
  const exclusionListIds = recipients ? optIntArray(recipients, 'exclusionListIds') : undefined;
  for (const id of [...(listIds ?? []), ...(exclusionListIds ?? [])]) if (!store.lists.has(id)) throw invalid(`recipients: list ${id} does not exist`);
  if (templateId !== undefined && !store.templates.has(templateId)) throw invalid(`templateId: template ${templateId} does not exist`);
  if (scheduledAt !== undefined && Number.isNaN(new Date(scheduledAt).getTime())) throw invalid('scheduledAt is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)');

  if (name !== undefined) campaign.name = name;
  if (sender) campaign.sender = sender;
  if (subject !== undefined) campaign.subject = subject;
  if (previewText !== undefined) campaign.previewText = previewText;
  if (htmlContent !== undefined) campaign.htmlContent = htmlContent;
  else if (htmlUrl !== undefined) campaign.htmlContent = `<html><body><!-- content of ${htmlUrl} --></body></html>`;
  else if (templateId !== undefined) campaign.htmlContent = store.templates.get(templateId)!.htmlContent;
  if (scheduledAt !== undefined) {
    campaign.scheduledAt = iso(new Date(scheduledAt));
    if (campaign.status === 'draft') campaign.status = 'queued';
  }
  if (replyTo !== undefined) campaign.replyTo = replyTo;
  if (toField !== undefined) campaign.toField = toField;
  if (tag !== undefined) campaign.tag = tag;
  if (header !== undefined) campaign.header = header;
  if (footer !== undefined) campaign.footer = footer;
  if (inline !== undefined) campaign.inlineImageActivation = inline;
  if (mirror !== undefined) campaign.mirrorActive = mirror;
  if (recurring !== undefined) campaign.recurring = recurring;
  if (listIds !== undefined) campaign.recipients.lists = [...listIds];
  if (exclusionListIds !== undefined) campaign.recipients.exclusionLists = [...exclusionListIds];
  campaign.modifiedAt = store.now();
}

function createCampaign(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const sender = senderRefOf(store, body, 'sender', true)!;
  const now = store.now();
  const campaign: Campaign = {
    id: 0,
    name,
    type: 'classic',
    status: 'draft',
    testSent: false,
    header: '[DEFAULT_HEADER]',
    footer: '[DEFAULT_FOOTER]',
    sender,
    replyTo: sender.email,
    toField: '',
    htmlContent: '',
    tag: '',
    inlineImageActivation: false,
    mirrorActive: true,
    recurring: false,
    recipients: { lists: [], exclusionLists: [] },
    createdAt: now,
    modifiedAt: now,
    globalStats: emptyStats(),
    campaignStats: [],
  };
  campaignFields(store, body, campaign);
  campaign.id = store.nextId('campaign');
  store.campaigns.set(campaign.id, campaign);
  return { status: 201, body: { id: campaign.id } };
}

function getCampaigns(req: SandboxRequest, store: Store) {
  const type = req.query.get('type');
  if (type && type !== 'classic' && type !== 'trigger') throw invalid('type should be classic or trigger');
  const statusRaw = req.query.get('status');
  const status = statusRaw ? CAMPAIGN_QUERY_STATUSES[statusRaw] : undefined;
  if (statusRaw && !status) throw invalid(`status should be one of ${Object.keys(CAMPAIGN_QUERY_STATUSES).join(', ')}`);
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start || end) && status !== 'sent') throw invalid('startDate and endDate can be used only with status sent');
  const pageWindow = paging(req, 50, 100);
  const excludeHtml = req.query.get('excludeHtmlContent') === 'true';
  const found = [...store.campaigns.values()].filter(
    (c) =>
      (!type || c.type === type) &&
      (!status || c.status === status) &&
      (!start || (c.sentDate !== undefined && new Date(c.sentDate) >= start)) &&
      (!end || (c.sentDate !== undefined && new Date(c.sentDate).getTime() < end.getTime() + DAY)),
  );
  const ordered = sorted(req, found);
  return { status: 200, body: { count: ordered.length, campaigns: page(ordered, pageWindow).map((c) => store.campaignView(c, !excludeHtml)) } };
}

function editableCampaign(store: Store, req: SandboxRequest): Campaign {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  if (campaign.status === 'sent' || campaign.status === 'in_process') throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent and cannot be changed');
  return campaign;
}

/** Who a campaign reaches now: members of its lists, minus exclusion lists and blocklisted contacts. */
function audience(store: Store, campaign: Campaign): Contact[] {
  const excluded = new Set(campaign.recipients.exclusionLists.flatMap((id) => store.members(id).map((c) => c.id)));
  const seen = new Map<number, Contact>();
  for (const id of campaign.recipients.lists) for (const c of store.members(id)) if (!excluded.has(c.id) && !c.emailBlacklisted && c.email) seen.set(c.id, c);
  return [...seen.values()];
}

function sendCampaignNow(req: SandboxRequest, store: Store) {
  const campaign = editableCampaign(store, req);
  if (!campaign.subject) throw missing('subject');
  if (!campaign.htmlContent) throw missing('htmlContent');
  if (!campaign.recipients.lists.length) throw missing('recipients');
  checkSendingRights(store, campaign.sender);
  const reached = audience(store, campaign);
  spendCredits(store, reached.length);
  const sent = (contacts: Contact[], listId?: number) => ({ ...emptyStats(listId), sent: contacts.length, delivered: contacts.length });
  campaign.globalStats = sent(reached);
  campaign.campaignStats = campaign.recipients.lists.map((listId) => sent(reached.filter((c) => c.listIds.includes(listId)), listId));
  campaign.sentTo = reached.map((c) => c.id);
  campaign.status = 'sent';
  campaign.sentDate = store.now();
  campaign.modifiedAt = campaign.sentDate;
  return { status: 204 };
}

function campaignStatus(req: SandboxRequest, store: Store) {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  const status = reqString(bodyOf(req), 'status');
  switch (status) {
    case 'replicate':
    case 'replicateTemplate': {
      const id = store.nextId('campaign');
      const now = store.now();
      store.campaigns.set(id, {
        ...structuredClone(campaign),
        id,
        name: `${campaign.name} (copy)`,
        status: 'draft',
        testSent: false,
        createdAt: now,
        modifiedAt: now,
        sentDate: undefined,
        sentTo: undefined,
        globalStats: emptyStats(),
        campaignStats: [],
      });
      break;
    }
    case 'darchive':
      if (campaign.status !== 'archive') throw invalid('Only an archived campaign can be unarchived');
      campaign.status = campaign.sentDate ? 'sent' : 'draft';
      break;
    case 'archive':
    case 'suspended':
    case 'queued':
    case 'draft':
    case 'sent':
      if ((status === 'draft' || status === 'queued') && campaign.sentDate) throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent');
      if (status === 'sent' && !campaign.sentDate) throw invalid('Use send_email_campaign_now (POST /emailCampaigns/{campaignId}/sendNow) to send a campaign');
      campaign.status = status;
      break;
    default:
      throw invalid('status should be one of suspended, archive, darchive, sent, queued, replicate, replicateTemplate, draft');
  }
  campaign.modifiedAt = store.now();
  return { status: 204 };
}

// Senders and webhooks.

function ipsOf(body: Body) {
  const value = body.ips;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid('ips should be an array of {ip, domain, weight}');
  return value.map((raw: unknown, i) => {
    const ip = raw as Body;
    if (typeof ip?.ip !== 'string') throw missing(`ips[${i}].ip`);
    if (typeof ip.domain !== 'string') throw missing(`ips[${i}].domain`);
    return { ip: ip.ip, domain: ip.domain, weight: typeof ip.weight === 'number' ? ip.weight : 100 };
  });
}

function createSender(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const email = optEmail(body, 'email');
  if (email === undefined) throw missing('email');
  if ([...store.senders.values()].some((s) => s.email === email)) throw new SandboxError(400, 'duplicate_parameter', 'Sender already exists');
  const id = store.nextId('sender');
  const active = domainAuthenticated(store, domainOf(email));
  store.senders.set(id, { id, name, email, active, ips: ipsOf(body) ?? [] });
  // A sender on an unauthenticated domain waits for its validation code (validate_sender_by_otp).
  return { status: 201, body: active ? { id } : { id, spfError: true, dkimError: true } };
}

function getSenders(req: SandboxRequest, store: Store) {
  const ip = req.query.get('ip');
  const domain = req.query.get('domain')?.toLowerCase();
  const senders = [...store.senders.values()].filter(
    (s) => (!ip || s.ips.some((i) => i.ip === ip)) && (!domain || domainOf(s.email) === domain || s.ips.some((i) => i.domain === domain)),
  );
  return { status: 200, body: { senders: senders.map((s) => ({ id: s.id, name: s.name, email: s.email, active: s.active, ips: s.ips.map((i) => ({ ...i })) })) } };
}

const WEBHOOK_EVENTS = ['sent', 'hardBounce', 'softBounce', 'blocked', 'spam', 'delivered', 'request', 'click', 'invalid', 'deferred', 'opened', 'uniqueOpened', 'unsubscribed', 'listAddition', 'contactUpdated', 'contactDeleted', 'inboundEmailProcessed'];

function webhookFields(body: Body, required: boolean) {
  const url = required ? reqString(body, 'url') : optString(body, 'url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) throw invalid('url is not a valid URL');
  const events = optStringArray(body, 'events');
  if (required && !events?.length) throw missing('events');
  const unknown = events?.filter((e) => !WEBHOOK_EVENTS.includes(e)) ?? [];
  if (unknown.length) throw invalid(`events: ${unknown.join(', ')} is not a webhook event (${WEBHOOK_EVENTS.join(', ')})`);
  const headers = body.headers;
  if (headers !== undefined && !Array.isArray(headers)) throw invalid('headers should be an array of {key, value}');
  return {
    url,
    events,
    description: optString(body, 'description'),
    domain: optString(body, 'domain'),
    batched: optBool(body, 'batched'),
    auth: optObject(body, 'auth'),
    headers: headers as Body[] | undefined,
  };
}

function createWebhook(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const fields = webhookFields(body, true);
  const type = optString(body, 'type') ?? 'transactional';
  if (!['transactional', 'marketing', 'inbound'].includes(type)) throw invalid('type should be transactional, marketing or inbound');
  const channel = optString(body, 'channel') ?? 'email';
  if (channel !== 'email' && channel !== 'sms') throw invalid('channel should be email or sms');
  const id = store.nextId('webhook');
  const now = store.now();
  store.webhooks.set(id, {
    id,
    url: fields.url!,
    description: fields.description ?? '',
    events: fields.events!,
    type: type as 'transactional',
    channel,
    ...(fields.batched !== undefined ? { batched: fields.batched } : {}),
    ...(fields.auth ? { auth: fields.auth } : {}),
    ...(fields.headers ? { headers: fields.headers } : {}),
    ...(fields.domain ? { domain: fields.domain } : {}),
    createdAt: now,
    modifiedAt: now,
  });
  return { status: 201, body: { id } };
}

function updateWebhook(req: SandboxRequest, store: Store) {
  const webhook = store.webhook(intParam(req, 'webhookId'));
  const fields = webhookFields(bodyOf(req), false);
  if (fields.url !== undefined) webhook.url = fields.url;
  if (fields.events !== undefined) {
    if (!fields.events.length) throw invalid('events should not be empty');
    webhook.events = fields.events;
  }
  if (fields.description !== undefined) webhook.description = fields.description;
  if (fields.domain !== undefined) webhook.domain = fields.domain;
  if (fields.batched !== undefined) webhook.batched = fields.batched;
  if (fields.auth !== undefined) webhook.auth = fields.auth;
  if (fields.headers !== undefined) webhook.headers = fields.headers;
  webhook.modifiedAt = store.now();
  return { status: 204 };
}

export const emailRoutes: Route[] = [
  ['GET', '/account', (_req, store) => ({ status: 200, body: structuredClone(store.account) })],

  ['POST', '/smtp/email', sendTransacEmail],
  ['GET', '/smtp/emails', transacEmails],
  ['GET', '/smtp/emails/{uuid}', (req, store) => {
    const e = store.emails.find((m) => m.uuid === req.params.uuid);
    if (!e) throw notFound('Email does not exist');
    const { email, subject, templateId, date, events, body, attachmentCount } = e;
    return { status: 200, body: { email, subject, ...(templateId !== undefined ? { templateId } : {}), date, events: events.map((v) => ({ ...v })), body, attachmentCount } };
  }],
  ['DELETE', '/smtp/email/{identifier}', (req, store) => {
    const id = req.params.identifier!;
    const matches = [...store.scheduled.values()].filter((s) => s.messageId === id || s.batchId === id);
    if (!matches.length) throw notFound('No scheduled email found for this messageId or batchId');
    for (const s of matches) store.scheduled.delete(s.messageId);
    return { status: 204 };
  }],
  ['GET', '/smtp/statistics/events', emailEvents],
  ['GET', '/smtp/statistics/aggregatedReport', aggregatedReport],

  ['GET', '/smtp/templates', getTemplates],
  ['POST', '/smtp/templates', createTemplate],
  ['GET', '/smtp/templates/{templateId}', (req, store) => ({ status: 200, body: store.templateView(store.template(intParam(req, 'templateId')), true) })],
  ['PUT', '/smtp/templates/{templateId}', (req, store) => {
    templateFields(store, bodyOf(req), store.template(intParam(req, 'templateId')));
    return { status: 204 };
  }],
  ['DELETE', '/smtp/templates/{templateId}', (req, store) => {
    const template = store.template(intParam(req, 'templateId'));
    if (template.isActive) throw invalid('Only an inactive template can be deleted: set isActive to false first');
    store.templates.delete(template.id);
    return { status: 204 };
  }],
  ['POST', '/smtp/templates/{templateId}/sendTest', sendTestTemplate],

  ['GET', '/emailCampaigns', getCampaigns],
  ['POST', '/emailCampaigns', createCampaign],
  ['GET', '/emailCampaigns/{campaignId}', (req, store) => {
    const excludeHtml = req.query.get('excludeHtmlContent') === 'true';
    return { status: 200, body: store.campaignView(store.campaign(intParam(req, 'campaignId')), !excludeHtml) };
  }],
  ['PUT', '/emailCampaigns/{campaignId}', (req, store) => {
    campaignFields(store, bodyOf(req), editableCampaign(store, req));
    return { status: 204 };
  }],
  ['DELETE', '/emailCampaigns/{campaignId}', (req, store) => {
    store.campaigns.delete(store.campaign(intParam(req, 'campaignId')).id);
    return { status: 204 };
  }],
  ['PUT', '/emailCampaigns/{campaignId}/status', campaignStatus],
  ['POST', '/emailCampaigns/{campaignId}/sendNow', sendCampaignNow],
  ['POST', '/emailCampaigns/{campaignId}/sendTest', (req, store) => {
    const campaign = store.campaign(intParam(req, 'campaignId'));
    const emailTo = optStringArray(bodyOf(req), 'emailTo') ?? [];
    const unexistingEmails = emailTo.filter((e) => !store.contactByEmail(e));
    if (unexistingEmails.length) throw invalid('The email could not be sent to all recipients', { unexistingEmails });
    checkSendingRights(store, campaign.sender);
    campaign.testSent = true;
    return { status: 204 };
  }],

  ['GET', '/senders', getSenders],
  ['POST', '/senders', createSender],
  ['PUT', '/senders/{senderId}', (req, store) => {
    const sender = store.sender(intParam(req, 'senderId'));
    const body = bodyOf(req);
    const name = optString(body, 'name');
    const email = optEmail(body, 'email');
    const ips = ipsOf(body);
    if (email !== undefined && email !== sender.email) {
      if ([...store.senders.values()].some((s) => s.email === email)) throw new SandboxError(400, 'duplicate_parameter', 'Sender already exists');
      sender.email = email;
      sender.active = domainAuthenticated(store, domainOf(email));
    }
    if (name !== undefined) sender.name = name;
    if (ips !== undefined) sender.ips = ips;
    return { status: 204 };
  }],
  ['DELETE', '/senders/{senderId}', (req, store) => {
    store.senders.delete(store.sender(intParam(req, 'senderId')).id);
    return { status: 204 };
  }],
  ['PUT', '/senders/{senderId}/validate', (req, store) => {
    const sender = store.sender(intParam(req, 'senderId'));
    const otp = optInt(bodyOf(req), 'otp');
    if (otp === undefined) throw missing('otp');
    // The sandbox sends no code: any six-digit code validates the sender.
    if (otp < 100000 || otp > 999999) throw invalid('Invalid OTP');
    sender.active = true;
    return { status: 204 };
  }],

  ['GET', '/webhooks', (req, store) => {
    const type = req.query.get('type') ?? 'transactional';
    if (!['transactional', 'marketing', 'inbound'].includes(type)) throw invalid('type should be transactional, marketing or inbound');
    const webhooks = sorted(req, [...store.webhooks.values()].filter((w) => w.type === type));
    return { status: 200, body: { webhooks: webhooks.map((w) => store.webhookView(w)) } };
  }],
  ['POST', '/webhooks', createWebhook],
  ['GET', '/webhooks/{webhookId}', (req, store) => ({ status: 200, body: store.webhookView(store.webhook(intParam(req, 'webhookId'))) })],
  ['PUT', '/webhooks/{webhookId}', updateWebhook],
  ['DELETE', '/webhooks/{webhookId}', (req, store) => {
    store.webhooks.delete(store.webhook(intParam(req, 'webhookId')).id);
    return { status: 204 };
  }],
];
