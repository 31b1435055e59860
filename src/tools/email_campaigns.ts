// Email campaigns: create, update, schedule, send, test, report, A/B results, exports, images.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email, freeRecord, page, senderRef, sortOrder } from './shapes.js';

const campaign = { campaignId: z.int() };

/** Body fields that create and update share, exactly as both reference bodies define them. */
const campaignFields = {
  tag: z.string().optional(),
  htmlContent: z.string().optional(),
  htmlUrl: z.url().optional(),
  scheduledAt: z.string().optional().describe('Date-time with offset, e.g. 2026-06-01T12:30:00+02:00'),
  subject: z.string().optional(),
  previewText: z.string().optional(),
  replyTo: email.optional(),
  toField: z.string().optional().describe('Personalised To, e.g. {{contact.FNAME}} {{contact.LNAME}}'),
  recipients: z
    .strictObject({
      exclusionListIds: z.array(z.int()).optional(),
      listIds: z.array(z.int()).optional(),
      segmentIds: z.array(z.int()).optional(),
    })
    .optional(),
  attachmentUrl: z.url().optional(),
  inlineImageActivation: z.boolean().optional().describe('Embed images (email under 4 MB, under 5000 recipients)'),
  mirrorActive: z.boolean().optional(),
  footer: z.string().optional(),
  header: z.string().optional(),
  utmCampaign: z.string().optional(),
  params: freeRecord.optional().describe('Values for {{params.x}} in the content'),
  sendAtBestTime: z.boolean().optional(),
  abTesting: z.boolean().optional().describe('A/B test subjectA vs subjectB (subject is then ignored)'),
  subjectA: z.string().optional(),
  subjectB: z.string().optional(),
  splitRule: z.int().min(1).max(50).optional().describe('Test group size, % of recipients'),
  winnerCriteria: z.enum(['open', 'click']).optional(),
  winnerDelay: z.int().min(1).max(168).optional().describe('Test duration, hours'),
  ipWarmupEnable: z.boolean().optional(),
  initialQuota: z.int().optional(),
  increaseRate: z.int().min(0).max(100).optional().describe('Daily warm-up increase, %'),
  unsubscriptionPageId: z.string().optional(),
  updateFormId: z.string().optional(),
  emailExpirationDate: z
    .strictObject({ duration: z.int().min(1).max(3600).optional(), unit: z.enum(['days', 'weeks', 'months']).optional() })
    .optional(),
};

/** Campaign statuses a status update may set. */
const campaignStatus = z.enum(['suspended', 'archive', 'darchive', 'sent', 'queued', 'replicate', 'replicateTemplate', 'draft']);

export default defineToolset('email_campaigns', [
  {
    name: 'get_email_campaigns',
    title: 'List email campaigns',
    description: 'List email campaigns; startDate/endDate are date-times; excludeHtmlContent shortens answers.',
    method: 'GET',
    path: '/emailCampaigns',
    query: {
      type: z.enum(['classic', 'trigger']).optional(),
      status: z.enum(['suspended', 'archive', 'sent', 'queued', 'draft', 'inProcess']).optional(),
      statistics: z.enum(['globalStats', 'linksStats', 'statsByDomain']).optional(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      ...page(100),
      sort: sortOrder.optional(),
      excludeHtmlContent: z.literal([true, false]).optional(),
    },
  },
  {
    name: 'create_email_campaign',
    title: 'Create email campaign',
    description: 'Create an email campaign from htmlContent, htmlUrl or templateId; a draft unless scheduledAt is set. Returns its id.',
    method: 'POST',
    path: '/emailCampaigns',
    body: {
      name: z.string(),
      sender: senderRef.describe('email or id, with an optional name'),
      templateId: z.int().optional(),
      ...campaignFields,
    },
  },
  {
    name: 'get_email_campaign',
    title: 'Get email campaign',
    description: 'One email campaign with its settings, content and statistics.',
    method: 'GET',
    path: '/emailCampaigns/{campaignId}',
    pathParams: campaign,
    query: { statistics: z.enum(['globalStats', 'linksStats', 'statsByDomain', 'statsByDevice', 'statsByBrowser']).optional() },
  },
  {
    name: 'update_email_campaign',
    title: 'Update email campaign',
    description: 'Change an unsent email campaign; only given fields change. recurring is for trigger campaigns.',
    method: 'PUT',
    path: '/emailCampaigns/{campaignId}',
    pathParams: campaign,
    body: {
      name: z.string().optional(),
      sender: senderRef.optional(),
      recurring: z.boolean().optional(),
      ...campaignFields,
    },
  },
  {
    name: 'delete_email_campaign',
    title: 'Delete email campaign',
    description: 'Delete an email campaign.',
    method: 'DELETE',
    path: '/emailCampaigns/{campaignId}',
    pathParams: campaign,
  },
  {
    name: 'send_email_campaign_now',
    title: 'Send email campaign now',
    description: 'Send an email campaign to its recipients immediately.',
    method: 'POST',
    path: '/emailCampaigns/{campaignId}/sendNow',
    destructive: true,
    pathParams: campaign,
  },
  {
    name: 'send_email_campaign_test',
    title: 'Send email campaign test',
    description: 'Send a test of an email campaign to emailTo, else to the test list (50 a day at most).',
    method: 'POST',
    path: '/emailCampaigns/{campaignId}/sendTest',
    destructive: true,
    pathParams: campaign,
    body: { emailTo: z.array(email).optional() },
  },
  {
    name: 'update_campaign_status',
    title: 'Set email campaign status',
    description: 'Set an email campaign\'s status; darchive unarchives, replicate makes a copy.',
    method: 'PUT',
    path: '/emailCampaigns/{campaignId}/status',
    // `replicate` makes a new copy each time it is sent: not safe to repeat.
    idempotent: false,
    pathParams: campaign,
    body: { status: campaignStatus.optional() },
  },
  {
    name: 'send_email_campaign_report',
    title: 'Send email campaign report',
    description: 'Email a campaign\'s PDF report to email.to, with email.body as the message.',
    method: 'POST',
    path: '/emailCampaigns/{campaignId}/sendReport',
    destructive: true,
    pathParams: campaign,
    body: {
      language: z.enum(['fr', 'es', 'pt', 'it', 'de', 'en']).optional(),
      email: z.strictObject({ to: z.array(email), body: z.string() }),
    },
  },
  {
    name: 'get_ab_test_campaign_result',
    title: 'Get A/B test result',
    description: 'Winning version, criteria and per-version rates of an A/B test email campaign.',
    method: 'GET',
    path: '/emailCampaigns/{campaignId}/abTestCampaignResult',
    pathParams: campaign,
  },
  {
    name: 'get_shared_template_url',
    title: 'Get campaign share URL',
    description: 'A URL that lets another Brevo account import this campaign or template\'s design.',
    method: 'GET',
    path: '/emailCampaigns/{campaignId}/sharedUrl',
    pathParams: campaign,
  },
  {
    name: 'export_email_campaign_recipients',
    title: 'Export email campaign recipients',
    description: 'Export a campaign\'s recipients of one kind; returns a processId, notifyURL is called when done.',
    method: 'POST',
    path: '/emailCampaigns/{campaignId}/exportRecipients',
    pathParams: campaign,
    body: {
      notifyURL: z.url().optional(),
      recipientsType: z.enum(['all', 'nonClickers', 'nonOpeners', 'clickers', 'openers', 'softBounces', 'hardBounces', 'unsubscribed']),
    },
  },
  {
    name: 'upload_image_to_gallery',
    title: 'Upload image to gallery',
    description: 'Add an image from a public URL (2 MB at most) to the account\'s image gallery.',
    method: 'POST',
    path: '/emailCampaigns/images',
    body: { imageUrl: z.string(), name: z.string().optional() },
  },
]);
