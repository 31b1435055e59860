// Transactional email with real state: sends are validated like Brevo's, stored, and show up in
// /smtp/emails, /smtp/emails/{uuid}, /smtp/statistics/events and the reports; scheduled sends
// wait in their queue. Nothing is delivered anywhere.
import { randomInt, randomUUID } from 'node:crypto';
import { invalid, missing, notFound, SandboxError, type SandboxRequest, routes, omitUndefined } from './http.js';
import { checkSendingRights, eachDay, render, reportWindow, senderRefOf, spendCredits, within } from './sending.js';
import { DAY, iso, type EmailEvent, type ScheduledEmail, type Store, type Template } from './store.js';
import {
  bodyOf,
  isEmail,
  optInt,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  queryDate,
  queryIntValue,
  sorted,
  type Body,
} from './validate.js';

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
    if (!Array.isArray(rawVersions) || rawVersions.length === 0)
      throw invalid('messageVersions should be a non-empty array');
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
    if (Number.isNaN(scheduledAt.getTime()))
      throw invalid('scheduledAt is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)');
    if (scheduledAt.getTime() <= store.clock().getTime()) throw invalid('scheduledAt should be in the future');
  }
  checkSendingRights(store, sender);

  const now = store.clock();
  const messageIds = versions.map(() => newMessageId(now));
  const reply = versions.length > 1 || rawVersions !== undefined ? { messageIds } : { messageId: messageIds[0]! };
  // Brevo's dry run: validated and answered, nothing sent or logged.
  const dropped = Object.entries(headers).some(
    ([k, v]) => k.toLowerCase() === 'x-sib-sandbox' && String(v).toLowerCase() === 'drop',
  );
  if (dropped) return { status: 201, body: reply };

  const recipientCount = versions.reduce((n, v) => n + v.to.length + v.cc.length + v.bcc.length, 0);
  spendCredits(store, recipientCount);
  // One message per version, rendered for each of its recipients.
  const messages = versions.flatMap((v, i) =>
    [...v.to, ...v.cc, ...v.bcc].map((r) => {
      const contact = store.contactByEmail(r.email);
      const html =
        v.htmlContent ?? (v.textContent === undefined ? template!.htmlContent : `<pre>${v.textContent}</pre>`);
      return {
        messageId: messageIds[i]!,
        email: r.email,
        subject: render(v.subject ?? template!.subject, v.params, contact),
        ...(templateId !== undefined ? { templateId } : {}),
        from: sender.email,
        tags,
        body: render(html, v.params, contact),
        attachmentCount: attachments.length,
      };
    }),
  );
  if (scheduledAt) {
    const batchId = optString(body, 'batchId') ?? (versions.length > 1 ? randomUUID() : undefined);
    for (const messageId of messageIds) {
      store.scheduled.set(messageId, {
        messageId,
        ...(batchId ? { batchId } : {}),
        scheduledAt: iso(scheduledAt),
        createdAt: iso(now),
        status: 'queued',
        deliveries: messages.filter((m) => m.messageId === messageId),
      });
    }
    return { status: 202, body: { ...reply, ...(batchId ? { batchId } : {}) } };
  }
  const date = iso(now);
  for (const m of messages)
    store.recordEmail({
      ...m,
      events: [
        { name: 'sent', time: date },
        { name: 'delivered', time: date },
      ],
    });
  return { status: 201, body: reply };
}

/** Scheduled sends whose time has come are processed: logged as sent and delivered at that time. */
export function deliverScheduled(store: Store): void {
  const now = store.clock().getTime();
  for (const s of store.scheduled.values()) {
    if (s.status !== 'queued' || Date.parse(s.scheduledAt) > now) continue;
    s.status = 'processed';
    for (const d of s.deliveries)
      store.recordEmail({
        ...d,
        events: [
          { name: 'sent', time: s.scheduledAt },
          { name: 'delivered', time: s.scheduledAt },
        ],
      });
  }
}

function transacEmails(req: SandboxRequest, store: Store) {
  const email = req.query.get('email');
  const templateId = queryIntValue(req, 'templateId');
  const messageId = req.query.get('messageId');
  if (!email && templateId === undefined && !messageId) throw missing('email, templateId or messageId');
  const range = reportWindow(req, store, 30, 31);
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
        ...omitUndefined({ templateId: e.templateId }),
        messageId: e.messageId,
        uuid: e.uuid,
        date: e.date,
        from: e.from,
        tags: [...e.tags],
      })),
    },
  };
}

const EVENT_TYPES = [
  'bounces',
  'hardBounces',
  'softBounces',
  'delivered',
  'spam',
  'requests',
  'opened',
  'clicks',
  'invalid',
  'deferred',
  'blocked',
  'unsubscribed',
  'error',
  'loadedByProxy',
];

function emailEvents(req: SandboxRequest, store: Store) {
  const pageWindow = paging(req, 2500, 5000);
  const range = reportWindow(req, store, 30);
  const email = req.query.get('email')?.toLowerCase();
  const event = req.query.get('event');
  if (event && !EVENT_TYPES.includes(event)) throw invalid(`event should be one of ${EVENT_TYPES.join(', ')}`);
  const tags = req.query
    .get('tags')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
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

/** Brevo's counters over a set of log events (the aggregated and the per-day reports). */
function tally(events: EmailEvent[]) {
  const count = (name: string) => events.filter((e) => e.event === name).length;
  const unique = (name: string) =>
    new Set(events.filter((e) => e.event === name).map((e) => e.messageId + e.email)).size;
  return {
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
  };
}

const day = (d: Date) => iso(d).slice(0, 10);

function aggregatedReport(req: SandboxRequest, store: Store) {
  const range = reportWindow(req, store, 30);
  const tag = req.query.get('tag');
  const events = store.events.filter((e) => within(e.date, range) && (!tag || e.tag === tag));
  return { status: 200, body: { range: `${day(range[0])}|${day(range[1])}`, ...tally(events) } };
}

/** One row per day of the window (the last 30 days by default), newest first unless sort=asc. */
function dailyReport(req: SandboxRequest, store: Store) {
  const range = reportWindow(req, store, 29);
  const tag = req.query.get('tag');
  const pageWindow = paging(req, 10, 30);
  const rows = eachDay(range).map((date) => ({
    date,
    ...tally(store.events.filter((e) => e.date.startsWith(date) && (!tag || e.tag === tag))),
  }));
  return { status: 200, body: { reports: page(sorted(req, rows), pageWindow) } };
}

const scheduleView = (s: ScheduledEmail) => ({ scheduledAt: s.scheduledAt, createdAt: s.createdAt, status: s.status });

/** A scheduled email by messageId, or a batch's emails by batchId (filtered, sorted and paged). */
function scheduledStatus(req: SandboxRequest, store: Store) {
  const id = req.params.identifier!;
  const single = store.scheduled.get(id);
  if (single) return { status: 200, body: scheduleView(single) };
  let batch = [...store.scheduled.values()].filter((s) => s.batchId === id);
  if (!batch.length) throw notFound('Scheduled email not found for this batchId or messageId');
  const status = req.query.get('status');
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  // inProgress: being sent right now, which the sandbox never is.
  batch = batch.filter(
    (s) =>
      (!status || s.status === status) &&
      (!start || Date.parse(s.scheduledAt) >= start.getTime()) &&
      (!end || Date.parse(s.scheduledAt) < end.getTime() + DAY),
  );
  const ordered = sorted(req, batch);
  return {
    status: 200,
    body: { count: ordered.length, batches: page(ordered, paging(req, 100, 500)).map(scheduleView) },
  };
}

/** Deletes the log of one message (messageId) or of every email to one address. */
function deleteLog(req: SandboxRequest, store: Store) {
  const id = req.params.identifier!;
  const byAddress = !id.startsWith('<') && isEmail(id);
  const hit = (e: { messageId: string; email: string }) =>
    byAddress ? e.email === id.toLowerCase() : e.messageId === id;
  if (!store.emails.some(hit))
    throw notFound(byAddress ? 'No transactional log for this email address' : 'Message ID not found');
  store.emails.splice(0, store.emails.length, ...store.emails.filter((e) => !hit(e)));
  store.events.splice(0, store.events.length, ...store.events.filter((e) => !hit(e)));
  return { status: 204 };
}

export const transactionalRoutes = routes({
  'POST /smtp/email': sendTransacEmail,
  'GET /smtp/emails': transacEmails,
  'GET /smtp/emails/{uuid}': (req, store) => {
    const e = store.emails.find((m) => m.uuid === req.params.uuid);
    if (!e) throw notFound('Email does not exist');
    const { email, subject, templateId, date, events, body, attachmentCount } = e;
    return {
      status: 200,
      body: {
        email,
        subject,
        ...(templateId !== undefined ? { templateId } : {}),
        date,
        events: events.map((v) => ({ ...v })),
        body,
        attachmentCount,
      },
    };
  },
  'DELETE /smtp/email/{identifier}': (req, store) => {
    const id = req.params.identifier!;
    const matches = [...store.scheduled.values()].filter(
      (s) => (s.messageId === id || s.batchId === id) && s.status === 'queued',
    );
    if (!matches.length) throw notFound('No scheduled email found for this messageId or batchId');
    for (const s of matches) store.scheduled.delete(s.messageId);
    return { status: 204 };
  },
  'GET /smtp/emailStatus/{identifier}': scheduledStatus,
  'DELETE /smtp/log/{identifier}': deleteLog,
  'GET /smtp/statistics/events': emailEvents,
  'GET /smtp/statistics/aggregatedReport': aggregatedReport,
  'GET /smtp/statistics/reports': dailyReport,
});
