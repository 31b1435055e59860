// WhatsApp with real state: the business account's configuration, message templates (created as
// drafts, approved when submitted), campaigns (scheduled, sent when their time comes to the lists'
// members who have a WHATSAPP number, statistics), and messages with their event log. A text
// message is accepted only inside a conversation a template message opened in the last 24 hours.
import { randomUUID } from 'node:crypto';
import { foundIn, invalid, notFound, type SandboxRequest, routes } from './http.js';
import type { WhatsAppCampaign, WhatsAppTemplate } from './messaging-store.js';
import { render, reportWindow, within } from './sending.js';
import { DAY, type Store } from './store.js';
import {
  bodyOf,
  countedPage,
  intParam,
  optInt,
  optIntArray,
  optObject,
  optString,
  page,
  paging,
  queryDate,
  reqString,
  sorted,
  type Body,
} from './validate.js';

function campaign(store: Store, req: SandboxRequest): WhatsAppCampaign {
  return foundIn(store.messaging.whatsappCampaigns, intParam(req, 'campaignId'), 'WhatsApp campaign not found');
}

function approvedTemplate(store: Store, id: number, field: string): WhatsAppTemplate {
  const template = store.messaging.whatsappTemplates.get(id);
  if (!template) throw invalid(`${field}: template ${id} does not exist`);
  if (template.status !== 'approved')
    throw invalid(
      `${field}: template ${id} is ${template.status}; only approved templates can be sent (send_whatsapp_template_approval)`,
    );
  return template;
}

function recipientsOf(store: Store, body: Body, key: string) {
  const raw = optObject(body, key);
  if (!raw) return undefined;
  const listIds = optIntArray(raw, 'listIds') ?? [];
  const excludedListIds = optIntArray(raw, 'excludedListIds') ?? [];
  const segments = optIntArray(raw, 'segments') ?? [];
  for (const id of [...listIds, ...excludedListIds])
    if (!store.lists.has(id)) throw invalid(`${key}: list ${id} does not exist`);
  for (const id of segments) if (!store.segments.has(id)) throw invalid(`${key}: segment ${id} does not exist`);
  if (!listIds.length && !segments.length) throw invalid(`${key}: give listIds or segments`);
  return { listIds, excludedListIds, segments };
}

const isoDate = (raw: string, field: string) => {
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw invalid(`${field} is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** Sends a campaign: each member of its lists and segments with a WHATSAPP number gets it. */
export function sendWhatsAppCampaign(store: Store, c: WhatsAppCampaign): void {
  const excluded = new Set(c.recipients.excludedListIds.flatMap((id) => store.members(id).map((m) => m.id)));
  const members = new Map<number, string | undefined>();
  const add = (id: number) => {
    const contact = store.contacts.get(id);
    if (contact && !excluded.has(id))
      members.set(id, typeof contact.attributes.WHATSAPP === 'string' ? contact.attributes.WHATSAPP : undefined);
  };
  for (const listId of c.recipients.listIds) for (const m of store.members(listId)) add(m.id);
  for (const segmentId of c.recipients.segments)
    for (const id of store.segments.get(segmentId)?.contactIds ?? []) add(id);
  const numbers = [...members.values()];
  c.fates = numbers
    .filter((n): n is string => n !== undefined)
    .map((number) => ({ number, delivered: true, read: false }));
  c.notSent = numbers.length - c.fates.length;
  c.status = 'sent';
  c.modifiedAt = c.scheduledAt;
}

/** Scheduled campaigns whose time has come are sent. */
export function sendDueWhatsAppCampaigns(store: Store): void {
  const now = store.clock().getTime();
  for (const c of store.messaging.whatsappCampaigns.values())
    if (c.status === 'scheduled' && Date.parse(c.scheduledAt) <= now) sendWhatsAppCampaign(store, c);
}

function createCampaign(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const templateId = optInt(body, 'templateId')!;
  approvedTemplate(store, templateId, 'templateId');
  const scheduledAt = isoDate(reqString(body, 'scheduledAt'), 'scheduledAt');
  const recipients = recipientsOf(store, body, 'recipients')!;
  const now = store.now();
  // Sixteen digits, like Brevo's WhatsApp campaign ids.
  const id = 1_672_035_851_100_000 + store.nextId('whatsapp-campaign');
  store.messaging.whatsappCampaigns.set(id, {
    id,
    name,
    templateId,
    status: 'scheduled',
    scheduledAt,
    recipients,
    createdAt: now,
    modifiedAt: now,
    fates: [],
    notSent: 0,
  });
  return { status: 201, body: { id } };
}

function updateCampaign(req: SandboxRequest, store: Store) {
  const c = campaign(store, req);
  if (c.status === 'sent') throw invalid('The campaign has been sent and cannot be changed');
  const body = bodyOf(req);
  const name = optString(body, 'campaignName');
  const status = optString(body, 'campaignStatus');
  const reschedule = optString(body, 'rescheduleFor');
  const recipients = recipientsOf(store, body, 'recipients');
  if (name !== undefined) c.name = name;
  if (status !== undefined) c.status = status as WhatsAppCampaign['status'];
  if (reschedule !== undefined) c.scheduledAt = isoDate(reschedule, 'rescheduleFor');
  if (recipients) c.recipients = recipients;
  c.modifiedAt = store.now();
  return { status: 204 };
}

function listed<T extends { createdAt: string }>(req: SandboxRequest, items: T[]): T[] {
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start && !end) || (!start && end)) throw invalid('startDate and endDate go together');
  return sorted(
    req,
    items.filter(
      (i) =>
        (!start || Date.parse(i.createdAt) >= start.getTime()) &&
        (!end || Date.parse(i.createdAt) < end.getTime() + DAY),
    ),
  );
}

function createTemplate(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  if (!/^[a-z0-9_]+$/.test(name)) throw invalid('name may hold only lower-case letters, digits and underscores');
  if ([...store.messaging.whatsappTemplates.values()].some((t) => t.name === name))
    throw invalid(`A template named ${name} already exists`);
  const now = store.now();
  const template: WhatsAppTemplate = {
    id: store.nextId('whatsapp-template'),
    name,
    language: reqString(body, 'language'),
    category: reqString(body, 'category') as WhatsAppTemplate['category'],
    bodyText: reqString(body, 'bodyText'),
    ...(optString(body, 'headerText') !== undefined ? { headerText: optString(body, 'headerText') } : {}),
    ...(optString(body, 'mediaUrl') !== undefined ? { mediaUrl: optString(body, 'mediaUrl') } : {}),
    source: (optString(body, 'source') ?? 'Automation') as WhatsAppTemplate['source'],
    status: 'draft',
    createdAt: now,
    modifiedAt: now,
  };
  store.messaging.whatsappTemplates.set(template.id, template);
  return { status: 201, body: { id: template.id } };
}

/** Template or text messages; a text needs a conversation a template opened in the last 24 hours. */
function sendMessage(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const sender = reqString(body, 'senderNumber').replace(/^\+/, '');
  if (sender !== store.messaging.whatsappNumber)
    throw invalid(`senderNumber: ${sender} is not the account's WhatsApp number (${store.messaging.whatsappNumber})`);
  const numbers = (body.contactNumbers as string[]).map((n) => n.replace(/^\+|[\s-]/g, ''));
  const templateId = optInt(body, 'templateId');
  const text = optString(body, 'text');
  const template = templateId !== undefined ? approvedTemplate(store, templateId, 'templateId') : undefined;
  if (!template && text === undefined) throw invalid('give templateId or text');
  const now = store.clock().getTime();
  if (!template) {
    const open = (n: string) =>
      store.messaging.whatsappEvents.some(
        (e) => e.contactNumber === n && e.event === 'sent' && now - Date.parse(e.date) < DAY,
      );
    const closed = numbers.filter((n) => !open(n));
    if (closed.length)
      throw invalid(
        `No open conversation with ${closed.join(', ')}: the first message must use a template (templateId)`,
      );
  }
  const messageId = randomUUID();
  const date = store.now();
  const params = optObject(body, 'params') ?? {};
  for (const number of numbers) {
    // {{params.X}} from the request, {{contact.X}} from the contact with this number.
    const contact = store.contactByAttribute('WHATSAPP', number) ?? store.contactByAttribute('SMS', number);
    const content = template ? render(template.bodyText, params, contact) : text!;
    for (const event of ['sent', 'delivered'] as const)
      store.messaging.whatsappEvents.push({
        contactNumber: number,
        date,
        messageId,
        event,
        senderNumber: sender,
        ...(event === 'sent' ? { body: content } : {}),
      });
  }
  return { status: 201, body: { messageId } };
}

export const whatsappRoutes = routes({
  'GET /whatsappCampaigns/config': () => ({
    status: 200,
    body: {
      whatsappBusinessAccountId: '104839585906341',
      sendingLimit: 'TIER_1K',
      phoneNumberQuality: 'GREEN',
      whatsappBusinessAccountStatus: 'APPROVED',
      businessStatus: 'verified',
      phoneNumberNameStatus: 'APPROVED',
    },
  }),
  'GET /whatsappCampaigns': (req, store) => {
    const campaigns = listed(req, [...store.messaging.whatsappCampaigns.values()]);
    return countedPage('campaigns', campaigns, paging(req, 50, 100), (c) => store.messaging.whatsappCampaignSummary(c));
  },
  'POST /whatsappCampaigns': createCampaign,
  'GET /whatsappCampaigns/{campaignId}': (req, store) => ({
    status: 200,
    body: store.messaging.whatsappCampaignView(campaign(store, req)),
  }),
  'PUT /whatsappCampaigns/{campaignId}': updateCampaign,
  'DELETE /whatsappCampaigns/{campaignId}': (req, store) => {
    store.messaging.whatsappCampaigns.delete(campaign(store, req).id);
    return { status: 204 };
  },
  'GET /whatsappCampaigns/template-list': (req, store) => {
    const source = req.query.get('source');
    const templates = listed(
      req,
      [...store.messaging.whatsappTemplates.values()].filter((t) => !source || t.source === source),
    );
    return countedPage('templates', templates, paging(req, 50, 100), (t) => store.messaging.whatsappTemplateView(t));
  },
  'POST /whatsappCampaigns/template': createTemplate,
  'POST /whatsappCampaigns/template/approval/{templateId}': (req, store) => {
    const template = store.messaging.whatsappTemplates.get(intParam(req, 'templateId'));
    if (!template) throw notFound('Template not found');
    if (template.status === 'approved') throw invalid('The template is already approved');
    // Meta reviews templates; the sandbox approves at once.
    template.status = 'approved';
    template.modifiedAt = store.now();
    return { status: 200 };
  },
  'POST /whatsapp/sendMessage': sendMessage,
  'GET /whatsapp/statistics/events': (req, store) => {
    const range = reportWindow(req, store, 30, 90);
    const number = req.query.get('contactNumber')?.replace(/^\+/, '');
    const event = req.query.get('event');
    const found = store.messaging.whatsappEvents.filter(
      (e) => within(e.date, range) && (!number || e.contactNumber === number) && (!event || e.event === event),
    );
    return {
      status: 200,
      body: { events: page(sorted(req, found), paging(req, 2500, 10000)).map((e) => ({ ...e })) },
    };
  },
});
