// The account, senders (with their IPs), sending domains, dedicated IPs and webhooks, with real
// state: a sender on an authenticated domain is active at once, others wait for their code.
import { foundIn, invalid, missing, SandboxError, type SandboxRequest, routes, omitUndefined } from './http.js';
import { domainAuthenticated, domainOf } from './sending.js';
import type { Domain, Store } from './store.js';
import {
  bodyOf,
  intParam,
  optBool,
  optEmail,
  optInt,
  optObject,
  optString,
  optStringArray,
  reqString,
  sorted,
  type Body,
} from './validate.js';

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
  if ([...store.senders.values()].some((s) => s.email === email))
    throw new SandboxError(400, 'duplicate_parameter', 'Sender already exists');
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
    (s) =>
      (!ip || s.ips.some((i) => i.ip === ip)) &&
      (!domain || domainOf(s.email) === domain || s.ips.some((i) => i.domain === domain)),
  );
  return {
    status: 200,
    body: {
      senders: senders.map((s) => ({
        id: s.id,
        name: s.name,
        email: s.email,
        active: s.active,
        ips: s.ips.map((i) => ({ ...i })),
      })),
    },
  };
}

/** A sender's IPs with the ids of the account's dedicated IPs they are. */
function senderIps(req: SandboxRequest, store: Store) {
  const sender = store.sender(intParam(req, 'senderId'));
  const ips = sender.ips.map((i) => ({
    id: store.ips.find((d) => d.ip === i.ip)?.id ?? 0,
    ip: i.ip,
    domain: i.domain,
    weight: i.weight,
  }));
  return { status: 200, body: { ips } };
}

// Sending domains. The sandbox resolves no DNS: authenticating a domain succeeds.

const dnsRecords = (d: Domain) => {
  const record = (type: string, host_name: string, value: string) => ({
    type,
    value,
    host_name,
    status: d.authenticated,
  });
  return {
    dkim_record: record(
      'TXT',
      'mail._domainkey',
      `k=rsa;p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDeMVIzrCa3T14JsNY0IRv5/2V1/${d.id}`,
    ),
    brevo_code: record('TXT', '@', `brevo-code:${d.id.toString(16).padStart(32, 'a')}`),
    dmarc_record: record('TXT', '_dmarc', 'v=DMARC1; p=none; rua=mailto:rua@dmarc.brevo.com'),
  };
};

function domainByName(req: SandboxRequest, store: Store): Domain {
  return foundIn(store.domains, (req.params.domainName ?? '').toLowerCase(), 'Domain does not exist');
}

function createDomain(req: SandboxRequest, store: Store) {
  const name = reqString(bodyOf(req), 'name').toLowerCase();
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(name))
    throw invalid(`name: ${name} is not a domain name`);
  if (store.domains.has(name)) throw new SandboxError(400, 'duplicate_parameter', 'Domain already exists');
  const domain: Domain = {
    id: store.nextId('domain'),
    name,
    authenticated: false,
    verified: false,
    createdAt: store.now(),
  };
  store.domains.set(name, domain);
  return {
    status: 200,
    body: {
      id: domain.id,
      domain_name: name,
      domain_provider: 'Other',
      message: 'Domain added successfully. To authenticate it, add these DNS records and call authenticate_domain.',
      dns_records: dnsRecords(domain),
    },
  };
}

const WEBHOOK_EVENTS = [
  'sent',
  'hardBounce',
  'softBounce',
  'blocked',
  'spam',
  'delivered',
  'request',
  'click',
  'invalid',
  'deferred',
  'opened',
  'uniqueOpened',
  'unsubscribed',
  'listAddition',
  'contactUpdated',
  'contactDeleted',
  'inboundEmailProcessed',
];

function webhookFields(body: Body, required: boolean) {
  const url = required ? reqString(body, 'url') : optString(body, 'url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) throw invalid('url is not a valid URL');
  const events = optStringArray(body, 'events');
  if (required && !events?.length) throw missing('events');
  const unknown = events?.filter((e) => !WEBHOOK_EVENTS.includes(e)) ?? [];
  if (unknown.length)
    throw invalid(`events: ${unknown.join(', ')} is not a webhook event (${WEBHOOK_EVENTS.join(', ')})`);
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
  if (!['transactional', 'marketing', 'inbound'].includes(type))
    throw invalid('type should be transactional, marketing or inbound');
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
    ...omitUndefined({ batched: fields.batched }),
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

/** The dedicated IP a domain sends from, when it has one. */
function ipOf(store: Store, d: Domain): { ip?: string } {
  const ip = store.ips.find((i) => i.domain === d.name || i.domain.endsWith(`.${d.name}`));
  return ip ? { ip: ip.ip } : {};
}

export const senderRoutes = routes({
  'GET /account': (_req, store) => ({ status: 200, body: structuredClone(store.account) }),
  'GET /senders': getSenders,
  'POST /senders': createSender,
  'PUT /senders/{senderId}': (req, store) => {
    const sender = store.sender(intParam(req, 'senderId'));
    const body = bodyOf(req);
    const name = optString(body, 'name');
    const email = optEmail(body, 'email');
    const ips = ipsOf(body);
    if (email !== undefined && email !== sender.email) {
      if ([...store.senders.values()].some((s) => s.email === email))
        throw new SandboxError(400, 'duplicate_parameter', 'Sender already exists');
      sender.email = email;
      sender.active = domainAuthenticated(store, domainOf(email));
    }
    if (name !== undefined) sender.name = name;
    if (ips !== undefined) sender.ips = ips;
    return { status: 204 };
  },
  'DELETE /senders/{senderId}': (req, store) => {
    store.senders.delete(store.sender(intParam(req, 'senderId')).id);
    return { status: 204 };
  },
  'GET /senders/{senderId}/ips': senderIps,
  'GET /senders/ips': (_req, store) => ({ status: 200, body: { ips: store.ips.map((i) => ({ ...i })) } }),
  'GET /senders/domains': (_req, store) => ({
    status: 200,
    body: {
      domains: [...store.domains.values()].map((d) => ({
        id: d.id,
        domain_name: d.name,
        authenticated: d.authenticated,
        verified: d.verified,
        ...ipOf(store, d),
      })),
    },
  }),
  'POST /senders/domains': createDomain,
  'GET /senders/domains/{domainName}': (req, store) => {
    const d = domainByName(req, store);
    return {
      status: 200,
      body: { domain: d.name, verified: d.verified, authenticated: d.authenticated, dns_records: dnsRecords(d) },
    };
  },
  'PUT /senders/domains/{domainName}/authenticate': (req, store) => {
    const d = domainByName(req, store);
    d.authenticated = true;
    d.verified = true;
    // Senders on the domain no longer need their code.
    for (const sender of store.senders.values()) if (domainOf(sender.email) === d.name) sender.active = true;
    return { status: 200, body: { domain_name: d.name, message: 'Domain has been authenticated successfully.' } };
  },
  'DELETE /senders/domains/{domainName}': (req, store) => {
    store.domains.delete(domainByName(req, store).name);
    return { status: 200 };
  },
  'PUT /senders/{senderId}/validate': (req, store) => {
    const sender = store.sender(intParam(req, 'senderId'));
    const otp = optInt(bodyOf(req), 'otp');
    if (otp === undefined) throw missing('otp');
    // The sandbox sends no code: any six-digit code validates the sender.
    if (otp < 100000 || otp > 999999) throw invalid('Invalid OTP');
    sender.active = true;
    return { status: 204 };
  },
  'GET /webhooks': (req, store) => {
    const type = req.query.get('type') ?? 'transactional';
    if (!['transactional', 'marketing', 'inbound'].includes(type))
      throw invalid('type should be transactional, marketing or inbound');
    const webhooks = sorted(
      req,
      [...store.webhooks.values()].filter((w) => w.type === type),
    );
    return { status: 200, body: { webhooks: webhooks.map((w) => store.webhookView(w)) } };
  },
  'POST /webhooks': createWebhook,
  'GET /webhooks/{webhookId}': (req, store) => ({
    status: 200,
    body: store.webhookView(store.webhook(intParam(req, 'webhookId'))),
  }),
  'PUT /webhooks/{webhookId}': updateWebhook,
  'DELETE /webhooks/{webhookId}': (req, store) => {
    store.webhooks.delete(store.webhook(intParam(req, 'webhookId')).id);
    return { status: 204 };
  },
});
