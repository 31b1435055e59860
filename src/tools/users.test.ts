import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const inviteUserBody = {
  email: 'maya.ortiz@acme.test',
  all_features_access: false,
  privileges: [
    { feature: 'contacts', permissions: ['view', 'import', 'export'] },
    { feature: 'email_campaigns', permissions: ['create_edit_delete'] },
  ],
};

const editUserPermissionBody = {
  email: 'maya.ortiz@acme.test',
  all_features_access: false,
  privileges: [{ feature: 'sales_platform', permissions: ['create_edit_deals', 'reports'] }],
};

describeRequests('users', [
  {
    tool: 'get_invited_users_list',
    args: {},
    reply: {
      json: {
        users: [
          {
            email: 'owner@acme.test',
            is_owner: true,
            status: 'active',
            feature_access: { marketing: 'owner', conversations: 'owner', crm: 'owner' },
          },
        ],
      },
    },
    expect: { method: 'GET', path: '/organization/invited/users' },
  },
  {
    tool: 'get_user_permission',
    args: { email: 'maya.ortiz@acme.test' },
    reply: {
      json: {
        email: 'maya.ortiz@acme.test',
        status: 'active',
        privileges: [{ feature: 'Contacts', permissions: ['View'] }],
      },
    },
    expect: { method: 'GET', path: '/organization/user/maya.ortiz%40acme.test/permissions' },
  },
  {
    tool: 'invite_user',
    args: inviteUserBody,
    reply: { json: { status: 'OK' } },
    expect: {
      method: 'POST',
      path: '/organization/user/invitation/send',
      body: inviteUserBody,
    },
  },
  {
    tool: 'invite_user',
    label: 'all features',
    args: { email: 'li.chen@acme.test', all_features_access: true, privileges: [] },
    reply: { json: { status: 'OK' } },
    expect: {
      method: 'POST',
      path: '/organization/user/invitation/send',
      body: { email: 'li.chen@acme.test', all_features_access: true, privileges: [] },
    },
  },
  {
    tool: 'edit_user_permission',
    args: editUserPermissionBody,
    reply: { json: { status: 'OK' } },
    expect: {
      method: 'POST',
      path: '/organization/user/update/permissions',
      body: editUserPermissionBody,
    },
  },
  {
    tool: 'resend_or_cancel_user_invitation',
    args: { action: 'resend', email: 'li.chen@acme.test' },
    reply: { json: { message: 'Invitation has been resent' } },
    expect: { method: 'PUT', path: '/organization/user/invitation/resend/li.chen%40acme.test' },
  },
  {
    tool: 'resend_or_cancel_user_invitation',
    label: 'cancel',
    args: { action: 'cancel', email: 'li.chen@acme.test' },
    reply: { json: { message: 'Invitation has been cancelled' } },
    expect: { method: 'PUT', path: '/organization/user/invitation/cancel/li.chen%40acme.test' },
  },
  {
    tool: 'revoke_user_permission',
    args: { email: 'maya.ortiz@acme.test' },
    reply: { json: { status: 'OK' } },
    expect: { method: 'PUT', path: '/organization/user/invitation/revoke/maya.ortiz%40acme.test' },
  },
]);
