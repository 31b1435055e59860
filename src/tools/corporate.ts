// Corporate (master) account: sub-accounts and their plans, applications and API keys, groups of
// sub-accounts, dedicated IPs, admin users and their permissions, SSO.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email } from './shapes.js';

/** Consumable credits of a sub-account plan; -1 means unlimited on Corporate v2. */
const planCredits = z.strictObject({
  email: z.int().optional(),
  sms: z.number().optional(),
  wpSubscribers: z.int().optional(),
  externalFeeds: z.int().optional(),
  whatsapp: z.number().optional(),
});

const planFeatures = {
  users: z.int().optional(),
  landingPage: z.int().optional(),
  salesUsers: z.int().optional(),
};

const ipToSubAccounts = { ip: z.string(), ids: z.array(z.int()) };

const subAccountId = { id: z.int() };
const groupId = { id: z.string() };
const adminEmail = { email: z.string() };

export default defineToolset('corporate', [
  {
    name: 'get_master_account',
    title: 'Get master account',
    description: "The master account's company, billing details, plan and how much of each plan feature is used.",
    keywords: ['master account details', 'corporate plan', 'organization plan', 'feature usage'],
    method: 'GET',
    path: '/corporate/masterAccount',
  },
  {
    name: 'get_sub_accounts',
    title: 'List sub-accounts',
    description: 'Page through the sub-accounts of the master account, with their groups and creation time.',
    keywords: ['all sub-accounts', 'brands', 'branches'],
    method: 'GET',
    path: '/corporate/subAccount',
    query: { offset: z.int(), limit: z.int() },
  },
  {
    name: 'create_sub_account',
    title: 'Create sub-account',
    description: 'Create a sub-account under the master account; timezone as in Europe/Paris. Returns its id.',
    keywords: ['new sub-account', 'new brand account', 'new branch account'],
    method: 'POST',
    path: '/corporate/subAccount',
    body: {
      companyName: z.string(),
      email: z.string(),
      language: z.enum(['en', 'fr', 'it', 'es', 'pt', 'de']).optional(),
      timezone: z.string().optional(),
      groupIds: z.array(z.string()).optional(),
    },
  },
  {
    name: 'get_sub_account',
    title: 'Get sub-account',
    description: "One sub-account: owner, company, groups, and its plan's credits and features with what remains.",
    keywords: ['sub-account details', 'sub-account credits'],
    method: 'GET',
    path: '/corporate/subAccount/{id}',
    pathParams: subAccountId,
  },
  {
    name: 'delete_sub_account',
    title: 'Delete sub-account',
    description: 'Delete a sub-account for good.',
    keywords: ['remove sub-account'],
    method: 'DELETE',
    path: '/corporate/subAccount/{id}',
    pathParams: subAccountId,
  },
  {
    name: 'update_sub_account_plan',
    title: 'Update sub-account plan',
    description: "Set one sub-account's credits and feature quotas; -1 means unlimited (Corporate v2).",
    keywords: ['give credits to a sub-account', 'sub-account quota', 'sub-account limits'],
    method: 'PUT',
    path: '/corporate/subAccount/{id}/plan',
    pathParams: subAccountId,
    body: {
      credits: planCredits.optional(),
      features: z.strictObject({ ...planFeatures, inbox: z.int().optional() }).optional(),
    },
  },
  {
    name: 'update_sub_accounts_plan',
    title: 'Update sub-accounts plans',
    description:
      'Set the same credits and feature quotas on several sub-accounts at once; -1 means unlimited (Corporate v2).',
    keywords: ['same plan for many sub-accounts', 'bulk quota', 'credits for several sub-accounts'],
    method: 'PUT',
    path: '/corporate/subAccounts/plan',
    body: {
      subAccountIds: z.array(z.int()).optional(),
      credits: planCredits.optional(),
      features: z.strictObject(planFeatures).optional(),
    },
  },
  {
    name: 'toggle_sub_account_applications',
    title: 'Switch sub-account apps',
    description:
      'Enable (true) or disable (false) applications of a sub-account; applications not given stay as they are.',
    keywords: [
      'enable app',
      'disable app',
      'turn off feature for sub-account',
      'turn on conversations',
      'sub-account features',
    ],
    method: 'PUT',
    path: '/corporate/subAccount/{id}/applications/toggle',
    pathParams: subAccountId,
    body: {
      inbox: z.boolean().optional(),
      whatsapp: z.boolean().optional(),
      automation: z.boolean().optional(),
      'email-campaigns': z.boolean().optional(),
      'sms-campaigns': z.boolean().optional(),
      'landing-pages': z.boolean().optional(),
      'transactional-emails': z.boolean().optional(),
      'transactional-sms': z.boolean().optional(),
      'facebook-ads': z.boolean().optional(),
      'web-push': z.boolean().optional(),
      meetings: z.boolean().optional(),
      conversations: z.boolean().optional(),
      crm: z.boolean().optional(),
    },
  },
  {
    name: 'create_sub_account_api_key',
    title: 'Create sub-account API key',
    description: 'Create a named API v3 key for a sub-account; the answer holds the key.',
    keywords: ['api key for sub-account', 'sub-account credentials'],
    method: 'POST',
    path: '/corporate/subAccount/key',
    body: { id: z.int(), name: z.string() },
  },
  {
    name: 'create_sub_account_sso_token',
    title: 'Sub-account SSO token',
    description:
      'Token that logs into a sub-account at https://account-app.brevo.com/account/login/sub-account/sso/<token>; ' +
      'target or url picks the landing page.',
    keywords: ['log into sub-account', 'single sign on sub-account', 'access sub-account without password'],
    method: 'POST',
    path: '/corporate/subAccount/ssoToken',
    body: {
      id: z.int(),
      email: z.string().optional(),
      target: z
        .enum([
          'automation',
          'email_campaign',
          'contacts',
          'landing_pages',
          'email_transactional',
          'senders',
          'sms_campaign',
          'sms_transactional',
        ])
        .optional(),
      url: z.string().optional(),
    },
  },
  {
    name: 'create_admin_sso_token',
    title: 'Admin SSO token',
    description:
      'Token that logs an admin user into the master account at https://account-app.brevo.com/account/login/corporate/sso/<token>.',
    keywords: ['admin login link', 'single sign on master account'],
    method: 'POST',
    path: '/corporate/ssoToken',
    body: adminEmail,
  },
  {
    name: 'get_sub_account_groups',
    title: 'List sub-account groups',
    description: 'Every group of sub-accounts, with its id and name.',
    keywords: ['all groups of sub-accounts'],
    method: 'GET',
    path: '/corporate/groups',
  },
  {
    name: 'create_sub_account_group',
    title: 'Create sub-account group',
    description: 'Create a named group of sub-accounts, optionally with its first members. Returns its id.',
    keywords: ['new group of sub-accounts', 'group sub-accounts together'],
    method: 'POST',
    path: '/corporate/group',
    body: { groupName: z.string(), subAccountIds: z.array(z.int()).optional() },
  },
  {
    name: 'get_sub_account_group',
    title: 'Get sub-account group',
    description: 'One group with its sub-accounts and the admin users assigned to it.',
    keywords: ['sub-accounts in a group', 'group members'],
    method: 'GET',
    path: '/corporate/group/{id}',
    pathParams: groupId,
  },
  {
    name: 'update_sub_account_group',
    title: 'Update sub-account group',
    description: 'Rename a group and/or set which sub-accounts it includes.',
    keywords: ['rename group', 'change group members'],
    method: 'PUT',
    path: '/corporate/group/{id}',
    pathParams: groupId,
    body: { groupName: z.string().optional(), subAccountIds: z.array(z.int()).optional() },
  },
  {
    name: 'delete_sub_account_group',
    title: 'Delete sub-account group',
    description: 'Delete a group; its sub-accounts and users remain, outside the group.',
    keywords: ['remove group'],
    method: 'DELETE',
    path: '/corporate/group/{id}',
    pathParams: groupId,
  },
  {
    name: 'unlink_sub_accounts_from_group',
    title: 'Remove sub-accounts from group',
    description: 'Take sub-accounts out of a group; the sub-accounts themselves are kept.',
    keywords: ['take sub-account out of group', 'remove from group'],
    method: 'PUT',
    path: '/corporate/group/unlink/{groupId}/subAccounts',
    pathParams: { groupId: z.string() },
    body: { subAccountIds: z.array(z.int()) },
    destructive: true,
  },
  {
    name: 'get_corporate_ips',
    title: 'List dedicated IPs',
    description: 'Active dedicated IPs of the master account, with domain and whether each is transactional.',
    keywords: ['master account ips', 'organization ips'],
    method: 'GET',
    path: '/corporate/ip',
  },
  {
    name: 'associate_ip_to_sub_accounts',
    title: 'Associate IP to sub-accounts',
    description: "Let sub-accounts send from one of the master account's dedicated IPs.",
    keywords: ['give sub-accounts an ip', 'share ip with sub-accounts'],
    method: 'POST',
    path: '/corporate/subAccount/ip/associate',
    body: ipToSubAccounts,
    idempotent: true,
  },
  {
    name: 'dissociate_ip_from_sub_accounts',
    title: 'Dissociate IP from sub-accounts',
    description: 'Stop sub-accounts sending from a dedicated IP.',
    keywords: ['remove ip from sub-accounts'],
    method: 'PUT',
    path: '/corporate/subAccount/ip/dissociate',
    body: ipToSubAccounts,
  },
  {
    name: 'get_corporate_invited_users_list',
    title: 'List admin users',
    description: 'Admin users of the master account, with status, groups and feature permissions.',
    keywords: ['admins', 'administrators', 'corporate users'],
    method: 'GET',
    path: '/corporate/invited/users',
  },
  {
    name: 'invite_admin_user',
    title: 'Invite admin user',
    description:
      'Email an invitation to co-manage the master account; with all_features_access true, privileges may be [].',
    keywords: ['new admin', 'add administrator'],
    method: 'POST',
    path: '/corporate/user/invitation/send',
    destructive: true,
    body: {
      email: email,
      all_features_access: z.literal([true, false]),
      groupIds: z.array(z.string()).optional(),
      privileges: z.array(
        z.strictObject({
          feature: z
            .enum([
              'my_plan',
              'api',
              'user_management',
              'app_management',
              'sub_organization_groups',
              'create_sub_organizations',
              'manage_sub_organizations',
              'analytics',
              'security',
            ])
            .optional(),
          permissions: z
            .array(z.enum(['all', 'none', 'create', 'edit_delete', 'download_data', 'create_alerts']))
            .optional(),
        }),
      ),
    },
  },
  {
    name: 'resend_or_cancel_admin_invitation',
    title: 'Resend or cancel invitation',
    description: 'Send a pending admin invitation again, or cancel it.',
    keywords: ['resend admin invite', 'cancel admin invite'],
    method: 'PUT',
    path: '/corporate/user/invitation/{action}/{email}',
    pathParams: { action: z.enum(['resend', 'cancel']), ...adminEmail },
    destructive: true,
    idempotent: false,
  },
  {
    name: 'revoke_admin_user',
    title: 'Revoke admin user',
    description: "Remove an admin user's access to the master account.",
    keywords: ['remove admin', 'remove administrator'],
    method: 'DELETE',
    path: '/corporate/user/revoke/{email}',
    pathParams: adminEmail,
  },
  {
    name: 'get_corporate_user_permission',
    title: 'Get admin permissions',
    description: "One admin user's status, groups and feature permissions.",
    keywords: ['what can an admin do', 'admin access rights'],
    method: 'GET',
    path: '/corporate/user/{email}/permissions',
    pathParams: adminEmail,
  },
  {
    name: 'update_admin_user_permissions',
    title: 'Update admin permissions',
    description: "Replace an admin user's feature permissions, or grant everything with all_features_access true.",
    keywords: ['change admin access', 'admin rights'],
    method: 'PUT',
    path: '/corporate/user/{email}/permissions',
    pathParams: adminEmail,
    body: {
      all_features_access: z.literal([true, false]),
      privileges: z.array(
        z.strictObject({
          feature: z
            .enum([
              'user_management',
              'api',
              'my_plan',
              'apps_management',
              'analytics',
              'sub_organization_groups',
              'create_sub_organizations',
              'manage_sub_organizations',
              'security',
            ])
            .optional(),
          permissions: z
            .array(
              z.enum([
                'all',
                'none',
                'create',
                'edit_delete',
                'create_alerts',
                'download_data',
                'my_looks',
                'explore_create',
              ]),
            )
            .optional(),
        }),
      ),
    },
  },
]);
