import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createResellerChildBody = {
  email: 'josh.cruise@cruise-travel.test',
  firstName: 'Josh',
  lastName: 'Cruise',
  companyName: 'Cruise Travel',
  password: 'Pa55w0rd65!x',
  language: 'en',
};

describeRequests('reseller', [
  {
    tool: 'get_reseller_children',
    args: { limit: 20, offset: 40 },
    reply: { json: { children: [{ id: 187588, email: 'john.smith@example.com', companyName: 'Smith Bakery' }] } },
    expect: { method: 'GET', path: '/reseller/children', query: 'limit=20&offset=40' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('Smith Bakery'),
  },
  {
    tool: 'create_reseller_child',
    args: createResellerChildBody,
    reply: { status: 201, json: { authKey: 'xkeysib-21881a00000cc92e04-mIre00007z', id: 1234567 } },
    expect: {
      method: 'POST',
      path: '/reseller/children',
      body: createResellerChildBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('1234567'),
  },
  {
    tool: 'get_reseller_child',
    args: { childIdentifier: '187588' },
    expect: { method: 'GET', path: '/reseller/children/187588' },
  },
  {
    tool: 'update_reseller_child',
    args: { childIdentifier: '187588', companyName: 'Smith & Sons Bakery', email: 'accounts@smithbakery.test' },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/reseller/children/187588',
      body: { email: 'accounts@smithbakery.test', companyName: 'Smith & Sons Bakery' },
    },
  },
  {
    tool: 'delete_reseller_child',
    args: { childIdentifier: 'xkeysib-21881a00000cc92e04-mIre00007z' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/reseller/children/xkeysib-21881a00000cc92e04-mIre00007z' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('HTTP 204'),
  },
  {
    tool: 'update_reseller_child_account_status',
    args: { childIdentifier: '187588', transactionalSms: false, marketingAutomation: true },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/reseller/children/187588/accountStatus',
      body: { transactionalSms: false, marketingAutomation: true },
    },
  },
  {
    tool: 'get_reseller_child_creation_status',
    args: { childIdentifier: '1234567' },
    reply: { json: { childAccountCreated: true } },
    expect: { method: 'GET', path: '/reseller/children/1234567/accountCreationStatus' },
  },
  {
    tool: 'get_reseller_child_sso_token',
    args: { childIdentifier: '187588' },
    reply: { json: { token: '5cada0000000000000000000005a179f85a0' } },
    expect: { method: 'GET', path: '/reseller/children/187588/auth' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('5cada0000000000000000000005a179f85a0'),
  },
  {
    tool: 'add_reseller_child_credits',
    args: { childIdentifier: '187588', email: 1200, sms: 450 },
    reply: { json: { child: { sms: 950, email: 3200 }, reseller: { sms: 12450, email: 1998800 } } },
    expect: { method: 'POST', path: '/reseller/children/187588/credits/add', body: { sms: 450, email: 1200 } },
  },
  {
    tool: 'add_reseller_child_credits',
    label: 'SMS credits only',
    args: { childIdentifier: '187588', sms: 300 },
    expect: { method: 'POST', path: '/reseller/children/187588/credits/add', body: { sms: 300 } },
  },
  {
    tool: 'remove_reseller_child_credits',
    args: { childIdentifier: '187588', email: 500 },
    reply: { json: { child: { sms: 950, email: 2700 }, reseller: { sms: 12450, email: 1999300 } } },
    expect: { method: 'POST', path: '/reseller/children/187588/credits/remove', body: { email: 500 } },
  },
  {
    tool: 'associate_ip_to_reseller_child',
    args: { childIdentifier: '187588', ip: '123.65.8.22' },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/reseller/children/187588/ips/associate', body: { ip: '123.65.8.22' } },
  },
  {
    tool: 'dissociate_ip_from_reseller_child',
    args: { childIdentifier: '187588', ip: '123.65.8.22' },
    reply: { status: 204 },
    expect: { method: 'POST', path: '/reseller/children/187588/ips/dissociate', body: { ip: '123.65.8.22' } },
  },
  {
    tool: 'get_reseller_child_domains',
    args: { childIdentifier: '187588' },
    reply: { json: [{ domain: 'mail.smithbakery.test', active: true }] },
    expect: { method: 'GET', path: '/reseller/children/187588/domains' },
  },
  {
    tool: 'create_reseller_child_domain',
    args: { childIdentifier: '187588', domain: 'mail.smithbakery.test' },
    reply: { status: 201 },
    expect: { method: 'POST', path: '/reseller/children/187588/domains', body: { domain: 'mail.smithbakery.test' } },
  },
  {
    tool: 'update_reseller_child_domain',
    args: { childIdentifier: '187588', domainName: 'mail.smithbakery.test', domain: 'news.smithbakery.test' },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/reseller/children/187588/domains/mail.smithbakery.test',
      body: { domain: 'news.smithbakery.test' },
    },
  },
  {
    tool: 'delete_reseller_child_domain',
    args: { childIdentifier: '187588', domainName: 'news.smithbakery.test' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/reseller/children/187588/domains/news.smithbakery.test' },
  },
]);
