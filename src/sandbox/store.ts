// The emulator's state: the Brevo objects of one account, held in memory, with the ids,
// timestamps and derived counts Brevo shows. Handlers (the *-api.ts files) change it; views
// give each object the field names and shape of Brevo's official definition. CRM, e-commerce,
// SMS/WhatsApp, loyalty and coupons/feeds/payments state live in crm-store.ts, shop-store.ts,
// messaging-store.ts, loyalty-store.ts and commerce-store.ts.
import { randomUUID } from 'node:crypto';
import { campaignStatistics, type Engagement } from './campaign-stats.js';
import type { BlockedDomain, InboundEmail, Process } from './core-store.js';
import { CrmState } from './crm-store.js';
import { FileShelf } from './files.js';
import { trimEmailLog } from './limits.js';
import { foundIn, notFound, omitUndefined } from './http.js';
import { CommerceToolsState } from './commerce-store.js';
import { LoyaltyState } from './loyalty-store.js';
import { MessagingState } from './messaging-store.js';
import { ShopState } from './shop-store.js';

export interface Folder {
  id: number;
  name: string;
}

export interface List {
  id: number;
  name: string;
  folderId: number;
  createdAt: string;
}

export interface Contact {
  id: number;
  email?: string;
  extId?: string;
  attributes: Record<string, unknown>;
  emailBlacklisted: boolean;
  smsBlacklisted: boolean;
  listIds: number[];
  smtpBlacklistSender: string[];
  createdAt: string;
  modifiedAt: string;
}

export type AttributeCategory = 'normal' | 'transactional' | 'category' | 'calculated' | 'global';

export interface Attribute {
  name: string;
  category: AttributeCategory;
  type?: string;
  enumeration?: { value: number; label: string }[];
  multiCategoryOptions?: string[];
  calculatedValue?: string;
  isRecurring?: boolean;
}

export interface SenderRef {
  name: string;
  email: string;
  id?: number;
}

export interface Template {
  id: number;
  name: string;
  subject: string;
  isActive: boolean;
  testSent: boolean;
  sender: SenderRef;
  replyTo: string;
  toField: string;
  tag: string;
  htmlContent: string;
  attachmentUrl?: string;
  createdAt: string;
  modifiedAt: string;
}

export interface Campaign {
  id: number;
  name: string;
  subject?: string;
  previewText?: string;
  type: 'classic' | 'trigger';
  status: 'draft' | 'sent' | 'archive' | 'queued' | 'suspended' | 'in_process';
  scheduledAt?: string;
  testSent: boolean;
  header: string;
  footer: string;
  sender: SenderRef;
  replyTo: string;
  toField: string;
  htmlContent: string;
  tag: string;
  inlineImageActivation: boolean;
  mirrorActive: boolean;
  recurring: boolean;
  recipients: { lists: number[]; exclusionLists: number[] };
  createdAt: string;
  modifiedAt: string;
  sentDate?: string;
  /** Ids of the contacts a sent campaign went to. */
  sentTo?: number[];
  /** What recipients did, by contact id (none: delivered, nothing more); the statistics derive from it. */
  engagement: Record<number, Engagement>;
  /** An A/B test of two subject lines on a share of the recipients (abTesting). */
  abTest?: {
    subjectA: string;
    subjectB: string;
    splitRule: number;
    winnerCriteria: 'open' | 'click';
    winnerDelay: number;
  };
}

export interface Sender {
  id: number;
  name: string;
  email: string;
  active: boolean;
  ips: { ip: string; domain: string; weight: number }[];
}

/** A sending domain: authenticated ones make their senders active without a code. */
export interface Domain {
  id: number;
  name: string;
  authenticated: boolean;
  verified: boolean;
  createdAt: string;
}

/** A dedicated IP of the account. */
export interface DedicatedIp {
  id: number;
  ip: string;
  domain: string;
  active: boolean;
}

/** A saved segment: contacts picked by conditions; the sandbox keeps the members it has. */
export interface Segment {
  id: number;
  name: string;
  categoryName: string;
  updatedAt: string;
  contactIds: number[];
}

export interface Webhook {
  id: number;
  url: string;
  description: string;
  events: string[];
  type: 'transactional' | 'marketing' | 'inbound';
  channel: 'email' | 'sms';
  batched?: boolean;
  auth?: Record<string, unknown>;
  headers?: Record<string, unknown>[];
  domain?: string;
  createdAt: string;
  modifiedAt: string;
}

/** One transactional email as delivered to one recipient (what /smtp/emails lists). */
export interface SentEmail {
  uuid: string;
  messageId: string;
  email: string;
  subject: string;
  templateId?: number;
  date: string;
  from: string;
  tags: string[];
  body: string;
  attachmentCount: number;
  events: { name: string; time: string }[];
}

/** One row of the transactional event log (what /smtp/statistics/events lists). */
export interface EmailEvent {
  email: string;
  date: string;
  subject: string;
  messageId: string;
  event: string;
  tag?: string;
  from: string;
  templateId?: number;
  ip?: string;
  link?: string;
  reason?: string;
}

/** What happened to one email, in order, as /smtp/emails/{uuid} names it. */
export type DeliveryEvent = {
  name:
    | 'sent'
    | 'delivered'
    | 'opened'
    | 'clicked'
    | 'softBounce'
    | 'hardBounce'
    | 'blocked'
    | 'spam'
    | 'unsubscribed'
    | 'deferred';
  time: string;
  link?: string;
  ip?: string;
  reason?: string;
};

/** One email to one recipient, before it is logged: the message and its fate. */
export interface Delivery {
  messageId: string;
  email: string;
  subject: string;
  templateId?: number;
  from: string;
  tags: string[];
  body: string;
  attachmentCount: number;
  events: DeliveryEvent[];
}

/** The event log's name for each delivery event (/smtp/statistics/events `event`). */
const LOGGED_AS: Record<DeliveryEvent['name'], string> = {
  sent: 'requests',
  delivered: 'delivered',
  opened: 'opened',
  clicked: 'clicks',
  softBounce: 'softBounces',
  hardBounce: 'hardBounces',
  blocked: 'blocked',
  spam: 'spam',
  unsubscribed: 'unsubscribed',
  deferred: 'deferred',
};

/** A send with scheduledAt: queued until its time, then processed into the log. */
export interface ScheduledEmail {
  messageId: string;
  batchId?: string;
  scheduledAt: string;
  createdAt: string;
  status: 'queued' | 'processed';
  /** One per recipient, logged (sent, delivered) when the time comes. */
  deliveries: Omit<Delivery, 'events'>[];
}

export interface Account {
  email: string;
  firstName: string;
  lastName: string;
  companyName: string;
  address: { street: string; city: string; zipCode: string; country: string };
  plan: { type: string; credits: number; creditsType: string; startDate?: string; endDate?: string }[];
  relay: { enabled: boolean; data: { userName: string; relay: string; port: number } };
  marketingAutomation: { key?: string; enabled: boolean };
}

/** Brevo's timestamp form: UTC, seconds precision. */
export const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One day, in milliseconds. */
export const DAY = 86_400_000;

export class Store {
  account!: Account;
  readonly folders = new Map<number, Folder>();
  readonly lists = new Map<number, List>();
  readonly contacts = new Map<number, Contact>();
  readonly attributes: Attribute[] = [];
  readonly templates = new Map<number, Template>();
  readonly campaigns = new Map<number, Campaign>();
  readonly senders = new Map<number, Sender>();
  /** Sending domains by lower-case name. */
  readonly domains = new Map<string, Domain>();
  readonly ips: DedicatedIp[] = [];
  readonly segments = new Map<number, Segment>();
  readonly webhooks = new Map<number, Webhook>();
  readonly emails: SentEmail[] = [];
  readonly events: EmailEvent[] = [];
  readonly scheduled = new Map<string, ScheduledEmail>();
  readonly crm = new CrmState();
  readonly shop = new ShopState();
  readonly messaging = new MessagingState();
  readonly processes = new Map<number, Process>();
  /** Files served at the emulator's origin: exports, reports, shared pages. */
  readonly files = new FileShelf();
  readonly blockedDomains: BlockedDomain[] = [];
  /** By lower-case email: blocks (hard bounces, unsubscriptions) before this time no longer count. */
  readonly unblockedAt = new Map<string, string>();
  readonly inbound: InboundEmail[] = [];
  readonly loyalty = new LoyaltyState();
  readonly commerce = new CommerceToolsState();
  private readonly counters = new Map<string, number>();

  constructor(readonly clock: () => Date = () => new Date()) {}

  now(): string {
    return iso(this.clock());
  }

  /** The next id of a kind: one more than the largest given so far. */
  nextId(kind: string): number {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return next;
  }

  /** Records that ids up to `id` of a kind are taken (seeding with fixed ids). */
  reserveId(kind: string, id: number): void {
    this.counters.set(kind, Math.max(this.counters.get(kind) ?? 0, id));
  }

  // Lookups that fail the way Brevo does.

  folder(id: number): Folder {
    return foundIn(this.folders, id, 'Folder ID does not exist');
  }

  list(id: number): List {
    return foundIn(this.lists, id, 'List ID does not exist');
  }

  template(id: number): Template {
    return foundIn(this.templates, id, 'Template ID does not exist');
  }

  campaign(id: number): Campaign {
    return foundIn(this.campaigns, id, 'Campaign ID does not exist');
  }

  sender(id: number): Sender {
    return foundIn(this.senders, id, 'Sender ID does not exist');
  }

  webhook(id: number): Webhook {
    return foundIn(this.webhooks, id, 'Webhook ID does not exist');
  }

  /** Logs one email: it shows in /smtp/emails (and its content) and each event in the event log. */
  recordEmail(delivery: Delivery): SentEmail {
    const { events, ...message } = delivery;
    const sent: SentEmail = {
      uuid: randomUUID(),
      ...message,
      date: events[0]?.time ?? this.now(),
      events: events.map((e) => ({ name: e.name, time: e.time })),
    };
    this.emails.push(sent);
    for (const e of events) {
      this.events.push({
        email: message.email,
        date: e.time,
        subject: message.subject,
        messageId: message.messageId,
        event: LOGGED_AS[e.name],
        ...(message.tags[0] !== undefined ? { tag: message.tags[0] } : {}),
        from: message.from,
        ...omitUndefined({ templateId: message.templateId }),
        ...omitUndefined({ ip: e.ip, link: e.link, reason: e.reason }),
      });
    }
    trimEmailLog(this);
    return sent;
  }

  contactByEmail(email: string): Contact | undefined {
    const wanted = email.toLowerCase();
    for (const c of this.contacts.values()) if (c.email === wanted) return c;
    return undefined;
  }

  contactByExtId(extId: string): Contact | undefined {
    for (const c of this.contacts.values()) if (c.extId === extId) return c;
    return undefined;
  }

  contactByAttribute(name: string, value: string): Contact | undefined {
    for (const c of this.contacts.values())
      if (c.attributes[name] !== undefined && String(c.attributes[name]) === value) return c;
    return undefined;
  }

  /**
   * A contact by Brevo's identifier rules: identifierType when given; otherwise an email when
   * it has an @, an id when it is all digits (else the SMS number), else an ext_id.
   */
  findContact(identifier: string, identifierType?: string | null): Contact {
    let found: Contact | undefined;
    switch (identifierType ?? undefined) {
      case 'email_id':
        found = this.contactByEmail(identifier);
        break;
      case 'contact_id':
        found = /^\d+$/.test(identifier) ? this.contacts.get(Number(identifier)) : undefined;
        break;
      case 'ext_id':
        found = this.contactByExtId(identifier);
        break;
      case 'phone_id':
        found = this.contactByAttribute('SMS', identifier.replace(/^\+/, ''));
        break;
      case 'whatsapp_id':
        found = this.contactByAttribute('WHATSAPP', identifier.replace(/^\+/, ''));
        break;
      case 'landline_number_id':
        found = this.contactByAttribute('LANDLINE_NUMBER', identifier.replace(/^\+/, ''));
        break;
      case undefined:
        if (identifier.includes('@')) found = this.contactByEmail(identifier);
        else if (/^\d+$/.test(identifier))
          found = this.contacts.get(Number(identifier)) ?? this.contactByAttribute('SMS', identifier);
        else found = this.contactByExtId(identifier) ?? this.contactByAttribute('SMS', identifier.replace(/^\+/, ''));
        break;
    }
    if (!found) throw notFound('Contact does not exist');
    return found;
  }

  // Derived numbers, always from the current state.

  members(listId: number): Contact[] {
    return [...this.contacts.values()].filter((c) => c.listIds.includes(listId));
  }

  /** Brevo's list counters: subscribers exclude blocklisted contacts, unique counts everyone. */
  counts(contacts: Iterable<Contact>) {
    let total = 0;
    let blacklisted = 0;
    for (const c of contacts) {
      total++;
      if (c.emailBlacklisted) blacklisted++;
    }
    return { totalBlacklisted: blacklisted, totalSubscribers: total - blacklisted, uniqueSubscribers: total };
  }

  folderMembers(folderId: number): Contact[] {
    const listIds = new Set([...this.lists.values()].filter((l) => l.folderId === folderId).map((l) => l.id));
    return [...this.contacts.values()].filter((c) => c.listIds.some((id) => listIds.has(id)));
  }

  // Views: the objects as Brevo's answers show them.

  contactView(c: Contact) {
    return {
      ...omitUndefined({ email: c.email }),
      id: c.id,
      emailBlacklisted: c.emailBlacklisted,
      smsBlacklisted: c.smsBlacklisted,
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
      listIds: [...c.listIds],
      attributes: { ...c.attributes, ...(c.extId !== undefined ? { EXT_ID: c.extId } : {}) },
    };
  }

  folderView(f: Folder) {
    return { id: f.id, name: f.name, ...this.counts(this.folderMembers(f.id)) };
  }

  listView(l: List) {
    const { totalBlacklisted, totalSubscribers, uniqueSubscribers } = this.counts(this.members(l.id));
    return { id: l.id, name: l.name, totalBlacklisted, totalSubscribers, uniqueSubscribers, folderId: l.folderId };
  }

  templateView(t: Template, single: boolean) {
    return {
      id: t.id,
      name: t.name,
      subject: t.subject,
      isActive: t.isActive,
      testSent: t.testSent,
      // The definition types a template's sender id as a string.
      sender: {
        name: t.sender.name,
        email: t.sender.email,
        ...(t.sender.id !== undefined ? { id: String(t.sender.id) } : {}),
      },
      replyTo: t.replyTo,
      toField: t.toField,
      tag: t.tag,
      htmlContent: t.htmlContent,
      createdAt: t.createdAt,
      modifiedAt: t.modifiedAt,
      ...(single ? { doiTemplate: false } : {}),
    };
  }

  campaignView(c: Campaign, withHtml = true) {
    return {
      id: c.id,
      name: c.name,
      ...omitUndefined({ subject: c.subject, previewText: c.previewText }),
      type: c.type,
      status: c.status,
      ...omitUndefined({ scheduledAt: c.scheduledAt }),
      testSent: c.testSent,
      header: c.header,
      footer: c.footer,
      sender: { ...c.sender },
      replyTo: c.replyTo,
      toField: c.toField,
      ...(withHtml ? { htmlContent: c.htmlContent } : {}),
      shareLink: `https://demoshop.sandbox.brevo.invalid/campaigns/${c.id}`,
      tag: c.tag,
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
      inlineImageActivation: c.inlineImageActivation,
      mirrorActive: c.mirrorActive,
      recurring: c.recurring,
      ...omitUndefined({ sentDate: c.sentDate }),
      recipients: { lists: [...c.recipients.lists], exclusionLists: [...c.recipients.exclusionLists] },
      statistics: campaignStatistics(this, c),
    };
  }

  webhookView(w: Webhook) {
    return {
      url: w.url,
      id: w.id,
      description: w.description,
      events: [...w.events],
      type: w.type,
      channel: w.channel,
      createdAt: w.createdAt,
      modifiedAt: w.modifiedAt,
      ...omitUndefined({ batched: w.batched, auth: w.auth, headers: w.headers }),
    };
  }
}

/** The item, or the 404 Brevo answers for a missing id of that kind. */
