import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createEmailCampaignBody = {
  name: 'November newsletter',
  sender: { name: 'Acme News', email: 'news@acme.test' },
  subject: 'What is new at Acme in November',
  previewText: 'Three new products and a winter sale',
  htmlContent: '<h1>Hello {{contact.FIRSTNAME}}</h1><p>Here is our news.</p>',
  replyTo: 'support@acme.test',
  toField: '{{contact.FIRSTNAME}} {{contact.LASTNAME}}',
  recipients: { listIds: [2, 7], exclusionListIds: [9] },
  scheduledAt: '2026-11-28T09:30:00+01:00',
  tag: 'newsletter',
  inlineImageActivation: false,
  mirrorActive: true,
  utmCampaign: 'november newsletter',
  params: { discountCode: 'WINTER20' },
  emailExpirationDate: { duration: 3, unit: 'months' },
};

const abTestCampaignBody = {
  name: 'Winter sale A/B',
  sender: { id: 4 },
  templateId: 31,
  abTesting: true,
  subjectA: 'Winter sale starts now',
  subjectB: '20% off everything this week',
  splitRule: 20,
  winnerCriteria: 'open',
  winnerDelay: 24,
  recipients: { segmentIds: [15] },
  ipWarmupEnable: true,
  initialQuota: 3000,
  increaseRate: 30,
  updateFormId: '64a1f0c2b3d4e5f6a7b8c9d0',
};

const updateEmailCampaignBody = {
  subject: 'Acme in November: three new products',
  scheduledAt: '2026-11-29T10:00:00+01:00',
  sendAtBestTime: false,
  recurring: false,
};

describeRequests('email_campaigns', [
  {
    tool: 'get_email_campaigns',
    args: {
      type: 'classic',
      status: 'sent',
      statistics: 'globalStats',
      startDate: '2026-10-01T00:00:00+02:00',
      endDate: '2026-10-31T23:59:59+01:00',
      limit: 20,
      offset: 40,
      sort: 'desc',
      excludeHtmlContent: true,
    },
    expect: {
      method: 'GET',
      path: '/emailCampaigns',
      query:
        // wide: the exact query string a test expects, kept whole
        'type=classic&status=sent&statistics=globalStats&startDate=2026-10-01T00:00:00+02:00&endDate=2026-10-31T23:59:59+01:00&limit=20&offset=40&sort=desc&excludeHtmlContent=true',
    },
  },
  {
    tool: 'create_email_campaign',
    args: createEmailCampaignBody,
    reply: { status: 201, json: { id: 118 } },
    expect: {
      method: 'POST',
      path: '/emailCampaigns',
      body: createEmailCampaignBody,
    },
  },
  {
    tool: 'create_email_campaign',
    label: 'A/B test from a template, sender by id, IP warm-up',
    args: abTestCampaignBody,
    reply: { status: 201, json: { id: 119 } },
    expect: {
      method: 'POST',
      path: '/emailCampaigns',
      body: abTestCampaignBody,
    },
  },
  {
    tool: 'get_email_campaign',
    args: { campaignId: 118, statistics: 'statsByDevice' },
    expect: { method: 'GET', path: '/emailCampaigns/118', query: 'statistics=statsByDevice' },
  },
  {
    tool: 'update_email_campaign',
    args: { campaignId: 118, ...updateEmailCampaignBody },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/emailCampaigns/118',
      body: updateEmailCampaignBody,
    },
  },
  {
    tool: 'delete_email_campaign',
    args: { campaignId: 118 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/emailCampaigns/118' },
  },
  {
    tool: 'send_email_campaign_now',
    args: { campaignId: 118 },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/emailCampaigns/118/sendNow' },
  },
  {
    tool: 'send_email_campaign_test',
    args: { campaignId: 118, emailTo: ['qa@acme.test', 'ann.lee@example.com'] },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/emailCampaigns/118/sendTest',
      body: { emailTo: ['qa@acme.test', 'ann.lee@example.com'] },
    },
  },
  {
    tool: 'send_email_campaign_test',
    label: 'whole test list',
    args: { campaignId: 118 },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/emailCampaigns/118/sendTest', body: {} },
  },
  {
    tool: 'update_campaign_status',
    args: { campaignId: 118, status: 'suspended' },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/emailCampaigns/118/status', body: { status: 'suspended' } },
  },
  {
    tool: 'send_email_campaign_report',
    args: {
      campaignId: 118,
      language: 'en',
      email: { to: ['ceo@acme.test', 'marketing@acme.test'], body: 'Here is the November newsletter report.' },
    },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/emailCampaigns/118/sendReport',
      body: {
        language: 'en',
        email: { to: ['ceo@acme.test', 'marketing@acme.test'], body: 'Here is the November newsletter report.' },
      },
    },
  },
  {
    tool: 'get_ab_test_campaign_result',
    args: { campaignId: 119 },
    expect: { method: 'GET', path: '/emailCampaigns/119/abTestCampaignResult' },
  },
  {
    tool: 'get_shared_template_url',
    args: { campaignId: 118 },
    expect: { method: 'GET', path: '/emailCampaigns/118/sharedUrl' },
  },
  {
    tool: 'export_email_campaign_recipients',
    args: { campaignId: 118, recipientsType: 'nonOpeners', notifyURL: 'https://hooks.acme.test/brevo/export-done' },
    reply: { status: 202, json: { processId: 77 } },
    expect: {
      method: 'POST',
      path: '/emailCampaigns/118/exportRecipients',
      body: { recipientsType: 'nonOpeners', notifyURL: 'https://hooks.acme.test/brevo/export-done' },
    },
  },
  {
    tool: 'upload_image_to_gallery',
    args: { imageUrl: 'https://cdn.acme.test/img/winter-banner.png', name: 'winter-banner.png' },
    reply: { status: 201, json: { url: 'https://img.mailinblue.com/1234/images/winter-banner.png' } },
    expect: {
      method: 'POST',
      path: '/emailCampaigns/images',
      body: { imageUrl: 'https://cdn.acme.test/img/winter-banner.png', name: 'winter-banner.png' },
    },
  },
]);
