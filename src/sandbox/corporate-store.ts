// The corporate (master account) state of the demo account: Demo Shop as the master of three
// sub-accounts (its outlet, wholesale and Spanish shops), groups of them, the admin users of the
// master account, and the dedicated IPs it can share with sub-accounts. Views give Brevo's shapes.
import { agoOf, emailKey, perStore } from './accounts-common.js';
import { foundIn, invalid } from './http.js';
import type { Privilege } from './organization-api.js';
import type { Store } from './store.js';

export const CREDIT_KINDS = ['email', 'sms', 'wpSubscribers', 'externalFeeds', 'whatsapp'] as const;
export const FEATURE_KINDS = ['users', 'landingPage', 'inbox', 'salesUsers'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** A quantity given to a sub-account and how much of it is used; -1 is unlimited. */
export interface Allowance {
  quantity: number;
  used: number;
}

/** The applications a sub-account can have switched on or off (toggle body's fields). */
export const APPLICATIONS = [
  'inbox',
  'whatsapp',
  'automation',
  'email-campaigns',
  'sms-campaigns',
  'landing-pages',
  'transactional-emails',
  'transactional-sms',
  'facebook-ads',
  'web-push',
  'meetings',
  'conversations',
  'crm',
] as const;

export interface SubAccount {
  id: number;
  companyName: string;
  email: string;
  /** The person who runs it, when known. */
  ownerName?: string;
  /** Emails of its users, the one it was created with first: what features.users counts. */
  users: string[];
  language: string;
  timezone: string;
  active: boolean;
  createdAt: string;
  groupIds: string[];
  credits: Record<CreditKind, Allowance>;
  features: Record<FeatureKind, Allowance>;
  applications: Record<string, boolean>;
  apiKeys: { name: string; key: string; createdAt: string }[];
  /** Dedicated IPs of the master shared with it. */
  ips: string[];
}

export interface SubAccountGroup {
  id: string;
  name: string;
  createdAt: string;
}

export interface AdminUser {
  email: string;
  firstName?: string;
  lastName?: string;
  owner: boolean;
  status: 'active' | 'pending';
  allFeatures: boolean;
  privileges: Privilege[];
  groupIds: string[];
  invitationId: string;
  invitedAt: string;
}

export interface CorporateIp {
  ip: string;
  domain: string;
  transactional: boolean;
}

/** The admin features and their permissions ("none" is accepted for any). */
export const ADMIN_FEATURES: Record<string, string[]> = {
  my_plan: ['all'],
  api: ['all'],
  user_management: ['all'],
  app_management: ['all'],
  apps_management: ['all'],
  sub_organization_groups: ['create', 'edit_delete'],
  create_sub_organizations: ['all'],
  manage_sub_organizations: ['all'],
  analytics: ['download_data', 'create_alerts', 'my_looks', 'explore_create'],
  security: ['all'],
};

/** The feature_access keys answers use, and which request feature each one reads. */
const ACCESS_KEYS: [key: string, features: string[]][] = [
  ['user_management', ['user_management']],
  ['api_keys', ['api']],
  ['my_plan', ['my_plan']],
  ['apps_management', ['app_management', 'apps_management']],
  ['sub_organization_groups', ['sub_organization_groups']],
  ['create_sub_organizations', ['create_sub_organizations']],
  ['manage_sub_organizations', ['manage_sub_organizations']],
  ['analytics', ['analytics']],
  ['security', ['security']],
];

/** Bounds of what the emulator keeps for this area. */
export const MAX_SUB_ACCOUNTS = 100;
export const MAX_GROUPS = 50;
export const MAX_ADMINS = 50;
export const MAX_KEYS_PER_SUB_ACCOUNT = 20;

export class CorporateState {
  readonly masterId = 4_100_000;
  readonly subAccounts = new Map<number, SubAccount>();
  readonly groups = new Map<string, SubAccountGroup>();
  readonly admins = new Map<string, AdminUser>();
  readonly ips: CorporateIp[] = [];
  private lastId = this.masterId;

  nextSubAccountId(): number {
    return ++this.lastId;
  }

  subAccount(id: number): SubAccount {
    return foundIn(this.subAccounts, id, 'Sub-account not found');
  }

  group(id: string): SubAccountGroup {
    return foundIn(this.groups, id, 'Group not found');
  }

  admin(email: string): AdminUser {
    return foundIn(this.admins, emailKey(email), `Admin user ${email} not found`);
  }

  /** Sub-account ids that must all exist (400 naming the field otherwise), without repeats. */
  existingSubAccounts(ids: number[], field: string): SubAccount[] {
    if (ids.length > MAX_SUB_ACCOUNTS) throw invalid(`${field} should hold at most ${MAX_SUB_ACCOUNTS} ids`);
    const unknown = ids.filter((id) => !this.subAccounts.has(id));
    if (unknown.length) throw invalid(`${field}: no sub-account with id ${unknown.join(', ')}`);
    return [...new Set(ids)].map((id) => this.subAccount(id));
  }

  /** Group ids that must all exist (400 naming the field otherwise), without repeats. */
  existingGroups(ids: string[], field: string): string[] {
    if (ids.length > MAX_GROUPS) throw invalid(`${field} should hold at most ${MAX_GROUPS} ids`);
    const unknown = ids.filter((id) => !this.groups.has(id));
    if (unknown.length) throw invalid(`${field}: no group with id ${unknown.join(', ')}`);
    return [...new Set(ids)];
  }

  groupsOf(ids: string[]) {
    return ids.flatMap((id) => {
      const g = this.groups.get(id);
      return g ? [{ id: g.id, name: g.name }] : [];
    });
  }

  subAccountView(s: SubAccount) {
    const remaining = (a: Allowance) => ({
      quantity: a.quantity,
      remaining: a.quantity < 0 ? -1 : Math.max(0, a.quantity - a.used),
    });
    return {
      ...(s.ownerName !== undefined ? { name: s.ownerName } : {}),
      email: s.email,
      companyName: s.companyName,
      groups: this.groupsOf(s.groupIds),
      planInfo: {
        credits: {
          emails: remaining(s.credits.email),
          sms: remaining(s.credits.sms),
          wpSubscribers: remaining(s.credits.wpSubscribers),
          whatsapp: remaining(s.credits.whatsapp),
          externalFeeds: remaining(s.credits.externalFeeds),
        },
        features: {
          inbox: remaining(s.features.inbox),
          landingPage: remaining(s.features.landingPage),
          users: remaining({ quantity: s.features.users.quantity, used: s.users.length }),
          salesUsers: remaining(s.features.salesUsers),
        },
        planType: 'paid',
      },
    };
  }

  /** Each admin feature with the permissions given ("none" where nothing is). */
  featureAccess(u: AdminUser): Record<string, string[]> {
    return Object.fromEntries(
      ACCESS_KEYS.map(([key, features]) => {
        if (u.owner || u.allFeatures) return [key, key === 'analytics' ? [...ADMIN_FEATURES.analytics!] : ['all']];
        const given = u.privileges.filter((p) => features.includes(p.feature)).flatMap((p) => p.permissions);
        return [key, given.length ? [...new Set(given)] : ['none']];
      }),
    );
  }
}

export const corporateOf = perStore(seedCorporate);

const allowance = (quantity: number, used = 0): Allowance => ({ quantity, used });

export function newPlan(): Pick<SubAccount, 'credits' | 'features'> {
  return {
    credits: {
      email: allowance(0),
      sms: allowance(0),
      wpSubscribers: allowance(0),
      externalFeeds: allowance(0),
      whatsapp: allowance(0),
    },
    features: { users: allowance(1), landingPage: allowance(0), inbox: allowance(0), salesUsers: allowance(0) },
  };
}

function seedCorporate(store: Store): CorporateState {
  const corp = new CorporateState();
  const ago = agoOf(store);
  const domain = store.account.email.split('@')[1]!;
  const retail = { id: '66a1f0c2b3d4e5f6a7b80011', name: 'Retail shops', createdAt: ago(200) };
  const b2b = { id: '66a1f0c2b3d4e5f6a7b80012', name: 'Business customers', createdAt: ago(150) };
  corp.groups.set(retail.id, retail);
  corp.groups.set(b2b.id, b2b);

  const apps = (off: string[] = []) => Object.fromEntries(APPLICATIONS.map((a) => [a, !off.includes(a)]));
  const sub = (s: Omit<SubAccount, 'id' | 'active' | 'apiKeys'>) => {
    const id = corp.nextSubAccountId();
    corp.subAccounts.set(id, { id, active: true, apiKeys: [], ...s });
  };
  sub({
    companyName: 'Demo Shop Outlet',
    email: `outlet@${domain}`,
    ownerName: 'Lucas Moreau',
    users: [`outlet@${domain}`, `stock@${domain}`],
    language: 'fr',
    timezone: 'Europe/Paris',
    createdAt: ago(380),
    groupIds: [retail.id],
    credits: {
      email: allowance(20_000, 6_412),
      sms: allowance(500, 120),
      wpSubscribers: allowance(0),
      externalFeeds: allowance(1),
      whatsapp: allowance(0),
    },
    features: {
      users: allowance(3),
      landingPage: allowance(5, 1),
      inbox: allowance(1, 1),
      salesUsers: allowance(0),
    },
    applications: apps(['whatsapp', 'facebook-ads']),
    ips: [],
  });
  sub({
    companyName: 'Demo Shop Wholesale',
    email: `wholesale@${domain}`,
    ownerName: 'Ines Garnier',
    users: [`wholesale@${domain}`, `orders@${domain}`],
    language: 'en',
    timezone: 'Europe/Paris',
    createdAt: ago(250),
    groupIds: [b2b.id],
    credits: {
      email: allowance(10_000, 1_250),
      sms: allowance(0),
      wpSubscribers: allowance(0),
      externalFeeds: allowance(0),
      whatsapp: allowance(200, 35),
    },
    features: { users: allowance(2), landingPage: allowance(0), inbox: allowance(0), salesUsers: allowance(3, 1) },
    applications: apps(['sms-campaigns', 'web-push']),
    ips: [store.ips[0]?.ip ?? '198.51.100.25'],
  });
  sub({
    companyName: 'Demo Shop España',
    email: `es@${domain}`,
    users: [`es@${domain}`],
    language: 'es',
    timezone: 'Europe/Madrid',
    createdAt: ago(40),
    groupIds: [retail.id],
    credits: {
      email: allowance(5_000, 310),
      sms: allowance(0),
      wpSubscribers: allowance(0),
      externalFeeds: allowance(0),
      whatsapp: allowance(0),
    },
    features: { users: allowance(1), landingPage: allowance(2), inbox: allowance(0), salesUsers: allowance(0) },
    applications: apps(['whatsapp', 'facebook-ads', 'crm']),
    ips: [],
  });

  const admin = (u: AdminUser) => corp.admins.set(u.email, u);
  admin({
    email: emailKey(store.account.email),
    firstName: store.account.firstName,
    lastName: store.account.lastName,
    owner: true,
    status: 'active',
    allFeatures: true,
    privileges: [],
    groupIds: [],
    invitationId: '66a1f0c2b3d4e5f6a7b80101',
    invitedAt: ago(420),
  });
  admin({
    email: `finance@${domain}`,
    firstName: 'Paul',
    lastName: 'Mercier',
    owner: false,
    status: 'active',
    allFeatures: false,
    privileges: [
      { feature: 'my_plan', permissions: ['all'] },
      { feature: 'analytics', permissions: ['download_data'] },
    ],
    groupIds: [retail.id, b2b.id],
    invitationId: '66a1f0c2b3d4e5f6a7b80102',
    invitedAt: ago(180),
  });
  admin({
    email: `retail-lead@${domain}`,
    owner: false,
    status: 'pending',
    allFeatures: false,
    privileges: [
      { feature: 'sub_organization_groups', permissions: ['create', 'edit_delete'] },
      { feature: 'manage_sub_organizations', permissions: ['all'] },
    ],
    groupIds: [retail.id],
    invitationId: '66a1f0c2b3d4e5f6a7b80103',
    invitedAt: ago(2),
  });

  // The account's own dedicated IP (senders use it), and one kept for newsletters.
  for (const ip of store.ips) corp.ips.push({ ip: ip.ip, domain: ip.domain, transactional: true });
  corp.ips.push({ ip: '198.51.100.26', domain: `news.${domain}`, transactional: false });
  return corp;
}
