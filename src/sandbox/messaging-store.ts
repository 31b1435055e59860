// The SMS and WhatsApp state of the demo account: SMS campaigns and what happened to each
// recipient, transactional SMS and their events, the WhatsApp account, templates, campaigns and
// messages. Views give Brevo's answer shapes, with statistics derived from the recipients.
import { omitUndefined } from './http.js';

/** What happened to one SMS (campaign or transactional). */
export interface SmsFate {
  phone: string;
  contactId?: number;
  result: 'delivered' | 'softBounce' | 'hardBounce';
  answered?: boolean;
  unsubscribed?: boolean;
}

export type SmsCampaignStatus = 'draft' | 'sent' | 'archive' | 'queued' | 'suspended' | 'inProcess';

export interface SmsCampaign {
  id: number;
  name: string;
  status: SmsCampaignStatus;
  content: string;
  sender: string;
  scheduledAt?: string;
  recipients: { lists: number[]; exclusionLists: number[] };
  unicodeEnabled: boolean;
  organisationPrefix?: string;
  unsubscribeInstruction?: string;
  createdAt: string;
  modifiedAt: string;
  sentDate?: string;
  fates: SmsFate[];
}

/** One transactional SMS as sent. */
export interface Sms {
  messageId: number;
  reference: string;
  recipient: string;
  sender: string;
  content: string;
  tag?: string;
  type: 'transactional' | 'marketing';
  date: string;
  smsCount: number;
}

/** One row of /transactionalSMS/statistics/events. */
export interface SmsEvent {
  phoneNumber: string;
  date: string;
  messageId: string;
  event:
    | 'sent'
    | 'accepted'
    | 'delivered'
    | 'softBounces'
    | 'hardBounces'
    | 'blocked'
    | 'rejected'
    | 'skipped'
    | 'unsubscription'
    | 'replies';
  reason?: string;
  reply?: string;
  tag?: string;
}

export interface WhatsAppTemplate {
  id: number;
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY';
  bodyText: string;
  headerText?: string;
  mediaUrl?: string;
  source: 'Automation' | 'Conversations';
  status: 'draft' | 'pending' | 'approved' | 'rejected';
  createdAt: string;
  modifiedAt: string;
}

export type WhatsAppCampaignStatus =
  | 'draft'
  | 'scheduled'
  | 'pending'
  | 'approved'
  | 'running'
  | 'suspended'
  | 'rejected'
  | 'sent';

export interface WhatsAppCampaign {
  id: number;
  name: string;
  templateId: number;
  status: WhatsAppCampaignStatus;
  scheduledAt: string;
  recipients: { listIds: number[]; excludedListIds: number[]; segments: number[] };
  createdAt: string;
  modifiedAt: string;
  /** Recipients when sent: number, and whether it reached them and was read. */
  fates: { number: string; delivered: boolean; read: boolean; unsubscribed?: boolean }[];
  /** Contacts in the lists without a WhatsApp number when it was sent. */
  notSent: number;
}

/** One row of /whatsapp/statistics/events. */
export interface WhatsAppEvent {
  contactNumber: string;
  date: string;
  messageId: string;
  event: 'sent' | 'delivered' | 'read' | 'error' | 'unsubscribe' | 'reply' | 'soft-bounce';
  senderNumber: string;
  body?: string;
  reason?: string;
}

export class MessagingState {
  readonly smsCampaigns = new Map<number, SmsCampaign>();
  readonly sms: Sms[] = [];
  readonly smsEvents: SmsEvent[] = [];
  whatsappNumber = '33639980000';
  readonly whatsappTemplates = new Map<number, WhatsAppTemplate>();
  readonly whatsappCampaigns = new Map<number, WhatsAppCampaign>();
  readonly whatsappEvents: WhatsAppEvent[] = [];

  smsCampaignView(c: SmsCampaign) {
    const delivered = c.fates.filter((f) => f.result === 'delivered');
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      content: c.content,
      ...omitUndefined({ scheduledAt: c.scheduledAt }),
      sender: c.sender,
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
      recipients: { lists: [...c.recipients.lists], exclusionLists: [...c.recipients.exclusionLists] },
      statistics: {
        delivered: delivered.length,
        sent: c.fates.length,
        processing: 0,
        softBounces: c.fates.filter((f) => f.result === 'softBounce').length,
        hardBounces: c.fates.filter((f) => f.result === 'hardBounce').length,
        unsubscriptions: delivered.filter((f) => f.unsubscribed).length,
        answered: delivered.filter((f) => f.answered).length,
      },
    };
  }

  whatsappStats(c: WhatsAppCampaign) {
    return {
      sent: c.fates.length,
      delivered: c.fates.filter((f) => f.delivered).length,
      read: c.fates.filter((f) => f.read).length,
      unsubscribe: c.fates.filter((f) => f.unsubscribed).length,
      notSent: c.notSent,
    };
  }

  whatsappCampaignSummary(c: WhatsAppCampaign) {
    const stats = this.whatsappStats(c);
    return {
      id: c.id,
      campaignName: c.name,
      templateId: String(c.templateId),
      campaignStatus: c.status,
      scheduledAt: c.scheduledAt,
      errorReason: '',
      invalidatedContacts: c.notSent,
      readPercentage: stats.sent ? Math.round((stats.read / stats.sent) * 10_000) / 100 : 0,
      stats,
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
    };
  }

  whatsappCampaignView(c: WhatsAppCampaign) {
    const template = this.whatsappTemplates.get(c.templateId);
    const variables = [...(template?.bodyText ?? '').matchAll(/\{\{\s*(?:contact\.)?([A-Za-z0-9_]+)\s*\}\}/g)].map(
      (m) => ({ name: m[1]!, default: '', datatype: 'text' }),
    );
    return {
      id: c.id,
      campaignName: c.name,
      campaignStatus: c.status,
      scheduledAt: c.scheduledAt,
      senderNumber: this.whatsappNumber,
      stats: this.whatsappStats(c),
      template: {
        name: template?.name ?? 'deleted template',
        category: template?.category ?? 'MARKETING',
        language: template?.language ?? 'en',
        contains_button: false,
        display_header: template?.headerText !== undefined || template?.mediaUrl !== undefined,
        header_type: template?.mediaUrl !== undefined ? 'image' : 'text',
        components: [
          ...(template?.headerText !== undefined ? [{ type: 'HEADER', text: template.headerText }] : []),
          { type: 'BODY', text: template?.bodyText ?? '' },
        ],
        header_variables: [],
        body_variables: variables,
        button_type: 'NONE',
        hide_footer: true,
      },
      // Required by the definition, which never describes it: the lists it goes to.
      recipients: {
        type: 'list',
        includedLists: [...c.recipients.listIds],
        excludedLists: [...c.recipients.excludedListIds],
      },
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
    };
  }

  whatsappTemplateView(t: WhatsAppTemplate) {
    return {
      id: t.id,
      name: t.name,
      status: t.status,
      type: 'whatsapp',
      language: t.language,
      category: t.category,
      errorReason: 'NONE',
      createdAt: t.createdAt,
      modifiedAt: t.modifiedAt,
    };
  }
}

/** SMS parts a text takes: 160 characters (70 with unicode) in one, 153 (67) per part beyond. */
export function smsParts(text: string, unicode: boolean): number {
  const length = [...text].length;
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  return length <= single ? 1 : Math.ceil(length / multi);
}
