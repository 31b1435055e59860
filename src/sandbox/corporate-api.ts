// The corporate (master account) operations with real state: the master account, sub-accounts
// (create, read, list, plan, applications, API keys, SSO tokens, delete) and the dedicated IPs
// shared with them. Groups and admin users are in corporate-groups-api.ts.
import { apiKeyV3, bounded, emailField, emailKey, sessionToken } from './accounts-common.js';
import {
  APPLICATIONS,
  corporateOf,
  CREDIT_KINDS,
  FEATURE_KINDS,
  MAX_ADMINS,
  MAX_KEYS_PER_SUB_ACCOUNT,
  MAX_SUB_ACCOUNTS,
  newPlan,
  type CorporateState,
  type FeatureKind,
  type SubAccount,
} from './corporate-store.js';
import { invalid, missing, SandboxError, type SandboxRequest, routes } from './http.js';
import {
  bodyOf,
  intParam,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  paging,
  page,
  reqInt,
  reqString,
  type Body,
} from './validate.js';
import { checkCap } from './limits.js';
import type { Store } from './store.js';

const unix = (date: string) => Math.floor(Date.parse(date) / 1000);
const noContent = { status: 204 };

const usedOf = (s: SubAccount, k: FeatureKind) => (k === 'users' ? s.users.length : s.features[k].used);

/** Applies a plan body (credits, features) to sub-accounts, after checking all of it. */
function applyPlan(body: Body, targets: SubAccount[]): void {
  const credits = optObject(body, 'credits') ?? {};
  const features = optObject(body, 'features') ?? {};
  if (!Object.keys(credits).length && !Object.keys(features).length) throw missing('credits or features');
  const read = (group: Body, name: string, key: string) => {
    const value = group[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -1 || value > 1_000_000_000)
      throw invalid(`${name}.${key} should be a whole number from -1 (unlimited) to 1000000000`);
    return value;
  };
  const creditValues = CREDIT_KINDS.map((k) => [k, read(credits, 'credits', k)] as const);
  const featureValues = FEATURE_KINDS.map((k) => [k, read(features, 'features', k)] as const);
  for (const [k, v] of featureValues)
    if (v === -1) throw invalid(`features.${k} should be 0 or more (features cannot be unlimited)`);
  // Push is off or unlimited, external feeds off or on.
  for (const [k, v] of creditValues) {
    const allowed = k === 'wpSubscribers' ? [0, -1] : k === 'externalFeeds' ? [0, 1] : undefined;
    if (v !== undefined && allowed && !allowed.includes(v))
      throw invalid(`credits.${k} should be ${allowed.join(' or ')}`);
  }
  for (const s of targets) {
    for (const [k, v] of featureValues)
      if (v !== undefined && v < usedOf(s, k))
        throw invalid(`features.${k}: sub-account ${s.id} already uses ${usedOf(s, k)}, more than ${v}`);
  }
  for (const s of targets) {
    for (const [k, v] of creditValues) if (v !== undefined) s.credits[k].quantity = v;
    for (const [k, v] of featureValues) if (v !== undefined) s.features[k].quantity = v;
  }
}

/** The body's ip, which must be one of the master account's dedicated IPs. */
function masterIp(corp: CorporateState, body: Body): string {
  const ip = reqString(body, 'ip').trim();
  if (!corp.ips.some((i) => i.ip === ip)) throw invalid(`ip: ${ip} is not a dedicated IP of the master account`);
  return ip;
}

const subAccountId = (req: SandboxRequest) => intParam(req, 'id');

/** The master account's dedicated IP and the sub-accounts (ids, required) a request names. */
function ipAndSubAccounts(req: SandboxRequest, store: Store) {
  const corp = corporateOf(store);
  const body = bodyOf(req);
  const ip = masterIp(corp, body);
  const ids = optIntArray(body, 'ids');
  if (!ids?.length) throw missing('ids');
  return { ip, targets: corp.existingSubAccounts(ids, 'ids') };
}

export const corporateRoutes = routes({
  'GET /corporate/masterAccount': (_req, store) => {
    const corp = corporateOf(store);
    const a = store.account;
    const used = corp.subAccounts.size;
    const nextBilling = store.account.plan.find((p) => p.endDate)?.endDate;
    return {
      status: 200,
      body: {
        email: a.email,
        companyName: a.companyName,
        id: corp.masterId,
        currencyCode: 'EUR',
        timezone: 'Europe/Paris',
        billingInfo: {
          email: a.email,
          companyName: a.companyName,
          name: { givenName: a.firstName, familyName: a.lastName },
          address: {
            streetAddress: a.address.street,
            locality: a.address.city,
            postalCode: a.address.zipCode,
            countryCode: 'FR',
          },
        },
        planInfo: {
          currencyCode: 'EUR',
          ...(nextBilling ? { nextBillingAt: unix(`${nextBilling}T00:00:00Z`) } : {}),
          price: 499,
          planPeriod: 'month',
          subAccounts: used,
          features: [
            {
              name: 'SUB_ACCOUNTS',
              unitValue: 'accounts',
              quantity: MAX_SUB_ACCOUNTS,
              used,
              remaining: MAX_SUB_ACCOUNTS - used,
            },
            {
              name: 'MULTI_USER',
              unitValue: 'users',
              quantity: MAX_ADMINS,
              used: corp.admins.size,
              remaining: MAX_ADMINS - corp.admins.size,
            },
          ],
        },
      },
    };
  },
  'GET /corporate/subAccount': (req, store) => {
    const corp = corporateOf(store);
    const all = [...corp.subAccounts.values()];
    return {
      status: 200,
      body: {
        count: all.length,
        subAccounts: page(all, paging(req, 10, 100)).map((s) => ({
          id: s.id,
          companyName: s.companyName,
          active: s.active,
          createdAt: unix(s.createdAt),
          groups: corp.groupsOf(s.groupIds),
        })),
      },
    };
  },
  'POST /corporate/subAccount': (req, store) => {
    const corp = corporateOf(store);
    const body = bodyOf(req);
    const companyName = bounded(reqString(body, 'companyName').trim(), 'companyName', 100);
    const email = emailField(body);
    const groupIds = corp.existingGroups(optStringArray(body, 'groupIds') ?? [], 'groupIds');
    const timezone = bounded(optString(body, 'timezone') ?? 'Europe/Paris', 'timezone', 64);
    if (!Intl.supportedValuesOf('timeZone').includes(timezone) && timezone !== 'UTC')
      throw invalid(`timezone: ${timezone} is not a known time zone (such as Europe/Paris)`);
    for (const s of corp.subAccounts.values())
      if (s.email === email)
        throw new SandboxError(400, 'duplicate_parameter', `A sub-account with email ${email} already exists`);
    checkCap(corp.subAccounts.size, MAX_SUB_ACCOUNTS, 'sub-accounts');
    const id = corp.nextSubAccountId();
    corp.subAccounts.set(id, {
      id,
      companyName,
      email,
      users: [email],
      language: optString(body, 'language') ?? 'en',
      timezone,
      active: true,
      createdAt: store.now(),
      groupIds,
      ...newPlan(),
      applications: Object.fromEntries(APPLICATIONS.map((a) => [a, true])),
      apiKeys: [],
      ips: [],
    });
    return { status: 201, body: { id } };
  },
  'GET /corporate/subAccount/{id}': (req, store) => {
    const corp = corporateOf(store);
    return { status: 200, body: corp.subAccountView(corp.subAccount(subAccountId(req))) };
  },
  'DELETE /corporate/subAccount/{id}': (req, store) => {
    const corp = corporateOf(store);
    corp.subAccounts.delete(corp.subAccount(subAccountId(req)).id);
    return noContent;
  },
  'PUT /corporate/subAccount/{id}/plan': (req, store) => {
    const corp = corporateOf(store);
    applyPlan(bodyOf(req), [corp.subAccount(subAccountId(req))]);
    return noContent;
  },
  'PUT /corporate/subAccounts/plan': (req, store) => {
    const corp = corporateOf(store);
    const body = bodyOf(req);
    const ids = optIntArray(body, 'subAccountIds');
    if (!ids?.length) throw missing('subAccountIds');
    applyPlan(body, corp.existingSubAccounts(ids, 'subAccountIds'));
    return { status: 202 };
  },
  'PUT /corporate/subAccount/{id}/applications/toggle': (req, store) => {
    const s = corporateOf(store).subAccount(subAccountId(req));
    const body = bodyOf(req);
    const given = APPLICATIONS.filter((a) => typeof body[a] === 'boolean');
    if (!given.length) throw missing(`one of ${APPLICATIONS.join(', ')}`);
    for (const a of given) s.applications[a] = body[a] as boolean;
    return noContent;
  },
  'POST /corporate/subAccount/key': (req, store) => {
    const body = bodyOf(req);
    const s = corporateOf(store).subAccount(reqInt(body, 'id'));
    const name = bounded(reqString(body, 'name').trim(), 'name', 100);
    checkCap(s.apiKeys.length, MAX_KEYS_PER_SUB_ACCOUNT, 'API keys per sub-account');
    const key = apiKeyV3();
    s.apiKeys.push({ name, key, createdAt: store.now() });
    return { status: 201, body: { status: 'success', key } };
  },
  'POST /corporate/subAccount/ssoToken': (req, store) => {
    const body = bodyOf(req);
    const s = corporateOf(store).subAccount(reqInt(body, 'id'));
    const email = optString(body, 'email');
    if (email !== undefined && !s.users.includes(emailKey(email)))
      throw invalid(`email: ${email} is not a user of sub-account ${s.id}`);
    const url = optString(body, 'url');
    if (url !== undefined && !URL.canParse(url)) throw invalid('url is not a valid URL');
    if (!s.active) throw new SandboxError(403, 'permission_denied', `Sub-account ${s.id} is not active`);
    return { status: 200, body: { token: sessionToken() } };
  },
  'POST /corporate/ssoToken': (req, store) => {
    const corp = corporateOf(store);
    const email = reqString(bodyOf(req), 'email');
    const admin = corp.admins.get(emailKey(email));
    if (!admin) throw invalid(`email: ${email} is not an admin user of the master account`);
    if (admin.status !== 'active')
      throw invalid(`email: ${email} has not accepted the invitation to the master account yet`);
    return { status: 200, body: { token: sessionToken() } };
  },
  'GET /corporate/ip': (_req, store) => ({ status: 200, body: corporateOf(store).ips.map((i) => ({ ...i })) }),
  'POST /corporate/subAccount/ip/associate': (req, store) => {
    const { ip, targets } = ipAndSubAccounts(req, store);
    for (const s of targets) if (!s.ips.includes(ip)) s.ips.push(ip);
    return { status: 201, body: {} };
  },
  'PUT /corporate/subAccount/ip/dissociate': (req, store) => {
    const { ip, targets } = ipAndSubAccounts(req, store);
    const without = targets.filter((s) => !s.ips.includes(ip)).map((s) => s.id);
    if (without.length) throw invalid(`ids: ${ip} is not associated with sub-account ${without.join(', ')}`);
    for (const s of targets) s.ips = s.ips.filter((i) => i !== ip);
    return noContent;
  },
});
