import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createWhatsappCampaignBody = {
  name: 'Winter sale WhatsApp',
  templateId: 12,
  scheduledAt: '2026-12-01T10:00:00+01:00',
  recipients: { listIds: [2, 7], excludedListIds: [9], segments: [15] },
};

const updateWhatsappCampaignBody = {
  campaignName: 'Winter sale WhatsApp (v2)',
  campaignStatus: 'scheduled',
  rescheduleFor: '2026-12-02T10:00:00+01:00',
  recipients: { listIds: [2] },
};

const createWhatsappTemplateBody = {
  name: 'order_shipped',
  language: 'en',
  category: 'UTILITY',
  headerText: 'Your order is on its way',
  bodyText: 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.',
  source: 'Automation',
};

const mediaHeaderTemplateBody = {
  name: 'winter_sale',
  language: 'fr',
  category: 'MARKETING',
  mediaUrl: 'https://cdn.acme.test/img/winter.png',
  bodyText: "Les soldes d'hiver commencent !",
};

describeRequests('whatsapp_campaigns', [
  {
    tool: 'get_whatsapp_campaigns',
    args: {
      startDate: '2026-10-01T00:00:00+02:00',
      endDate: '2026-11-01T00:00:00+01:00',
      limit: 50,
      offset: 50,
      sort: 'asc',
    },
    expect: {
      method: 'GET',
      path: '/whatsappCampaigns',
      query: 'startDate=2026-10-01T00:00:00+02:00&endDate=2026-11-01T00:00:00+01:00&limit=50&offset=50&sort=asc',
    },
  },
  {
    tool: 'create_whatsapp_campaign',
    args: createWhatsappCampaignBody,
    reply: { status: 201, json: { id: 23 } },
    expect: {
      method: 'POST',
      path: '/whatsappCampaigns',
      body: createWhatsappCampaignBody,
    },
  },
  { tool: 'get_whatsapp_campaign', args: { campaignId: 23 }, expect: { method: 'GET', path: '/whatsappCampaigns/23' } },
  {
    tool: 'update_whatsapp_campaign',
    args: { campaignId: 23, ...updateWhatsappCampaignBody },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/whatsappCampaigns/23',
      body: updateWhatsappCampaignBody,
    },
  },
  {
    tool: 'delete_whatsapp_campaign',
    args: { campaignId: 23 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/whatsappCampaigns/23' },
  },
  {
    tool: 'get_whatsapp_templates',
    args: { source: 'Conversations', limit: 20, sort: 'desc' },
    expect: {
      method: 'GET',
      path: '/whatsappCampaigns/template-list',
      query: 'limit=20&sort=desc&source=Conversations',
    },
  },
  {
    tool: 'create_whatsapp_template',
    args: createWhatsappTemplateBody,
    reply: { status: 201, json: { id: 1685536436754 } },
    expect: {
      method: 'POST',
      path: '/whatsappCampaigns/template',
      body: createWhatsappTemplateBody,
    },
  },
  {
    tool: 'create_whatsapp_template',
    label: 'media header',
    args: mediaHeaderTemplateBody,
    reply: { status: 201, json: { id: 1685536436755 } },
    expect: {
      method: 'POST',
      path: '/whatsappCampaigns/template',
      body: mediaHeaderTemplateBody,
    },
  },
  {
    tool: 'send_whatsapp_template_approval',
    args: { templateId: 1685536436754 },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/whatsappCampaigns/template/approval/1685536436754' },
  },
  { tool: 'get_whatsapp_config', args: {}, expect: { method: 'GET', path: '/whatsappCampaigns/config' } },
]);
