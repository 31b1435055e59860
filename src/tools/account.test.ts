import { describeRequests } from '../../test/support/request-cases.js';

describeRequests('account', [
  {
    tool: 'get_account',
    args: {},
    reply: {
      json: {
        email: 'owner@acme.test',
        companyName: 'Acme',
        plan: [{ type: 'free', credits: 300, creditsType: 'sendLimit' }],
      },
    },
    expect: { method: 'GET', path: '/account' },
  },
  {
    tool: 'get_processes',
    args: { limit: 20, offset: 40, sort: 'asc' },
    reply: { json: { processes: [{ id: 194, status: 'completed', name: 'SEARCH_EXPORT_USERS' }], count: 1 } },
    expect: { method: 'GET', path: '/processes', query: 'limit=20&offset=40&sort=asc' },
  },
  {
    tool: 'get_process',
    args: { processId: 194 },
    reply: {
      json: {
        id: 194,
        status: 'completed',
        name: 'SEARCH_EXPORT_USERS',
        export_url: 'https://exports.acme.test/contacts-194.csv',
      },
    },
    expect: { method: 'GET', path: '/processes/194' },
  },
  {
    tool: 'get_account_activity',
    args: { startDate: '2026-10-01', endDate: '2026-10-31', email: 'marketing.lead@acme.test', limit: 50, offset: 50 },
    reply: {
      json: {
        logs: [
          {
            action: 'login-success',
            date: '2026-10-16T16:49:23+02:00',
            user_email: 'marketing.lead@acme.test',
            user_ip: '203.0.113.7',
          },
        ],
      },
    },
    expect: {
      method: 'GET',
      path: '/organization/activities',
      query: 'startDate=2026-10-01&endDate=2026-10-31&email=marketing.lead@acme.test&limit=50&offset=50',
    },
  },
]);
