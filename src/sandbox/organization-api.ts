// The organization's users with real state: invitations (sent, resent, cancelled), members and
// their permissions (per feature, as invited or as changed), revocation, and the activity log
// those actions write to beside the seeded logins. The Demo Shop owner and team come seeded.
import { agoOf, checkInvitation, emailField, emailKey, notTheOwner, perStore } from './accounts-common.js';
import { foundIn, invalid, missing, routes } from './http.js';
import { DAY, type Store } from './store.js';
import { bodyOf, optBool, paging, page, queryDate, type Body } from './validate.js';

/** Each feature a user can be given and the permissions it takes ("none" is accepted for any). */
export const USER_FEATURES: Record<string, string[]> = {
  email_campaigns: ['create_edit_delete', 'send_schedule_suspend'],
  sms_campaigns: ['create_edit_delete', 'send_schedule_suspend'],
  contacts: ['view', 'create_edit_delete', 'import', 'export', 'list_and_attributes', 'forms'],
  templates: ['create_edit_delete', 'activate_deactivate'],
  workflows: ['create_edit_delete', 'activate_deactivate_pause', 'settings'],
  facebook_ads: ['create_edit_delete', 'schedule_pause'],
  landing_pages: ['all'],
  transactional_emails: ['settings', 'logs'],
  smtp_api: ['smtp', 'api_keys', 'authorized_ips'],
  user_management: ['all'],
  sales_platform: ['create_edit_deals', 'delete_deals', 'manage_others_deals_tasks', 'reports', 'settings'],
  phone: ['all'],
  conversations: ['access', 'assign', 'configure'],
  senders_domains_dedicated_ips: ['senders_management', 'domains_management', 'dedicated_ips_management'],
  push_notifications: ['view', 'create_edit_delete', 'send', 'settings'],
  companies: ['manage_owned_companies', 'manage_others_companies', 'settings'],
};

/** Which features make up each product the users list summarises; the rest is marketing. */
const PRODUCT_OF: Record<string, 'conversations' | 'crm'> = {
  conversations: 'conversations',
  sales_platform: 'crm',
  companies: 'crm',
  phone: 'crm',
};

export interface Privilege {
  feature: string;
  permissions: string[];
}

export interface OrganizationUser {
  email: string;
  owner: boolean;
  status: 'active' | 'pending';
  allFeatures: boolean;
  privileges: Privilege[];
  invitedAt: string;
  /** When the last invitation email went (sent or resent). */
  lastSentAt: string;
}

export interface ActivityLog {
  action: string;
  date: string;
  user_email: string;
  user_ip: string;
  user_agent: string;
}

/** Bounds of what the emulator keeps for this area. */
const MAX_USERS = 50;
const MAX_LOGS = 1000;

/** Where the seeded team works from (documentation addresses), and what the emulator logs for API calls. */
const OFFICE_IP = '203.0.113.10';
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15';
const API_AGENT = 'Brevo API (sandbox)';

export class OrganizationState {
  readonly users = new Map<string, OrganizationUser>();
  /** Oldest first; the oldest go when MAX_LOGS is reached. */
  readonly logs: ActivityLog[] = [];

  constructor(private readonly store: Store) {}

  user(email: string): OrganizationUser {
    return foundIn(this.users, emailKey(email), `User ${email} does not exist in the organization`);
  }

  /** An action the API key's user (the owner) carried out, as the activity log shows it. */
  log(action: string, ip = '127.0.0.1', agent = API_AGENT, email = this.store.account.email, date = this.store.now()) {
    this.logs.push({ action, date, user_email: email, user_ip: ip, user_agent: agent });
    if (this.logs.length > MAX_LOGS) this.logs.splice(0, this.logs.length - MAX_LOGS);
  }
}

export const organizationOf = perStore((store) => seedOrganization(store, new OrganizationState(store)));

/** The owner, an active support agent, a CRM-only sales user and a pending marketing invitation. */
function seedOrganization(store: Store, org: OrganizationState): OrganizationState {
  const ago = agoOf(store);
  const domain = store.account.email.split('@')[1]!;
  const add = (u: Omit<OrganizationUser, 'lastSentAt'>) => org.users.set(u.email, { ...u, lastSentAt: u.invitedAt });
  add({
    email: emailKey(store.account.email),
    owner: true,
    status: 'active',
    allFeatures: true,
    privileges: [],
    invitedAt: ago(420),
  });
  add({
    email: `support@${domain}`,
    owner: false,
    status: 'active',
    allFeatures: false,
    privileges: [
      { feature: 'conversations', permissions: ['access', 'assign'] },
      { feature: 'contacts', permissions: ['view'] },
      { feature: 'transactional_emails', permissions: ['logs'] },
    ],
    invitedAt: ago(200),
  });
  add({
    email: `sales@${domain}`,
    owner: false,
    status: 'active',
    allFeatures: false,
    privileges: [
      { feature: 'sales_platform', permissions: ['create_edit_deals', 'reports'] },
      { feature: 'companies', permissions: ['manage_owned_companies'] },
      { feature: 'contacts', permissions: ['view', 'export'] },
    ],
    invitedAt: ago(90),
  });
  add({
    email: `marketing@${domain}`,
    owner: false,
    status: 'pending',
    allFeatures: false,
    privileges: [
      { feature: 'email_campaigns', permissions: ['create_edit_delete'] },
      { feature: 'templates', permissions: ['create_edit_delete'] },
    ],
    invitedAt: ago(3),
  });
  // Logins over the last two weeks, then the pending invitation.
  for (let day = 14; day >= 1; day--) {
    org.log('login-success', OFFICE_IP, BROWSER, store.account.email, ago(day, 15));
    if (day % 2 === 0) org.log('login-success', OFFICE_IP, BROWSER, `support@${domain}`, ago(day, 16));
    if (day === 3) org.log('user-invitation-sent', OFFICE_IP, BROWSER, store.account.email, ago(3));
    if (day % 5 === 0) org.log('login-success', OFFICE_IP, BROWSER, `sales@${domain}`, ago(day, 14));
  }
  org.logs.sort((a, b) => a.date.localeCompare(b.date));
  return org;
}

/** The privileges of a body (all_features_access, privileges), checked against the feature table. */
export function readPrivileges(
  body: Body,
  features: Record<string, string[]>,
): { allFeatures: boolean; privileges: Privilege[] } {
  const allFeatures = optBool(body, 'all_features_access');
  if (allFeatures === undefined) throw missing('all_features_access');
  const raw = body.privileges;
  if (raw === undefined || raw === null) throw missing('privileges');
  if (!Array.isArray(raw)) throw invalid('privileges should be an array');
  if (raw.length > Object.keys(features).length)
    throw invalid(`privileges should hold at most ${Object.keys(features).length} features`);
  const privileges: Privilege[] = [];
  raw.forEach((item: unknown, i) => {
    const p = (item ?? {}) as Body;
    const feature = p.feature;
    if (typeof feature !== 'string') throw missing(`privileges[${i}].feature`);
    const allowed = features[feature];
    if (!allowed) throw invalid(`privileges[${i}].feature: ${feature} is not a feature a user can be given`);
    if (privileges.some((q) => q.feature === feature))
      throw invalid(`privileges[${i}].feature: ${feature} is given more than once`);
    const permissions = p.permissions;
    if (!Array.isArray(permissions) || permissions.length === 0) throw missing(`privileges[${i}].permissions`);
    for (const permission of permissions)
      if (permission !== 'none' && !allowed.includes(permission as string))
        throw invalid(
          `privileges[${i}].permissions: ${String(permission)} is not a permission of ${feature} ` +
            `(${[...allowed, 'none'].join(', ')})`,
        );
    const unique = [...new Set(permissions as string[])];
    if (unique.includes('none') && unique.length > 1)
      throw invalid(`privileges[${i}].permissions: none cannot be given with other permissions`);
    privileges.push({ feature, permissions: unique });
  });
  if (!allFeatures && privileges.length === 0)
    throw invalid('privileges should name at least one feature when all_features_access is false');
  return { allFeatures, privileges: allFeatures ? [] : privileges };
}

/** What a user may do, feature by feature: everything for the owner and all-features users. */
function privilegesView(u: OrganizationUser): Privilege[] {
  if (u.allFeatures) return Object.keys(USER_FEATURES).map((feature) => ({ feature, permissions: ['all'] }));
  return u.privileges.map((p) => ({ feature: p.feature, permissions: [...p.permissions] }));
}

/** The users list's summary per product: owner, full (all features), custom (some features) or none. */
function featureAccess(u: OrganizationUser) {
  const level = (product: 'marketing' | 'conversations' | 'crm') => {
    if (u.owner) return 'owner';
    if (u.allFeatures) return 'full';
    const given = u.privileges.filter(
      (p) => (PRODUCT_OF[p.feature] ?? 'marketing') === product && !p.permissions.includes('none'),
    );
    return given.length ? 'custom' : 'none';
  };
  return { marketing: level('marketing'), conversations: level('conversations'), crm: level('crm') };
}

const OK = { status: 200, body: { status: 'OK' } };

export const organizationRoutes = routes({
  'GET /organization/invited/users': (_req, store) => ({
    status: 200,
    body: {
      users: [...organizationOf(store).users.values()].map((u) => ({
        email: u.email,
        is_owner: String(u.owner),
        status: u.status,
        feature_access: featureAccess(u),
      })),
    },
  }),
  'GET /organization/user/{email}/permissions': (req, store) => {
    const u = organizationOf(store).user(req.params.email!);
    return { status: 200, body: { email: u.email, status: u.status, privileges: privilegesView(u) } };
  },
  'POST /organization/user/invitation/send': (req, store) => {
    const org = organizationOf(store);
    const body = bodyOf(req);
    const email = emailField(body);
    const { allFeatures, privileges } = readPrivileges(body, USER_FEATURES);
    checkInvitation(org.users, email, 'a user of the organization', {
      max: MAX_USERS,
      what: 'organization users and invitations',
    });
    const now = store.now();
    org.users.set(email, {
      email,
      owner: false,
      status: 'pending',
      allFeatures,
      privileges,
      invitedAt: now,
      lastSentAt: now,
    });
    org.log('user-invitation-sent');
    return OK;
  },
  'PUT /organization/user/invitation/{action}/{email}': (req, store) => {
    const org = organizationOf(store);
    const u = org.user(req.params.email!);
    if (u.status !== 'pending')
      throw invalid(`${u.email} has no pending invitation: the user has already joined the organization`);
    if (req.params.action === 'cancel') {
      org.users.delete(u.email);
      org.log('user-invitation-cancelled');
    } else {
      u.lastSentAt = store.now();
      org.log('user-invitation-resent');
    }
    return OK;
  },
  'PUT /organization/user/invitation/revoke/{email}': (req, store) => {
    const org = organizationOf(store);
    const u = org.user(req.params.email!);
    notTheOwner(u, 'access');
    if (u.status === 'pending')
      throw invalid(`${u.email} has not joined yet: cancel the invitation (action cancel) instead`);
    org.users.delete(u.email);
    org.log('user-access-revoked');
    return OK;
  },
  'POST /organization/user/update/permissions': (req, store) => {
    const org = organizationOf(store);
    const body = bodyOf(req);
    const u = org.user(emailField(body));
    notTheOwner(u, 'permissions');
    Object.assign(u, readPrivileges(body, USER_FEATURES));
    org.log('user-permissions-updated');
    return OK;
  },
  'GET /organization/activities': (req, store) => {
    const from = queryDate(req, 'startDate');
    const to = queryDate(req, 'endDate');
    if (from && !to) throw missing('endDate');
    if (to && !from) throw missing('startDate');
    if (from && to) {
      if (to < from) throw invalid('endDate should not be before startDate');
      if (to.getTime() - from.getTime() > 31 * DAY)
        throw invalid('The period between startDate and endDate should be at most one month');
    }
    const email = req.query.get('email');
    const end = to ? to.getTime() + DAY : Number.POSITIVE_INFINITY;
    const logs = organizationOf(store)
      .logs.filter((l) => !email || l.user_email === emailKey(email))
      .filter((l) => !from || (Date.parse(l.date) >= from.getTime() && Date.parse(l.date) < end))
      .reverse();
    return { status: 200, body: { logs: page(logs, paging(req, 10, 100)).map((l) => ({ ...l })) } };
  },
});
