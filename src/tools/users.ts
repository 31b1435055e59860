// Users of the account: invitations, permissions, removal.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email } from './shapes.js';

const feature = z.enum([
  'email_campaigns',
  'sms_campaigns',
  'contacts',
  'templates',
  'workflows',
  'facebook_ads',
  'landing_pages',
  'transactional_emails',
  'smtp_api',
  'user_management',
  'sales_platform',
  'phone',
  'conversations',
  'senders_domains_dedicated_ips',
  'push_notifications',
  'companies',
]);
const permission = z.enum([
  'create_edit_delete',
  'send_schedule_suspend',
  'view',
  'import',
  'export',
  'list_and_attributes',
  'forms',
  'activate_deactivate',
  'activate_deactivate_pause',
  'settings',
  'schedule_pause',
  'all',
  'logs',
  'access',
  'assign',
  'configure',
  'create_edit_deals',
  'delete_deals',
  'manage_others_deals_tasks',
  'manage_owned_companies',
  'manage_others_companies',
  'reports',
  'senders_management',
  'domains_management',
  'dedicated_ips_management',
  'send',
  'smtp',
  'api_keys',
  'authorized_ips',
  'none',
]);

/** Body of an invitation and of a permission change. The reference's boolean carries enum [true, false]. */
const access = {
  email,
  all_features_access: z.literal([true, false]),
  privileges: z
    .array(z.strictObject({ feature: feature.optional(), permissions: z.array(permission).optional() }))
    .describe('Used when all_features_access is false; each permission must belong to its feature'),
};

const byEmail = { email: z.string() };

export default defineToolset('users', [
  {
    name: 'get_invited_users_list',
    title: 'List users',
    description: 'Account users and pending invitees with their status and feature access.',
    keywords: ['team members', 'colleagues', 'who has access', 'users of the account', 'pending invitations'],
    method: 'GET',
    path: '/organization/invited/users',
  },
  {
    name: 'get_user_permission',
    title: 'Get user permissions',
    description: "A user's permissions, feature by feature, by email.",
    keywords: ['what can a user do', 'user access rights', 'user role'],
    method: 'GET',
    path: '/organization/user/{email}/permissions',
    pathParams: byEmail,
  },
  {
    name: 'invite_user',
    title: 'Invite user',
    description: 'Email someone an invitation to the account with all features, or only the privileges listed.',
    keywords: ['add a teammate', 'add a colleague', 'new user', 'give access'],
    method: 'POST',
    path: '/organization/user/invitation/send',
    destructive: true,
    body: access,
  },
  {
    name: 'edit_user_permission',
    title: 'Change user permissions',
    description: "Set a user's access: all features, or only the privileges listed.",
    keywords: ['change user access', 'change role', 'restrict user', 'grant access'],
    method: 'POST',
    path: '/organization/user/update/permissions',
    idempotent: true,
    body: access,
  },
  {
    name: 'resend_or_cancel_user_invitation',
    title: 'Resend or cancel invitation',
    description: "Send a pending invitation's email again, or cancel the invitation.",
    keywords: ['resend invite', 'cancel invite', 'pending invitation'],
    method: 'PUT',
    path: '/organization/user/invitation/{action}/{email}',
    destructive: true,
    idempotent: false,
    pathParams: { action: z.enum(['resend', 'cancel']), ...byEmail },
  },
  {
    name: 'revoke_user_permission',
    title: 'Revoke user access',
    description: "Revoke all of a user's access to the account; undo only by inviting again.",
    keywords: ['remove a user', 'remove teammate', 'take away access', 'offboard'],
    method: 'PUT',
    path: '/organization/user/invitation/revoke/{email}',
    destructive: true,
    pathParams: byEmail,
  },
]);
