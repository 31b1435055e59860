import { describeRequests } from '../../test/support/request-cases.js';

describeRequests('account', [
  {
    tool: 'get_account',
    args: {},
    reply: { json: { email: 'owner@acme.test', companyName: 'Acme', plan: [{ type: 'free', credits: 300, creditsType: 'sendLimit' }] } },
    expect: { method: 'GET', path: '/account' },
  },
]);
