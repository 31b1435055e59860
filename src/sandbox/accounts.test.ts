// Unit tests of the account areas' parts: state kept per Store, privileges checked feature by
// feature, admin permissions as the answers name them, and the seed's consistency with the demo
// account.
import { describe, expect, it } from 'vitest';
import { perStore } from './accounts-common.js';
import { conversationsOf } from './conversations-api.js';
import { ADMIN_FEATURES, corporateOf } from './corporate-store.js';
import { organizationOf, readPrivileges, USER_FEATURES } from './organization-api.js';
import { resellerOf } from './reseller-api.js';
import { seedDemoAccount } from './seed.js';
import { Store } from './store.js';

const demo = () => seedDemoAccount(new Store(() => new Date('2026-06-01T12:00:00Z')));

describe('perStore', () => {
  it('makes one state per Store, on first use, and keeps it', () => {
    let made = 0;
    const stateOf = perStore(() => ({ n: ++made }));
    const a = new Store();
    const b = new Store();
    expect(stateOf(a)).toBe(stateOf(a));
    expect(stateOf(b)).not.toBe(stateOf(a));
    expect(made).toBe(2);
  });
});

describe('readPrivileges', () => {
  it('keeps the privileges given, without repeated permissions', () => {
    expect(
      readPrivileges(
        { all_features_access: false, privileges: [{ feature: 'contacts', permissions: ['view', 'view', 'export'] }] },
        USER_FEATURES,
      ),
    ).toEqual({ allFeatures: false, privileges: [{ feature: 'contacts', permissions: ['view', 'export'] }] });
  });

  it('drops the list when all features are given', () => {
    expect(
      readPrivileges(
        { all_features_access: true, privileges: [{ feature: 'contacts', permissions: ['view'] }] },
        USER_FEATURES,
      ),
    ).toEqual({ allFeatures: true, privileges: [] });
  });

  const refused: [body: Record<string, unknown>, refusal: { code?: string; message: string | RegExp }][] = [
    [{ privileges: [] }, { code: 'missing_parameter', message: 'all_features_access is missing' }],
    [
      { all_features_access: false, privileges: [{ feature: 'phone', permissions: ['view'] }] },
      { message: 'privileges[0].permissions: view is not a permission of phone (all, none)' },
    ],
    [
      { all_features_access: false, privileges: [{ feature: 'contacts', permissions: ['none', 'view'] }] },
      { message: /none cannot be given with other permissions/ },
    ],
    [
      { all_features_access: false, privileges: [{ feature: 'my_plan', permissions: ['all'] }] },
      { message: /my_plan is not a feature a user can be given/ },
    ],
    [
      { all_features_access: false, privileges: [{ feature: 'contacts' }] },
      { code: 'missing_parameter', message: 'privileges[0].permissions is missing' },
    ],
  ];
  it.each(refused)('refuses what Brevo refuses, naming the field: %j', (body, refusal) => {
    const { code, message } = refusal;
    expect(() => readPrivileges(body, USER_FEATURES)).toThrow(
      expect.objectContaining({
        ...(code ? { code } : {}),
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      }),
    );
  });
});

describe('the corporate state', () => {
  it('names admin permissions as the answers do (api → api_keys, app_management → apps_management)', () => {
    const corp = corporateOf(demo());
    const access = corp.featureAccess({
      email: 'a@demoshop.example',
      owner: false,
      status: 'active',
      allFeatures: false,
      privileges: [
        { feature: 'api', permissions: ['all'] },
        { feature: 'app_management', permissions: ['all'] },
      ],
      groupIds: [],
      invitationId: 'x',
      invitedAt: '2026-01-01T00:00:00Z',
    });
    expect(access).toMatchObject({ api_keys: ['all'], apps_management: ['all'], my_plan: ['none'] });
    expect(Object.keys(access)).toHaveLength(9);
    expect(Object.keys(ADMIN_FEATURES)).toContain('apps_management');
  });

  it('refuses unknown sub-accounts and groups in a list, naming the field and the ids', () => {
    const corp = corporateOf(demo());
    expect(() => corp.existingSubAccounts([4100001, 7, 8], 'ids')).toThrow(
      expect.objectContaining({ message: 'ids: no sub-account with id 7, 8' }),
    );
    expect(corp.existingSubAccounts([4100001, 4100001], 'ids')).toHaveLength(1);
    expect(() => corp.existingGroups(['nope'], 'groupIds')).toThrow(
      expect.objectContaining({ code: 'invalid_parameter' }),
    );
  });
});

describe('the account areas seed', () => {
  it('is consistent with the demo account', () => {
    const store = demo();
    const owner = store.account.email;
    expect(organizationOf(store).users.get(owner)).toMatchObject({ owner: true, status: 'active' });
    expect(corporateOf(store).admins.get(owner)).toMatchObject({ owner: true, firstName: store.account.firstName });
    // The corporate IPs start with the account's own dedicated IP, which its sender uses.
    expect(corporateOf(store).ips[0]!.ip).toBe(store.ips[0]!.ip);
    expect(store.senders.get(1)!.ips[0]!.ip).toBe(store.ips[0]!.ip);
    // Reseller children are CRM companies, on their own domains.
    const companies = [...store.crm.companies.values()].map((c) => c.attributes.domain);
    for (const child of resellerOf(store).children.values()) expect(companies).toContain(child.domains[0]!.domain);
    // Conversation agents are the organization's owner and its support user.
    const agents = [...conversationsOf(store).agents.values()].map((a) => a.email);
    expect(agents.every((email) => organizationOf(store).users.has(email))).toBe(true);
  });
});
