import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createSmsCampaignBody = {
  name: 'Black Friday SMS',
  sender: 'AcmeShop',
  content: 'Black Friday: 30% off everything today only at acme.test',
  recipients: { listIds: [2, 7], exclusionListIds: [9] },
  scheduledAt: '2026-11-27T08:00:00+01:00',
  unicodeEnabled: false,
  organisationPrefix: 'Acme',
  unsubscribeInstruction: 'Reply STOP to opt out',
};

describeRequests('sms_campaigns', [
  {
    tool: 'get_sms_campaigns',
    args: {
      status: 'sent',
      startDate: '2026-10-01T00:00:00Z',
      endDate: '2026-10-31T23:59:59Z',
      limit: 100,
      offset: 0,
      sort: 'asc',
    },
    expect: {
      method: 'GET',
      path: '/smsCampaigns',
      query: 'status=sent&startDate=2026-10-01T00:00:00Z&endDate=2026-10-31T23:59:59Z&limit=100&offset=0&sort=asc',
    },
  },
  {
    tool: 'create_sms_campaign',
    args: createSmsCampaignBody,
    reply: { status: 201, json: { id: 52 } },
    expect: {
      method: 'POST',
      path: '/smsCampaigns',
      body: createSmsCampaignBody,
    },
  },
  { tool: 'get_sms_campaign', args: { campaignId: 52 }, expect: { method: 'GET', path: '/smsCampaigns/52' } },
  {
    tool: 'update_sms_campaign',
    args: {
      campaignId: 52,
      content: 'Black Friday: 30% off everything until midnight at acme.test',
      scheduledAt: '2026-11-27T07:30:00+01:00',
    },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/smsCampaigns/52',
      body: {
        content: 'Black Friday: 30% off everything until midnight at acme.test',
        scheduledAt: '2026-11-27T07:30:00+01:00',
      },
    },
  },
  {
    tool: 'delete_sms_campaign',
    args: { campaignId: 52 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/smsCampaigns/52' },
  },
  {
    tool: 'send_sms_campaign_now',
    args: { campaignId: 52 },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/smsCampaigns/52/sendNow' },
  },
  {
    tool: 'update_sms_campaign_status',
    args: { campaignId: 52, status: 'replicate' },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/smsCampaigns/52/status', body: { status: 'replicate' } },
  },
  {
    tool: 'send_test_sms',
    args: { campaignId: 52, phoneNumber: '33689965433' },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/smsCampaigns/52/sendTest', body: { phoneNumber: '33689965433' } },
  },
  {
    tool: 'request_sms_recipient_export',
    args: { campaignId: 52, recipientsType: 'answered', notifyURL: 'https://hooks.acme.test/brevo/export-done' },
    reply: { status: 202, json: { processId: 78 } },
    expect: {
      method: 'POST',
      path: '/smsCampaigns/52/exportRecipients',
      body: { recipientsType: 'answered', notifyURL: 'https://hooks.acme.test/brevo/export-done' },
    },
  },
  {
    tool: 'send_sms_report',
    args: {
      campaignId: 52,
      language: 'de',
      email: { to: ['marketing@acme.test'], body: 'Black Friday SMS results attached.' },
    },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/smsCampaigns/52/sendReport',
      body: { language: 'de', email: { to: ['marketing@acme.test'], body: 'Black Friday SMS results attached.' } },
    },
  },
]);
