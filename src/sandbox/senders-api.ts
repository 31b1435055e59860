// The account, senders (with their IPs), sender domains and webhooks, with real state.
import { invalid, missing, SandboxError, type Route, type SandboxRequest } from './http.js';
import { domainAuthenticated, domainOf } from './sending.js';
import type { Store } from './store.js';
import { bodyOf, intParam, optBool, optEmail, optInt, optObject, optString, optStringArray, reqString, sorted, type Body } from './validate.js';

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


export const senderRoutes: Route[] = [
  ['GET', '/account', (_req, store) => ({ status: 200, body: structuredClone(store.account) })],
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
