// Reseller children with real state (the legacy /reseller/children operations): child accounts
// found by id or auth key, their profile, account status, email and SMS credits moved to and from
// the reseller's own plan (what GET /account shows), dedicated IPs, sender domains and SSO
// tokens. Two of the Demo Shop's wholesale customers come seeded as children.
import { randomBytes } from 'node:crypto';
import { agoOf, apiKeyV3, bounded, emailKey, perStore, sessionToken } from './accounts-common.js';
import { invalid, missing, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import type { Store } from './store.js';
import { bodyOf, countedPage, isEmail, optBool, optInt, optString, paging, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

export interface ResellerChild {
  id: number;
  authKey: string;
  email: string;
  firstName: string;
  lastName: string;
  companyName: string;
  password: string;
  language: string;
  credits: { email: number; sms: number };
  statistics: { previousMonthTotalSent: number; currentMonthTotalSent: number; totalSent: number };
  ips: string[];
  apiKeys: { v2: { name: string; key: string }[]; v3: { name: string; key: string }[] };
  domains: { domain: string; active: boolean }[];
  status: {
    transactionalEmail: boolean;
    transactionalSms: boolean;
    marketingAutomation: boolean;
    smsCampaign: boolean;
  };
  createdAt: string;
}

/** Bounds of what the emulator keeps for this area. */
const MAX_CHILDREN = 100;
const MAX_DOMAINS_PER_CHILD = 20;

export class ResellerState {
  readonly children = new Map<number, ResellerChild>();
  private lastId = 187_500;

  nextId(): number {
    return ++this.lastId;
  }

  /** A child by its id or its auth key, as every /reseller/children/{childIdentifier} takes. */
  child(identifier: string): ResellerChild {
    const found = /^\d+$/.test(identifier)
      ? this.children.get(Number(identifier))
      : [...this.children.values()].find((c) => c.authKey === identifier);
    if (!found) throw notFound('Child auth key or child id not found');
    return found;
  }
}

export const resellerOf = perStore(seedReseller);

const v2Key = () => randomBytes(8).toString('base64url');

function seedReseller(store: Store): ResellerState {
  const reseller = new ResellerState();
  const ago = agoOf(store);
  const child = (c: Omit<ResellerChild, 'id' | 'authKey' | 'apiKeys' | 'status'>) => {
    const id = reseller.nextId();
    const authKey = apiKeyV3();
    reseller.children.set(id, {
      id,
      authKey,
      apiKeys: { v2: [{ name: 'Default', key: v2Key() }], v3: [{ name: 'Default', key: authKey }] },
      status: { transactionalEmail: true, transactionalSms: true, marketingAutomation: true, smsCampaign: true },
      ...c,
    });
  };
  // Wholesale customers of the shop (the CRM's Maison Verte and Rossi Home) on their own Brevo accounts.
  child({
    email: 'claire.dubois@maisonverte.example',
    firstName: 'Claire',
    lastName: 'Dubois',
    companyName: 'Maison Verte',
    password: 'VerteSandbox#2041',
    language: 'fr',
    credits: { email: 9_000, sms: 150 },
    statistics: { previousMonthTotalSent: 2_140, currentMonthTotalSent: 860, totalSent: 18_400 },
    ips: [],
    domains: [{ domain: 'maisonverte.example', active: true }],
    createdAt: ago(170),
  });
  child({
    email: 'marco.rossi@rossihome.example',
    firstName: 'Marco',
    lastName: 'Rossi',
    companyName: 'Rossi Home',
    password: 'RossiSandbox#39',
    language: 'it',
    credits: { email: 2_500, sms: 0 },
    statistics: { previousMonthTotalSent: 410, currentMonthTotalSent: 95, totalSent: 1_320 },
    ips: [],
    domains: [
      { domain: 'rossihome.example', active: true },
      { domain: 'news.rossihome.example', active: false },
    ],
    createdAt: ago(35),
  });
  return reseller;
}

/** A password as Brevo shows it: its first four and last three characters. */
const masked = (password: string) =>
  password.length <= 7 ? 'x'.repeat(password.length) : `${password.slice(0, 4)}xxxxx${password.slice(-3)}`;

function childView(c: ResellerChild, withId: boolean) {
  return {
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName,
    credits: { emailCredits: c.credits.email, smsCredits: c.credits.sms },
    statistics: { ...c.statistics },
    password: masked(c.password),
    ips: [...c.ips],
    apiKeys: { v2: c.apiKeys.v2.map((k) => ({ ...k })), v3: c.apiKeys.v3.map((k) => ({ ...k })) },
    ...(withId ? { id: c.id } : {}),
  };
}

/** The reseller's own credits: the email and SMS lines of the account's plan. */
function resellerCredits(store: Store) {
  const email = store.account.plan.find((p) => p.type !== 'sms');
  const sms = store.account.plan.find((p) => p.type === 'sms');
  if (!email || !sms) throw new SandboxError(403, 'permission_denied', 'Current account is not a reseller');
  return { email, sms };
}

function creditAmounts(body: Body): { email: number; sms: number } {
  const email = optInt(body, 'email');
  const sms = optInt(body, 'sms');
  if (email === undefined && sms === undefined) throw missing('email or sms');
  for (const [field, value] of [
    ['email', email],
    ['sms', sms],
  ] as const)
    if (value !== undefined && (value < 0 || value > 100_000_000))
      throw invalid(`${field} should be a whole number from 0 to 100000000`);
  return { email: email ?? 0, sms: sms ?? 0 };
}

/** Moves credits from the reseller to a child (a negative amount moves them back) and answers both balances. */
function moveCredits(store: Store, c: ResellerChild, amount: { email: number; sms: number }) {
  const own = resellerCredits(store);
  own.email.credits -= amount.email;
  own.sms.credits -= amount.sms;
  c.credits.email += amount.email;
  c.credits.sms += amount.sms;
  return credited(store, c);
}

function credited(store: Store, c: ResellerChild) {
  const own = resellerCredits(store);
  return {
    status: 200,
    body: {
      child: { sms: c.credits.sms, email: c.credits.email },
      reseller: { sms: own.sms.credits, email: own.email.credits },
    },
  };
}

function profileField(body: Body, field: 'firstName' | 'lastName' | 'companyName' | 'password', required: boolean) {
  const value = required ? reqString(body, field) : optString(body, field);
  if (value === undefined) return undefined;
  if (value.trim() === '') throw invalid(`${field} should not be empty`);
  return bounded(value, field, field === 'password' ? 128 : 100);
}

function childEmail(reseller: ResellerState, body: Body, required: boolean, except?: number): string | undefined {
  const raw = required ? reqString(body, 'email') : optString(body, 'email');
  if (raw === undefined) return undefined;
  if (!isEmail(raw)) throw invalid('email is not a valid email address');
  const email = emailKey(bounded(raw, 'email', 254));
  for (const c of reseller.children.values())
    if (c.id !== except && c.email === email)
      throw new SandboxError(400, 'duplicate_parameter', `A child account with email ${email} already exists`);
  return email;
}

/** A sender domain name, checked for form. */
function domainName(value: string, field: string): string {
  const domain = value.trim().toLowerCase();
  if (domain.length > 253 || !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain))
    throw invalid(`${field}: ${value} is not a valid domain name`);
  return domain;
}

const childOf = (req: SandboxRequest, store: Store) => resellerOf(store).child(req.params.childIdentifier!);
const noContent = { status: 204 };

export const resellerRoutes = routes({
  'GET /reseller/children': (req, store) => {
    const all = [...resellerOf(store).children.values()];
    return countedPage('children', all, paging(req, 10, 20), (c) => childView(c, true));
  },
  'POST /reseller/children': (req, store) => {
    const reseller = resellerOf(store);
    const body = bodyOf(req);
    const email = childEmail(reseller, body, true)!;
    const firstName = profileField(body, 'firstName', true)!;
    const lastName = profileField(body, 'lastName', true)!;
    const companyName = profileField(body, 'companyName', true)!;
    const password = profileField(body, 'password', true)!;
    if (password.length < 8) throw invalid('password should be at least 8 characters long');
    checkCap(reseller.children.size, MAX_CHILDREN, 'reseller children');
    const id = reseller.nextId();
    const authKey = apiKeyV3();
    reseller.children.set(id, {
      id,
      authKey,
      email,
      firstName,
      lastName,
      companyName,
      password,
      language: optString(body, 'language') ?? 'en',
      credits: { email: 0, sms: 0 },
      statistics: { previousMonthTotalSent: 0, currentMonthTotalSent: 0, totalSent: 0 },
      ips: [],
      apiKeys: { v2: [{ name: 'Default', key: v2Key() }], v3: [{ name: 'Default', key: authKey }] },
      domains: [],
      status: { transactionalEmail: true, transactionalSms: true, marketingAutomation: true, smsCampaign: true },
      createdAt: store.now(),
    });
    return { status: 201, body: { authKey, id } };
  },
  'GET /reseller/children/{childIdentifier}': (req, store) => ({
    status: 200,
    body: childView(childOf(req, store), false),
  }),
  'PUT /reseller/children/{childIdentifier}': (req, store) => {
    const c = childOf(req, store);
    const body = bodyOf(req);
    const email = childEmail(resellerOf(store), body, false, c.id);
    const changes = {
      firstName: profileField(body, 'firstName', false),
      lastName: profileField(body, 'lastName', false),
      companyName: profileField(body, 'companyName', false),
      password: profileField(body, 'password', false),
    };
    if (changes.password !== undefined && changes.password.length < 8)
      throw invalid('password should be at least 8 characters long');
    if (email === undefined && Object.values(changes).every((v) => v === undefined))
      throw missing('one of email, firstName, lastName, companyName, password');
    if (email !== undefined) c.email = email;
    for (const [k, v] of Object.entries(changes)) if (v !== undefined) c[k as keyof typeof changes] = v;
    return noContent;
  },
  'DELETE /reseller/children/{childIdentifier}': (req, store) => {
    resellerOf(store).children.delete(childOf(req, store).id);
    return noContent;
  },
  'PUT /reseller/children/{childIdentifier}/accountStatus': (req, store) => {
    const c = childOf(req, store);
    const body = bodyOf(req);
    const keys = ['transactionalEmail', 'transactionalSms', 'marketingAutomation', 'smsCampaign'] as const;
    const given = keys.map((k) => [k, optBool(body, k)] as const).filter(([, v]) => v !== undefined);
    if (!given.length) throw missing(`one of ${keys.join(', ')}`);
    for (const [k, v] of given) c.status[k] = v!;
    return noContent;
  },
  'GET /reseller/children/{childIdentifier}/accountCreationStatus': (req, store) => {
    childOf(req, store);
    return { status: 200, body: { childAccountCreated: true } };
  },
  'GET /reseller/children/{childIdentifier}/auth': (req, store) => {
    childOf(req, store);
    return { status: 200, body: { token: sessionToken() } };
  },
  'POST /reseller/children/{childIdentifier}/credits/add': (req, store) => {
    const c = childOf(req, store);
    const amount = creditAmounts(bodyOf(req));
    const own = resellerCredits(store);
    if (amount.email > own.email.credits || amount.sms > own.sms.credits)
      throw new SandboxError(
        402,
        'not_enough_credits',
        `The reseller has ${own.email.credits} email and ${own.sms.credits} SMS credits left`,
      );
    return moveCredits(store, c, amount);
  },
  'POST /reseller/children/{childIdentifier}/credits/remove': (req, store) => {
    const c = childOf(req, store);
    const amount = creditAmounts(bodyOf(req));
    if (amount.email > c.credits.email) throw invalid(`email: the child has only ${c.credits.email} email credits`);
    if (amount.sms > c.credits.sms) throw invalid(`sms: the child has only ${c.credits.sms} SMS credits`);
    return moveCredits(store, c, { email: -amount.email, sms: -amount.sms });
  },
  'POST /reseller/children/{childIdentifier}/ips/associate': (req, store) => {
    const c = childOf(req, store);
    const ip = reqString(bodyOf(req), 'ip').trim();
    if (!store.ips.some((i) => i.ip === ip)) throw invalid(`ip: ${ip} is not a dedicated IP of the reseller`);
    if (c.ips.includes(ip)) throw invalid(`ip: ${ip} is already associated with this child`);
    c.ips.push(ip);
    return noContent;
  },
  'POST /reseller/children/{childIdentifier}/ips/dissociate': (req, store) => {
    const c = childOf(req, store);
    const ip = reqString(bodyOf(req), 'ip').trim();
    if (!c.ips.includes(ip)) throw invalid(`ip: ${ip} is not associated with this child`);
    c.ips = c.ips.filter((i) => i !== ip);
    return noContent;
  },
  'GET /reseller/children/{childIdentifier}/domains': (req, store) => ({
    status: 200,
    body: childOf(req, store).domains.map((d) => ({ ...d })),
  }),
  'POST /reseller/children/{childIdentifier}/domains': (req, store) => {
    const c = childOf(req, store);
    const domain = domainName(reqString(bodyOf(req), 'domain'), 'domain');
    if (c.domains.some((d) => d.domain === domain))
      throw new SandboxError(400, 'duplicate_parameter', `Domain ${domain} already exists for this child`);
    checkCap(c.domains.length, MAX_DOMAINS_PER_CHILD, 'domains per child');
    // A new domain is not authenticated yet: it becomes active once its DNS records are checked.
    c.domains.push({ domain, active: false });
    return { status: 201 };
  },
  'PUT /reseller/children/{childIdentifier}/domains/{domainName}': (req, store) => {
    const c = childOf(req, store);
    const existing = c.domains.find((d) => d.domain === req.params.domainName!.toLowerCase());
    if (!existing) throw notFound(`Domain ${req.params.domainName} not found for this child`);
    const domain = domainName(reqString(bodyOf(req), 'domain'), 'domain');
    if (domain !== existing.domain && c.domains.some((d) => d.domain === domain))
      throw new SandboxError(400, 'duplicate_parameter', `Domain ${domain} already exists for this child`);
    if (domain !== existing.domain) Object.assign(existing, { domain, active: false });
    return noContent;
  },
  'DELETE /reseller/children/{childIdentifier}/domains/{domainName}': (req, store) => {
    const c = childOf(req, store);
    const name = req.params.domainName!.toLowerCase();
    if (!c.domains.some((d) => d.domain === name))
      throw notFound(`Domain ${req.params.domainName} not found for this child`);
    c.domains = c.domains.filter((d) => d.domain !== name);
    return noContent;
  },
});
