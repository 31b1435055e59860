// Loyalty tiers with real state: tier groups (their tier order, lowest first, and when members
// move up or down) and tiers (access conditions on balances, rewards given on entry); members are
// placed by their balances as they change, or by hand.
import { randomUUID } from 'node:crypto';
import { invalid, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { contactIdFrom, programOf } from './loyalty-http.js';
import { evaluateTiers, orderedTiers, setTier } from './loyalty-rules.js';
import { LOYALTY_CAPS, tierKey, type Program, type Tier, type TierGroup, type TierStrategy } from './loyalty-store.js';
import type { Store } from './store.js';
import { bodyOf, optString, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const conflict = (message: string) => new SandboxError(409, 'duplicate_parameter', message);

// Tier groups and tiers.

function strategy(body: Body, key: string): TierStrategy | undefined {
  return optString(body, key) as TierStrategy | undefined;
}

/** tierOrder may name only tiers of the group, each once. */
function checkTierOrder(store: Store, group: TierGroup | undefined, order: string[]): void {
  if (new Set(order).size !== order.length) throw invalid('tierOrder names a tier more than once');
  for (const id of order) {
    const tier = store.loyalty.tiers.get(id);
    if (!tier || tier.groupId !== group?.id) throw invalid(`tierOrder: tier ${id} is not a tier of this group`);
  }
}

/** The program of the path and its tier group {gid}. */
function groupOf(req: SandboxRequest, store: Store): [Program, TierGroup] {
  const program = programOf(req, store);
  return [program, store.loyalty.tierGroup(program.id, req.params.gid ?? '')];
}

/** The program of the path and its tier {tid}. */
function tierOf(req: SandboxRequest, store: Store): [Program, Tier] {
  const program = programOf(req, store);
  return [program, store.loyalty.tier(program.id, req.params.tid ?? '')];
}

/** After a change to a program's tiers, every member's tier is worked out again. */
function reevaluateMembers(store: Store, program: Program): void {
  for (const sub of store.loyalty.inProgram(store.loyalty.subscriptions, program.id)) evaluateTiers(store, sub);
}

function createTierGroup(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const l = store.loyalty;
  if (l.inProgram(l.tierGroups, program.id).some((g) => g.name.toLowerCase() === name.toLowerCase()))
    throw conflict(`A tier group named ${name} already exists in this program`);
  checkCap(l.count(l.tierGroups, program.id), LOYALTY_CAPS.tierGroups, 'tier groups per program');
  const order = (body.tierOrder as string[] | undefined) ?? [];
  // A new group has no tiers yet: an order can only name tiers once they exist.
  checkTierOrder(store, undefined, order);
  const now = store.now();
  const group: TierGroup = {
    id: randomUUID(),
    programId: program.id,
    name,
    tierOrder: [],
    upgradeStrategy: strategy(body, 'upgradeStrategy') ?? 'real_time',
    downgradeStrategy: strategy(body, 'downgradeStrategy') ?? 'real_time',
    createdAt: now,
    updatedAt: now,
  };
  l.tierGroups.set(group.id, group);
  return { status: 200, body: l.tierGroupView(group) };
}

function updateTierGroup(req: SandboxRequest, store: Store) {
  const [program, group] = groupOf(req, store);
  const l = store.loyalty;
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  if (l.inProgram(l.tierGroups, program.id).some((g) => g !== group && g.name.toLowerCase() === name.toLowerCase()))
    throw conflict(`A tier group named ${name} already exists in this program`);
  const order = body.tierOrder as string[];
  checkTierOrder(store, group, order);
  group.name = name;
  group.tierOrder = [...order];
  group.upgradeStrategy = strategy(body, 'upgradeStrategy') ?? group.upgradeStrategy;
  group.downgradeStrategy = strategy(body, 'downgradeStrategy') ?? group.downgradeStrategy;
  group.updatedAt = store.now();
  reevaluateMembers(store, program);
  return { status: 200, body: l.tierGroupView(group) };
}

function deleteTierGroup(req: SandboxRequest, store: Store) {
  const [, group] = groupOf(req, store);
  const l = store.loyalty;
  if ([...l.memberTiers.values()].some((m) => m.groupId === group.id))
    throw conflict(`Tier group ${group.name} has members in its tiers; delete its tiers first`);
  for (const [id, t] of l.tiers) if (t.groupId === group.id) l.tiers.delete(id);
  l.tierGroups.delete(group.id);
  return { status: 204 };
}

function tierFields(store: Store, program: Program, body: Body, tier: Tier): void {
  const now = store.now();
  const conditions = (body.accessConditions as Body[] | undefined) ?? [];
  tier.accessConditions = conditions.map((c, i) => {
    const id = c.balanceDefinitionId;
    if (typeof id !== 'string')
      throw new SandboxError(400, 'missing_parameter', `accessConditions[${i}].balanceDefinitionId is missing`);
    if (!store.loyalty.definitions.has(id) || store.loyalty.definitions.get(id)!.programId !== program.id)
      throw notFound(`accessConditions[${i}].balanceDefinitionId: balance definition ${id} not found in this program`);
    const minimumValue = c.minimumValue ?? 0;
    if (typeof minimumValue !== 'number' || minimumValue < 0)
      throw invalid(`accessConditions[${i}].minimumValue should be 0 or more`);
    return { balanceDefinitionId: id, minimumValue, createdAt: now, updatedAt: now };
  });
  const rewards = (body.tierRewards as Body[] | undefined) ?? [];
  tier.tierRewards = rewards.map((r, i) => {
    const id = r.rewardId;
    if (typeof id !== 'string')
      throw new SandboxError(400, 'missing_parameter', `tierRewards[${i}].rewardId is missing`);
    store.loyalty.reward(program.id, id);
    return { rewardId: id, createdAt: now, updatedAt: now };
  });
  tier.name = reqString(body, 'name');
  const imageRef = optString(body, 'imageRef');
  if (imageRef !== undefined) tier.imageRef = imageRef;
  tier.updatedAt = now;
}

function createTier(req: SandboxRequest, store: Store) {
  const [program, group] = groupOf(req, store);
  const l = store.loyalty;
  checkCap(
    [...l.tiers.values()].filter((t) => t.groupId === group.id).length,
    LOYALTY_CAPS.tiers,
    'tiers per tier group',
  );
  const now = store.now();
  const tier: Tier = {
    id: randomUUID(),
    programId: program.id,
    groupId: group.id,
    name: '',
    accessConditions: [],
    tierRewards: [],
    createdAt: now,
    updatedAt: now,
  };
  tierFields(store, program, bodyOf(req), tier);
  l.tiers.set(tier.id, tier);
  // A new tier goes to the top of its group's order, as the last one reached.
  group.tierOrder.push(tier.id);
  group.updatedAt = now;
  reevaluateMembers(store, program);
  return { status: 200, body: l.tierView(tier) };
}

function updateTier(req: SandboxRequest, store: Store) {
  const [program, tier] = tierOf(req, store);
  const l = store.loyalty;
  tierFields(store, program, bodyOf(req), tier);
  reevaluateMembers(store, program);
  return { status: 200, body: l.tierView(tier) };
}

function deleteTier(req: SandboxRequest, store: Store) {
  const [program, tier] = tierOf(req, store);
  const l = store.loyalty;
  l.tiers.delete(tier.id);
  const group = l.tierGroups.get(tier.groupId);
  if (group) group.tierOrder = group.tierOrder.filter((id) => id !== tier.id);
  for (const [id, m] of l.memberTiers) if (m.tierId === tier.id) l.memberTiers.delete(id);
  reevaluateMembers(store, program);
  return { status: 204 };
}

/** Puts a member (by contact id) in a tier by hand; 409 when they already hold it. */
function assignTier(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const contactId = contactIdFrom(req.params.cid, 'cid');
  const tier = l.tier(program.id, req.params.tid ?? '');
  const sub = l.membership(program.id, contactId);
  const held = l.memberTiers.get(tierKey(sub.id, tier.groupId));
  if (held?.tierId === tier.id) throw conflict(`Contact ${contactId} is already in tier ${tier.name}`);
  const assigned = setTier(store, sub, tier.id, tier.groupId);
  return { status: 200, body: l.memberTierView(assigned, contactId) };
}

export const loyaltyTierRoutes = routes({
  'POST /loyalty/tier/programs/{pid}/tier-groups': createTierGroup,
  'GET /loyalty/tier/programs/{pid}/tier-groups': (req, store) => {
    const program = programOf(req, store);
    const l = store.loyalty;
    return { status: 200, body: { items: l.inProgram(l.tierGroups, program.id).map((g) => l.tierGroupView(g)) } };
  },
  'GET /loyalty/tier/programs/{pid}/tier-groups/{gid}': (req, store) => ({
    status: 200,
    body: store.loyalty.tierGroupView(groupOf(req, store)[1]),
  }),
  'PUT /loyalty/tier/programs/{pid}/tier-groups/{gid}': updateTierGroup,
  'DELETE /loyalty/tier/programs/{pid}/tier-groups/{gid}': deleteTierGroup,
  'GET /loyalty/tier/programs/{pid}/tiers': (req, store) => {
    const program = programOf(req, store);
    const l = store.loyalty;
    const items = l.inProgram(l.tierGroups, program.id).flatMap((g) => orderedTiers(l, g.id));
    return { status: 200, body: { items: items.map((t) => l.tierView(t)) } };
  },
  'POST /loyalty/tier/programs/{pid}/tier-groups/{gid}/tiers': createTier,
  'PUT /loyalty/tier/programs/{pid}/tiers/{tid}': updateTier,
  'DELETE /loyalty/tier/programs/{pid}/tiers/{tid}': deleteTier,
  'POST /loyalty/tier/programs/{pid}/contacts/{cid}/tiers/{tid}': assignTier,
});
