import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createSubAccountBody = {
  companyName: 'Northwind Lyon',
  email: 'lyon@northwind.test',
  language: 'fr',
  timezone: 'Europe/Paris',
  groupIds: ['5f8f8c3b5f56a02d4433b3a7'],
};

const inviteAdminUserBody = {
  email: 'li.wei@northwind.test',
  all_features_access: false,
  groupIds: ['d3b142c709d6ed67ef1cd903'],
  privileges: [
    { feature: 'sub_organization_groups', permissions: ['create', 'edit_delete'] },
    { feature: 'analytics', permissions: ['download_data'] },
  ],
};

const updateAdminUserPermissionsBody = {
  all_features_access: false,
  privileges: [
    { feature: 'apps_management', permissions: ['all'] },
    { feature: 'analytics', permissions: ['create_alerts', 'my_looks', 'explore_create'] },
    { feature: 'my_plan', permissions: ['none'] },
  ],
};

describeRequests('corporate', [
  {
    tool: 'get_master_account',
    args: {},
    reply: {
      json: {
        id: 1003286,
        email: 'it@northwind.test',
        companyName: 'Northwind Group',
        currencyCode: 'EUR',
        timezone: 'Europe/Paris',
      },
    },
    expect: { method: 'GET', path: '/corporate/masterAccount' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('Northwind Group'),
  },
  {
    tool: 'get_sub_accounts',
    args: { offset: 0, limit: 20 },
    reply: {
      json: {
        count: 1,
        subAccounts: [{ id: 4043629, companyName: 'Northwind Lyon', active: true, createdAt: 1631523176, groups: [] }],
      },
    },
    expect: { method: 'GET', path: '/corporate/subAccount', query: 'offset=0&limit=20' },
  },
  {
    tool: 'create_sub_account',
    args: createSubAccountBody,
    reply: { status: 201, json: { id: 4109344 } },
    expect: {
      method: 'POST',
      path: '/corporate/subAccount',
      body: createSubAccountBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('4109344'),
  },
  { tool: 'get_sub_account', args: { id: 4109344 }, expect: { method: 'GET', path: '/corporate/subAccount/4109344' } },
  {
    tool: 'delete_sub_account',
    args: { id: 4109344 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/corporate/subAccount/4109344' },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('HTTP 204'),
  },
  {
    tool: 'update_sub_account_plan',
    args: {
      id: 4043629,
      credits: { email: 5000, sms: 2000.5, wpSubscribers: -1, externalFeeds: 1, whatsapp: 100 },
      features: { users: 15, landingPage: 20, inbox: 10, salesUsers: 6 },
    },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/subAccount/4043629/plan',
      body: {
        credits: { email: 5000, sms: 2000.5, wpSubscribers: -1, externalFeeds: 1, whatsapp: 100 },
        features: { users: 15, landingPage: 20, inbox: 10, salesUsers: 6 },
      },
    },
  },
  {
    tool: 'update_sub_accounts_plan',
    args: { subAccountIds: [4534345, 987893, 876785], credits: { email: -1 }, features: { users: 5, salesUsers: 2 } },
    reply: { status: 202 },
    expect: {
      method: 'PUT',
      path: '/corporate/subAccounts/plan',
      body: { subAccountIds: [4534345, 987893, 876785], credits: { email: -1 }, features: { users: 5, salesUsers: 2 } },
    },
  },
  {
    tool: 'toggle_sub_account_applications',
    args: {
      id: 4043629,
      'email-campaigns': true,
      'sms-campaigns': false,
      'web-push': false,
      whatsapp: true,
      crm: true,
    },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/subAccount/4043629/applications/toggle',
      body: { whatsapp: true, 'email-campaigns': true, 'sms-campaigns': false, 'web-push': false, crm: true },
    },
  },
  {
    tool: 'create_sub_account_api_key',
    args: { id: 4043629, name: 'Lyon shop integration' },
    reply: { status: 201, json: { status: 'success', key: 'xkeysib-0000aaaa1111bbbb-Lyon0001' } },
    expect: { method: 'POST', path: '/corporate/subAccount/key', body: { id: 4043629, name: 'Lyon shop integration' } },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('xkeysib-0000aaaa1111bbbb-Lyon0001'),
  },
  {
    tool: 'create_sub_account_sso_token',
    args: { id: 4043629, email: 'manager@northwind-lyon.test', target: 'email_campaign' },
    reply: { json: { token: '5cada0000000000000000000005a179f85a0' } },
    expect: {
      method: 'POST',
      path: '/corporate/subAccount/ssoToken',
      body: { id: 4043629, email: 'manager@northwind-lyon.test', target: 'email_campaign' },
    },
  },
  {
    tool: 'create_sub_account_sso_token',
    label: 'landing on a full URL',
    args: { id: 4043629, url: 'https://app.brevo.com/contact/list' },
    reply: { json: { token: '7bd1e000000000000000000000c3a9' } },
    expect: {
      method: 'POST',
      path: '/corporate/subAccount/ssoToken',
      body: { id: 4043629, url: 'https://app.brevo.com/contact/list' },
    },
  },
  {
    tool: 'create_admin_sso_token',
    args: { email: 'anna.meyer@northwind.test' },
    reply: { json: { token: '9f0e00000000000000000000000b21' } },
    expect: { method: 'POST', path: '/corporate/ssoToken', body: { email: 'anna.meyer@northwind.test' } },
  },
  {
    tool: 'get_sub_account_groups',
    args: {},
    reply: { json: [{ id: 'd3b142c709d6ed67ef1cd903', groupName: 'France' }] },
    expect: { method: 'GET', path: '/corporate/groups' },
  },
  {
    tool: 'create_sub_account_group',
    args: { groupName: 'France', subAccountIds: [4043629, 3984002] },
    reply: { status: 201, json: { id: 'd3b142c709d6ed67ef1cd903' } },
    expect: {
      method: 'POST',
      path: '/corporate/group',
      body: { groupName: 'France', subAccountIds: [4043629, 3984002] },
    },
  },
  {
    tool: 'get_sub_account_group',
    args: { id: 'd3b142c709d6ed67ef1cd903' },
    expect: { method: 'GET', path: '/corporate/group/d3b142c709d6ed67ef1cd903' },
  },
  {
    tool: 'update_sub_account_group',
    args: { id: 'd3b142c709d6ed67ef1cd903', groupName: 'France & Benelux', subAccountIds: [4043629, 3984002, 3524191] },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/group/d3b142c709d6ed67ef1cd903',
      body: { groupName: 'France & Benelux', subAccountIds: [4043629, 3984002, 3524191] },
    },
  },
  {
    tool: 'delete_sub_account_group',
    args: { id: 'd3b142c709d6ed67ef1cd903' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/corporate/group/d3b142c709d6ed67ef1cd903' },
  },
  {
    tool: 'unlink_sub_accounts_from_group',
    args: { groupId: 'd3b142c709d6ed67ef1cd903', subAccountIds: [3524191] },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/group/unlink/d3b142c709d6ed67ef1cd903/subAccounts',
      body: { subAccountIds: [3524191] },
    },
  },
  {
    tool: 'get_corporate_ips',
    args: {},
    reply: { json: [{ ip: '185.41.28.10', domain: 'mail.northwind.test', transactional: true }] },
    expect: { method: 'GET', path: '/corporate/ip' },
  },
  {
    tool: 'associate_ip_to_sub_accounts',
    args: { ip: '185.41.28.10', ids: [4043629, 3984002] },
    reply: { status: 201, json: [] },
    expect: {
      method: 'POST',
      path: '/corporate/subAccount/ip/associate',
      body: { ip: '185.41.28.10', ids: [4043629, 3984002] },
    },
  },
  {
    tool: 'dissociate_ip_from_sub_accounts',
    args: { ip: '185.41.28.10', ids: [3984002] },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/subAccount/ip/dissociate',
      body: { ip: '185.41.28.10', ids: [3984002] },
    },
  },
  {
    tool: 'get_corporate_invited_users_list',
    args: {},
    reply: { json: { users: [{ email: 'anna.meyer@northwind.test', is_owner: false, status: 'active', groups: [] }] } },
    expect: { method: 'GET', path: '/corporate/invited/users' },
  },
  {
    tool: 'invite_admin_user',
    args: inviteAdminUserBody,
    reply: { status: 201, json: { id: '659a00000000000000a6ef9c8' } },
    expect: {
      method: 'POST',
      path: '/corporate/user/invitation/send',
      body: inviteAdminUserBody,
    },
  },
  {
    tool: 'invite_admin_user',
    label: 'all features, no privileges listed',
    args: { email: 'cfo@northwind.test', all_features_access: true, privileges: [] },
    reply: { status: 201, json: { id: '659b00000000000000a6ef9d1' } },
    expect: {
      method: 'POST',
      path: '/corporate/user/invitation/send',
      body: { email: 'cfo@northwind.test', all_features_access: true, privileges: [] },
    },
  },
  {
    tool: 'resend_or_cancel_admin_invitation',
    args: { action: 'resend', email: 'li.wei+admin@northwind.test' },
    reply: { json: { message: 'Invitation resent successfully' } },
    expect: { method: 'PUT', path: '/corporate/user/invitation/resend/li.wei%2Badmin%40northwind.test' },
  },
  {
    tool: 'resend_or_cancel_admin_invitation',
    label: 'cancel',
    args: { action: 'cancel', email: 'li.wei@northwind.test' },
    reply: { json: { message: 'Invitation cancelled successfully' } },
    expect: { method: 'PUT', path: '/corporate/user/invitation/cancel/li.wei%40northwind.test' },
  },
  {
    tool: 'revoke_admin_user',
    args: { email: 'li.wei@northwind.test' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/corporate/user/revoke/li.wei%40northwind.test' },
  },
  {
    tool: 'get_corporate_user_permission',
    args: { email: 'anna.meyer@northwind.test' },
    reply: { json: { email: 'anna.meyer@northwind.test', status: 'active', feature_access: { my_plan: ['all'] } } },
    expect: { method: 'GET', path: '/corporate/user/anna.meyer%40northwind.test/permissions' },
  },
  {
    tool: 'update_admin_user_permissions',
    args: { email: 'anna.meyer@northwind.test', ...updateAdminUserPermissionsBody },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/corporate/user/anna.meyer%40northwind.test/permissions',
      body: updateAdminUserPermissionsBody,
    },
  },
]);
