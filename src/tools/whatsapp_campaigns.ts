// WhatsApp campaigns and templates, and the WhatsApp account configuration.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { page, sortOrder } from './shapes.js';

const campaign = { campaignId: z.int() };

const recipients = z.strictObject({
  excludedListIds: z.array(z.int()).optional(),
  listIds: z.array(z.int()).optional(),
  segments: z.array(z.int()).optional(),
});

/** List filters: startDate+endDate are creation date-times; sort is by modification. */
const listQuery = {
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  ...page(100),
  sort: sortOrder.optional(),
};

const templateSource = z.enum(['Automation', 'Conversations']);

export default defineToolset('whatsapp_campaigns', [
  {
    name: 'get_whatsapp_campaigns',
    title: 'List WhatsApp campaigns',
    description: 'List WhatsApp campaigns, optionally those created between startDate and endDate (date-times).',
    keywords: ['whatsapp broadcasts', 'whatsapp marketing'],
    method: 'GET',
    path: '/whatsappCampaigns',
    query: listQuery,
  },
  {
    name: 'create_whatsapp_campaign',
    title: 'Create WhatsApp campaign',
    description:
      'Create a WhatsApp campaign sending an approved template to lists or segments at scheduledAt (date-time).',
    keywords: ['whatsapp broadcast', 'bulk whatsapp', 'whatsapp blast'],
    method: 'POST',
    path: '/whatsappCampaigns',
    // It always sends: scheduledAt is required.
    destructive: true,
    body: { name: z.string(), templateId: z.int(), scheduledAt: z.string(), recipients },
  },
  {
    name: 'get_whatsapp_campaign',
    title: 'Get WhatsApp campaign',
    description: 'One WhatsApp campaign with its template, schedule, sender number and statistics.',
    keywords: ['whatsapp campaign status', 'whatsapp campaign stats', 'whatsapp campaign results'],
    method: 'GET',
    path: '/whatsappCampaigns/{campaignId}',
    pathParams: campaign,
  },
  {
    name: 'update_whatsapp_campaign',
    title: 'Update WhatsApp campaign',
    description:
      'Rename, suspend or reschedule (rescheduleFor, a date-time) a WhatsApp campaign, or change its recipients.',
    keywords: ['pause whatsapp campaign', 'reschedule', 'edit whatsapp campaign'],
    method: 'PUT',
    path: '/whatsappCampaigns/{campaignId}',
    pathParams: campaign,
    body: {
      campaignName: z.string().optional(),
      campaignStatus: z.enum(['scheduled', 'suspended']).optional(),
      rescheduleFor: z.string().optional(),
      recipients: recipients.optional(),
    },
  },
  {
    name: 'delete_whatsapp_campaign',
    title: 'Delete WhatsApp campaign',
    description: 'Delete a WhatsApp campaign.',
    keywords: ['remove whatsapp campaign'],
    method: 'DELETE',
    path: '/whatsappCampaigns/{campaignId}',
    pathParams: campaign,
  },
  {
    name: 'get_whatsapp_templates',
    title: 'List WhatsApp templates',
    description: 'List WhatsApp templates with their approval status, optionally by source and creation date-times.',
    keywords: ['approved templates', 'message templates', 'template approval status'],
    method: 'GET',
    path: '/whatsappCampaigns/template-list',
    query: { ...listQuery, source: templateSource.optional() },
  },
  {
    name: 'create_whatsapp_template',
    title: 'Create WhatsApp template',
    description: 'Create a WhatsApp template; get it approved with send_whatsapp_template_approval before use.',
    keywords: ['new whatsapp template', 'message template'],
    method: 'POST',
    path: '/whatsappCampaigns/template',
    body: {
      name: z.string(),
      language: z.string(),
      category: z.enum(['MARKETING', 'UTILITY']),
      mediaUrl: z.string().optional().describe('Header media (jpeg, png, mp4, pdf) when there is no headerText'),
      bodyText: z.string().describe('Up to 1024 characters'),
      headerText: z.string().optional().describe('Up to 45 characters'),
      source: templateSource.optional(),
    },
  },
  {
    name: 'send_whatsapp_template_approval',
    title: 'Submit WhatsApp template',
    description: 'Submit a WhatsApp template to Meta for approval.',
    keywords: ['submit for approval', 'review by meta', 'get template approved'],
    method: 'POST',
    path: '/whatsappCampaigns/template/approval/{templateId}',
    destructive: true,
    pathParams: { templateId: z.int() },
  },
  {
    name: 'get_whatsapp_config',
    title: 'Get WhatsApp configuration',
    description: "The WhatsApp Business account's approval states, sending limit tier and phone number quality.",
    keywords: ['whatsapp business account', 'phone number quality', 'messaging limit', 'whatsapp settings'],
    method: 'GET',
    path: '/whatsappCampaigns/config',
  },
]);
