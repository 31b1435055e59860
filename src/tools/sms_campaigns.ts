// SMS campaigns: create, update, schedule, send, test, report, exports.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email, page, sortOrder } from './shapes.js';

const campaign = { campaignId: z.int() };

const sender = z.string().max(15).describe('Up to 11 letters or 15 digits');
const content = z.string().describe('Over 160 characters counts as several SMS');

/** Body fields that create and update share; create then requires name, sender and content. */
const campaignFields = {
  name: z.string().optional(),
  sender: sender.optional(),
  content: content.optional(),
  recipients: z.strictObject({ listIds: z.array(z.int()), exclusionListIds: z.array(z.int()).optional() }).optional(),
  scheduledAt: z.string().optional().describe('Date-time with offset, e.g. 2026-06-01T12:30:00+02:00'),
  unicodeEnabled: z.boolean().optional(),
  organisationPrefix: z.string().optional().describe('Brand name put before the content'),
  unsubscribeInstruction: z.string().optional().describe('Opt-out text put after the content; must contain STOP'),
};

export default defineToolset('sms_campaigns', [
  {
    name: 'get_sms_campaigns',
    title: 'List SMS campaigns',
    description: 'List SMS campaigns, optionally by status; startDate+endDate (date-times) filter sent ones.',
    keywords: ['text message campaigns', 'sms blasts', 'sms marketing'],
    method: 'GET',
    path: '/smsCampaigns',
    query: {
      status: z.enum(['suspended', 'archive', 'sent', 'queued', 'draft', 'inProcess']).optional(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      ...page(1000),
      sort: sortOrder.optional(),
    },
  },
  {
    name: 'create_sms_campaign',
    title: 'Create SMS campaign',
    description: 'Create an SMS campaign; a draft unless scheduledAt and recipients are given. Returns its id.',
    keywords: ['new text message campaign', 'sms blast', 'bulk sms', 'mass text'],
    method: 'POST',
    path: '/smsCampaigns',
    body: { ...campaignFields, name: z.string(), sender, content },
  },
  {
    name: 'get_sms_campaign',
    title: 'Get SMS campaign',
    description: 'One SMS campaign with its content, recipients and statistics.',
    keywords: ['sms campaign status', 'sms campaign stats', 'sms campaign performance', 'sms campaign results'],
    method: 'GET',
    path: '/smsCampaigns/{campaignId}',
    pathParams: campaign,
  },
  {
    name: 'update_sms_campaign',
    title: 'Update SMS campaign',
    description: 'Change an SMS campaign before it is sent; only the fields given change.',
    keywords: ['edit sms campaign', 'change text', 'reschedule sms'],
    method: 'PUT',
    path: '/smsCampaigns/{campaignId}',
    pathParams: campaign,
    body: campaignFields,
  },
  {
    name: 'delete_sms_campaign',
    title: 'Delete SMS campaign',
    description: 'Delete an SMS campaign.',
    keywords: ['remove sms campaign'],
    method: 'DELETE',
    path: '/smsCampaigns/{campaignId}',
    pathParams: campaign,
  },
  {
    name: 'send_sms_campaign_now',
    title: 'Send SMS campaign now',
    description: 'Send an SMS campaign to its recipients immediately.',
    keywords: ['send sms blast', 'launch sms campaign', 'text everyone'],
    method: 'POST',
    path: '/smsCampaigns/{campaignId}/sendNow',
    destructive: true,
    pathParams: campaign,
  },
  {
    name: 'update_sms_campaign_status',
    title: 'Set SMS campaign status',
    description: "Set an SMS campaign's status; darchive unarchives, replicate makes a copy.",
    keywords: ['pause sms campaign', 'suspend', 'resume', 'archive', 'duplicate'],
    method: 'PUT',
    path: '/smsCampaigns/{campaignId}/status',
    // `replicate` makes a new copy each time it is sent: not safe to repeat.
    idempotent: false,
    pathParams: campaign,
    body: {
      status: z
        .enum(['suspended', 'archive', 'darchive', 'sent', 'queued', 'replicate', 'replicateTemplate', 'draft'])
        .optional(),
    },
  },
  {
    name: 'send_test_sms',
    title: 'Send SMS campaign test',
    description: "Send a test of an SMS campaign to phoneNumber, a non-blocklisted contact's number with country code.",
    keywords: ['test text message', 'preview sms', 'sms proof'],
    method: 'POST',
    path: '/smsCampaigns/{campaignId}/sendTest',
    destructive: true,
    pathParams: campaign,
    body: { phoneNumber: z.string().optional() },
  },
  {
    name: 'request_sms_recipient_export',
    title: 'Export SMS campaign recipients',
    description: "Export an SMS campaign's recipients of one kind; returns a processId, notifyURL is called when done.",
    keywords: ['sms recipients', 'who received the sms', 'sms bounces list', 'sms unsubscribers'],
    method: 'POST',
    path: '/smsCampaigns/{campaignId}/exportRecipients',
    pathParams: campaign,
    body: {
      notifyURL: z.url().optional(),
      recipientsType: z.enum(['all', 'delivered', 'answered', 'softBounces', 'hardBounces', 'unsubscribed']),
    },
  },
  {
    name: 'send_sms_report',
    title: 'Send SMS campaign report',
    description: "Email a sent or archived SMS campaign's PDF report to email.to, with email.body as the message.",
    keywords: ['email sms results', 'sms pdf report'],
    method: 'POST',
    path: '/smsCampaigns/{campaignId}/sendReport',
    destructive: true,
    pathParams: campaign,
    body: {
      language: z.enum(['fr', 'es', 'pt', 'it', 'de', 'en']).optional(),
      email: z.strictObject({ to: z.array(email), body: z.string() }),
    },
  },
]);
