// Loyalty programs with real state: programs (names unique, inactive until published), members
// (subscriptions of existing contacts, with the contacts added to them), what a membership holds
// (account-info), and tier groups and tiers, which members move through as their balances change.
import { randomUUID } from 'node:crypto';
import { invalid, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { contactIdFrom, programOf, sortedPage } from './loyalty-http.js';
import { balanceFor, evaluateTiers, balanceValue } from './loyalty-rules.js';
import { LOYALTY_CAPS, ORGANIZATION_ID, type Program, type Subscription } from './loyalty-store.js';
import type { Store } from './store.js';
import { bodyOf, optInt, optObject, optString, reqInt, reqString, setGiven } from './validate.js';
import { checkCap } from './limits.js';

const conflict = (message: string) => new SandboxError(409, 'duplicate_parameter', message);

// Programs.

function uniqueName(store: Store, name: string, except?: string): void {
  for (const p of store.loyalty.programs.values())
    if (p.id !== except && p.name.toLowerCase() === name.toLowerCase())
      throw conflict(`Loyalty program name already exists: ${name}`);
}

function createProgram(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  checkCap(store.loyalty.programs.size, LOYALTY_CAPS.programs, 'loyalty programs');
  uniqueName(store, name);
  const now = store.now();
  const program: Program = {
    id: randomUUID(),
    name,
    meta: { ...optObject(body, 'meta') },
    state: 'inactive',
    subscriptionGeneratorId: randomUUID(),
    subscriptionPoolId: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
  setGiven(program, { description: optString(body, 'description'), documentId: optString(body, 'documentId') });
  store.loyalty.programs.set(program.id, program);
  return { status: 200, body: store.loyalty.programView(program) };
}

/** PUT replaces name, description and meta; PATCH changes only what it names. */
function updateProgram(replace: boolean) {
  return (req: SandboxRequest, store: Store) => {
    const program = programOf(req, store);
    const body = bodyOf(req);
    const name = replace ? reqString(body, 'name') : optString(body, 'name');
    if (name !== undefined) {
      if (!name.trim()) throw invalid('name should not be empty');
      uniqueName(store, name, program.id);
      program.name = name;
    }
    const description = optString(body, 'description');
    if (description !== undefined) program.description = description;
    else if (replace) delete program.description;
    const meta = optObject(body, 'meta');
    if (meta !== undefined) program.meta = { ...meta };
    else if (replace) program.meta = {};
    program.updatedAt = store.now();
    return { status: 200, body: store.loyalty.programView(program) };
  };
}

/** Publishing makes the program active and its draft rewards live. */
function publishProgram(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const now = store.now();
  program.state = 'active';
  program.updatedAt = now;
  for (const r of store.loyalty.inProgram(store.loyalty.rewards, program.id))
    if (r.state === 'draft') {
      r.state = 'active';
      r.updatedAt = now;
    }
  return { status: 200 };
}

// Members.

function existingContact(store: Store, id: number, field: string): void {
  if (!store.contacts.has(id)) throw notFound(`${field}: contact ${id} does not exist`);
}

const SUBSCRIPTION_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newSubscriptionId(store: Store): string {
  for (;;) {
    let id = 'LS-';
    for (let i = 0; i < 8; i++) id += SUBSCRIPTION_CHARS[Math.floor(Math.random() * SUBSCRIPTION_CHARS.length)];
    if (!store.loyalty.subscriptions.has(id)) return id;
  }
}

function subscribe(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const contactId = reqInt(body, 'contactId');
  existingContact(store, contactId, 'contactId');
  const given = optString(body, 'loyaltySubscriptionId');
  if (given !== undefined && store.loyalty.subscriptions.has(given))
    throw new SandboxError(
      400,
      'duplicate_parameter',
      `Loyalty subscription ID ${given} is already assigned to a contact`,
    );
  if (store.loyalty.subscriptionOf(program.id, contactId))
    throw new SandboxError(400, 'duplicate_parameter', `Contact ${contactId} is already a member of this program`);
  checkCap(
    store.loyalty.count(store.loyalty.subscriptions, program.id),
    LOYALTY_CAPS.subscriptions,
    'members per loyalty program',
  );
  const creationDate = optString(body, 'creationDate');
  if (creationDate !== undefined && Number.isNaN(Date.parse(creationDate)))
    throw invalid('creationDate is not a valid date-time');
  const now = store.now();
  const sub: Subscription = {
    id: given ?? newSubscriptionId(store),
    programId: program.id,
    contactId,
    members: new Map(),
    versionId: 1,
    createdAt: creationDate ? new Date(creationDate).toISOString().replace(/\.\d{3}Z$/, 'Z') : now,
    updatedAt: now,
  };
  store.loyalty.subscriptions.set(sub.id, sub);
  // A tier open to everyone (no access condition) is where a new member starts.
  evaluateTiers(store, sub);
  return { status: 200, body: store.loyalty.subscriptionView(sub) };
}

function membersView(sub: Subscription) {
  return {
    ownerContactId: sub.contactId,
    memberContactIds: [...sub.members.keys()],
    organizationId: ORGANIZATION_ID,
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
  };
}

function addMembers(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const sub = store.loyalty.membership(program.id, optInt(body, 'contactId'), optString(body, 'loyaltySubscriptionId'));
  const ids = body.memberContactIds as number[];
  for (const id of ids) {
    existingContact(store, id, 'memberContactIds');
    if (id === sub.contactId) throw conflict(`Owner contact ${id} cannot be added as a member`);
    const other = store.loyalty.subscriptionOf(program.id, id);
    if (other && other !== sub) throw conflict(`Contact ${id} already belongs to loyalty subscription ${other.id}`);
  }
  const fresh = ids.filter((id) => !sub.members.has(id));
  checkCap(sub.members.size, LOYALTY_CAPS.members, 'members per loyalty subscription', new Set(fresh).size);
  const now = store.now();
  for (const id of fresh) sub.members.set(id, { createdAt: now, updatedAt: now });
  if (fresh.length) {
    sub.updatedAt = now;
    sub.versionId++;
  }
  return { status: 200, body: membersView(sub) };
}

function removeMembers(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const raw = req.query.getAll('memberContactIds').join(',');
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => contactIdFrom(s, 'memberContactIds'));
  if (!ids.length) throw new SandboxError(400, 'missing_parameter', 'memberContactIds is missing');
  const found = ids.map((id) => {
    const sub = store.loyalty.subscriptionOf(program.id, id);
    if (!sub?.members.has(id)) throw notFound(`Contact subscription not found for member ${id}`);
    return [sub, id] as const;
  });
  const now = store.now();
  for (const [sub, id] of found) {
    sub.members.delete(id);
    sub.updatedAt = now;
    sub.versionId++;
  }
  return { status: 204 };
}

const ACCOUNT_PARTS: Record<string, 'balance' | 'members' | 'reward' | 'tier'> = {
  balance: 'balance',
  balances: 'balance',
  member: 'members',
  members: 'members',
  reward: 'reward',
  rewards: 'reward',
  tier: 'tier',
  tiers: 'tier',
};

/** Everything a membership holds: balances, members, unused vouchers and tiers (or the parts `params` names). */
function accountInfo(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const rawContact = req.query.get('contactId');
  const subscriptionId = req.query.get('loyaltySubscriptionId') || undefined;
  if (!rawContact && !subscriptionId)
    throw new SandboxError(400, 'missing_parameter', 'Either contactId or loyaltySubscriptionId is needed');
  let sub: Subscription;
  try {
    sub = store.loyalty.membership(
      program.id,
      rawContact ? contactIdFrom(rawContact, 'contactId') : undefined,
      subscriptionId,
    );
  } catch (error) {
    if (error instanceof SandboxError && error.status === 404)
      throw invalid(`Either contactId or loyaltySubscriptionId is invalid: ${error.message}`);
    throw error;
  }
  const wanted = new Set<string>();
  for (const p of (req.query.get('params') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const part = ACCOUNT_PARTS[p];
    if (!part) throw invalid(`params: ${p} is not one of balance, members, reward, tier`);
    wanted.add(part);
  }
  const all = wanted.size === 0;
  const l = store.loyalty;
  const now = store.now();
  return {
    status: 200,
    body: {
      ...(all || wanted.has('balance')
        ? {
            balance: {
              contactId: sub.contactId,
              loyaltyProgramId: program.id,
              balances: l
                .inProgram(l.definitions, program.id)
                .map((d) => ({ balanceDefinitionId: d.id, value: balanceValue(balanceFor(l, sub.id, d.id), now) })),
            },
          }
        : {}),
      ...(all || wanted.has('members')
        ? { members: [...sub.members].map(([memberContactId, m]) => ({ memberContactId, ...m })) }
        : {}),
      ...(all || wanted.has('reward')
        ? {
            reward: [...l.vouchers.values()]
              .filter((v) => v.subscriptionId === sub.id && !v.consumedAt)
              .map((v) => ({
                id: v.id,
                rewardId: v.rewardId,
                loyaltyProgramId: v.programId,
                contactId: v.contactId,
                code: v.code,
                ...(v.expirationDate ? { expirationDate: v.expirationDate } : {}),
                meta: { ...v.meta },
                createdAt: v.createdAt,
                updatedAt: v.updatedAt,
              })),
          }
        : {}),
      ...(all || wanted.has('tier')
        ? {
            tier: [...l.memberTiers.values()]
              .filter((m) => m.subscriptionId === sub.id)
              .map((m) => ({
                contactId: sub.contactId,
                loyaltyProgramId: program.id,
                groupId: m.groupId,
                tierId: m.tierId,
                meta: {},
                createdAt: m.createdAt,
                updatedAt: m.updatedAt,
              })),
          }
        : {}),
    },
  };
}

export const loyaltyProgramRoutes = routes({
  'GET /loyalty/config/programs': (req, store) => {
    const items = sortedPage(req, [...store.loyalty.programs.values()], {
      sortParam: 'sort_field',
      defaultField: 'created_at',
      defaultLimit: 50,
      maxLimit: 500,
    });
    return { status: 200, body: { items: items.map((p) => store.loyalty.programView(p)) } };
  },
  'POST /loyalty/config/programs': createProgram,
  'GET /loyalty/config/programs/{pid}': (req, store) => ({
    status: 200,
    body: store.loyalty.programView(programOf(req, store)),
  }),
  'PUT /loyalty/config/programs/{pid}': updateProgram(true),
  'PATCH /loyalty/config/programs/{pid}': updateProgram(false),
  'DELETE /loyalty/config/programs/{pid}': (req, store) => {
    store.loyalty.deleteProgram(programOf(req, store).id);
    return { status: 204 };
  },
  'POST /loyalty/config/programs/{pid}/publish': publishProgram,
  'POST /loyalty/config/programs/{pid}/subscriptions': subscribe,
  'POST /loyalty/config/programs/{pid}/subscription-members': addMembers,
  'DELETE /loyalty/config/programs/{pid}/subscription-members': removeMembers,
  'GET /loyalty/config/programs/{pid}/account-info': accountInfo,
});
