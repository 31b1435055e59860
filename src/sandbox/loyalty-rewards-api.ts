// Loyalty rewards with real state: rewards (draft until the program is published), vouchers given
// to members (codes from a pool or generated, expiry), redemptions that debit what the reward
// costs and use the voucher up on completion, revocation, and the point-of-sale validation.
import { randomUUID } from 'node:crypto';
import { invalid, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { contactIdFrom, programOf, queryNumber } from './loyalty-http.js';
import {
  attributeReward,
  balanceFor,
  balanceValue,
  beginTransaction,
  completeTransaction,
  voucherByCode,
} from './loyalty-rules.js';
import { LOYALTY_CAPS, type Program, type Redeem, type Reward, type Voucher } from './loyalty-store.js';
import type { Store } from './store.js';
import { bodyOf, optInt, optObject, optString, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const precondition = (message: string) => new SandboxError(412, 'precondition_failed', message);
const expectation = (message: string) => new SandboxError(417, 'expectation_failed', message);

function createReward(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const l = store.loyalty;
  checkCap(l.count(l.rewards, program.id), LOYALTY_CAPS.rewards, 'rewards per program');
  const now = store.now();
  const reward: Reward = {
    id: randomUUID(),
    programId: program.id,
    name: reqString(body, 'name'),
    state: 'draft',
    codeGeneratorId: randomUUID(),
    codePattern: 'RW-XXXX-XXXX',
    codePool: [],
    totalAttribution: 0,
    totalRedeem: 0,
    createdAt: now,
    updatedAt: now,
  };
  for (const key of ['publicName', 'publicDescription', 'publicImage'] as const) {
    const value = optString(body, key);
    if (value !== undefined) reward[key] = value;
  }
  l.rewards.set(reward.id, reward);
  const { id, name, publicName, publicDescription, publicImage, createdAt, updatedAt } = reward;
  return {
    status: 200,
    body: { id, loyaltyProgramId: program.id, name, publicName, publicDescription, publicImage, createdAt, updatedAt },
  };
}

/** version=active shows only what is published; draft (the default) shows everything. */
function activeOnly(req: SandboxRequest): boolean {
  return req.query.get('version') === 'active';
}

function listRewards(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const state = req.query.get('state');
  const all = l
    .inProgram(l.rewards, program.id)
    .filter((r) => !activeOnly(req) || r.state === 'active')
    .filter((r) => !state || r.state === state);
  const limit = queryNumber(req, 'limit', 50, 100);
  const offset = queryNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return {
    status: 200,
    body: { items: all.slice(offset, offset + limit).map((r) => l.rewardSummaryView(r)), totalCount: all.length },
  };
}

function getReward(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const reward = store.loyalty.reward(program.id, req.params.rid ?? '');
  if (activeOnly(req) && reward.state !== 'active')
    throw notFound(`Reward ${reward.id} has no active version yet: publish the program`);
  return { status: 200, body: store.loyalty.rewardView(reward) };
}

function giveVoucher(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const l = store.loyalty;
  const reward = l.reward(program.id, reqString(body, 'rewardId'));
  if (reward.state !== 'active')
    throw new SandboxError(400, 'bad_request', `Reward ${reward.name} is a draft: publish the program to give it`);
  const contactId = optInt(body, 'contactId');
  const sub = l.membership(program.id, contactId, optString(body, 'loyaltySubscriptionId'));
  const expirationDate = optString(body, 'expirationDate');
  if (expirationDate !== undefined && Number.isNaN(Date.parse(expirationDate)))
    throw invalid('expirationDate is not a valid date-time');
  const value = body.value;
  if (value !== undefined && (typeof value !== 'number' || value < 0)) throw invalid('value should be 0 or more');
  const voucher = attributeReward(store, program, reward, sub, contactId ?? sub.contactId, {
    code: optString(body, 'code'),
    value: value as number | undefined,
    expirationDate:
      expirationDate === undefined ? undefined : new Date(expirationDate).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    meta: optObject(body, 'meta'),
  });
  return { status: 200, body: l.voucherView(voucher) };
}

/** The voucher a redeem or validation names: by its id, its code, or a reward the member holds. */
function voucherFor(store: Store, program: Program, body: Body): Voucher {
  const l = store.loyalty;
  const contactId = optInt(body, 'contactId');
  const subscriptionId = optString(body, 'loyaltySubscriptionId');
  const named = contactId !== undefined || subscriptionId !== undefined;
  const attributedId = optString(body, 'attributedRewardId');
  const code = optString(body, 'code');
  const rewardId = optString(body, 'rewardId');
  let voucher: Voucher | undefined;
  if (attributedId !== undefined) {
    voucher = l.vouchers.get(attributedId);
    if (!voucher || voucher.programId !== program.id) throw notFound(`Voucher ${attributedId} not found`);
  } else if (code !== undefined) {
    voucher = voucherByCode(l, program.id, code);
    if (!voucher) throw notFound(`No voucher with code ${code} in this program`);
  } else if (rewardId !== undefined) {
    const reward = l.reward(program.id, rewardId);
    const sub = l.membership(program.id, contactId, subscriptionId);
    const now = store.now();
    voucher = [...l.vouchers.values()]
      .filter((v) => v.rewardId === reward.id && v.subscriptionId === sub.id && !v.consumedAt)
      .filter((v) => !v.expirationDate || v.expirationDate > now)
      .sort((a, b) => (a.expirationDate ?? '9999').localeCompare(b.expirationDate ?? '9999'))[0];
    if (!voucher) throw notFound(`The member holds no unused voucher of reward ${reward.name}`);
  } else throw new SandboxError(400, 'missing_parameter', 'attributedRewardId, code or rewardId is missing');
  if (named) {
    const sub = l.membership(program.id, contactId, subscriptionId);
    if (voucher.subscriptionId !== sub.id) throw notFound(`Voucher ${voucher.id} does not belong to this member`);
  }
  return voucher;
}

/** Why a voucher cannot be used now, or undefined when it can. */
function unusable(store: Store, voucher: Voucher): string | undefined {
  if (voucher.consumedAt) return `Voucher ${voucher.code} was already used at ${voucher.consumedAt}`;
  if (voucher.expirationDate && voucher.expirationDate <= store.now())
    return `Voucher ${voucher.code} expired at ${voucher.expirationDate}`;
  for (const r of store.loyalty.redeems.values())
    if (r.voucherId === voucher.id && r.status === 'pending')
      return `Voucher ${voucher.code} has a redeem pending (${r.id})`;
  return undefined;
}

function redeem(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  const l = store.loyalty;
  const voucher = voucherFor(store, program, body);
  const why = unusable(store, voucher);
  if (why) throw precondition(why);
  const ttl = optInt(body, 'ttl');
  const reward = l.rewards.get(voucher.rewardId);
  const sub = l.subscriptions.get(voucher.subscriptionId);
  let debitTransactionId: string | undefined;
  const def = reward?.subtractBalanceDefinitionId ? l.definitions.get(reward.subtractBalanceDefinitionId) : undefined;
  if (reward && def && sub && reward.subtractBalanceValue) {
    try {
      debitTransactionId = beginTransaction(store, {
        sub,
        contactId: voucher.contactId,
        def,
        amount: -reward.subtractBalanceValue,
        ttlSeconds: ttl || undefined,
        meta: { voucherId: voucher.id, rewardId: reward.id },
      }).id;
    } catch (error) {
      if (error instanceof SandboxError && error.status === 422) throw expectation(error.message);
      throw error;
    }
  }
  const now = store.clock();
  const at = store.now();
  const meta = optObject(body, 'meta');
  const order = optObject(body, 'order');
  const r: Redeem = {
    id: randomUUID(),
    programId: program.id,
    voucherId: voucher.id,
    contactId: voucher.contactId,
    status: 'pending',
    ...(debitTransactionId ? { debitTransactionId } : {}),
    ...(ttl ? { expiresAt: new Date(now.getTime() + ttl * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    ...(meta || order ? { meta: { ...meta, ...(order ? { order } : {}) } } : {}),
    createdAt: at,
    updatedAt: at,
  };
  l.redeems.set(r.id, r);
  return { status: 200, body: l.redeemView(r) };
}

function completeRedeem(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const r = l.redeems.get(req.params.tid ?? '');
  if (!r || r.programId !== program.id) throw notFound(`Redeem transaction ${req.params.tid} not found`);
  if (r.status === 'completed') throw precondition(`Redeem ${r.id} is already completed`);
  if (r.status === 'cancelled') throw precondition(`Redeem ${r.id} was cancelled: its ttl passed before completion`);
  const voucher = l.vouchers.get(r.voucherId);
  if (!voucher) throw precondition(`The voucher of redeem ${r.id} was revoked`);
  const debit = r.debitTransactionId ? l.transactions.get(r.debitTransactionId) : undefined;
  if (debit) {
    try {
      completeTransaction(store, debit);
    } catch (error) {
      if (error instanceof SandboxError && error.status === 422) throw expectation(error.message);
      throw error;
    }
  }
  const now = store.now();
  voucher.consumedAt = now;
  voucher.updatedAt = now;
  const reward = l.rewards.get(voucher.rewardId);
  if (reward) reward.totalRedeem++;
  r.status = 'completed';
  r.completedAt = now;
  r.updatedAt = now;
  return { status: 200, body: l.redeemView(r) };
}

function revoke(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const ids = req.query
    .getAll('attributedRewardIds')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw new SandboxError(400, 'missing_parameter', 'attributedRewardIds is missing');
  for (const id of ids) {
    const v = l.vouchers.get(id);
    if (!v || v.programId !== program.id) throw notFound(`Voucher ${id} not found`);
  }
  const now = store.now();
  for (const id of ids) {
    l.vouchers.delete(id);
    // A redeem under way on a revoked voucher stops, and the points it held are released.
    for (const r of l.redeems.values()) {
      if (r.voucherId !== id || r.status !== 'pending') continue;
      r.status = 'cancelled';
      r.cancelledAt = now;
      r.updatedAt = now;
      const debit = r.debitTransactionId ? l.transactions.get(r.debitTransactionId) : undefined;
      if (debit?.status === 'pending') Object.assign(debit, { status: 'cancelled', cancelledAt: now, updatedAt: now });
    }
  }
  return { status: 204 };
}

/** Whether the voucher may be used now: unused, unexpired, and the member's balance covers its cost. */
function validate(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const voucher = voucherFor(store, program, bodyOf(req));
  let authorize = !unusable(store, voucher);
  const l = store.loyalty;
  const reward = l.rewards.get(voucher.rewardId);
  if (authorize && reward?.subtractBalanceDefinitionId && reward.subtractBalanceValue) {
    const balance = balanceFor(l, voucher.subscriptionId, reward.subtractBalanceDefinitionId);
    authorize = balanceValue(balance, store.now()) >= reward.subtractBalanceValue;
  }
  return { status: 200, body: { authorize } };
}

function vouchers(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const contactId = contactIdFrom(req.query.get('contactId'), 'contactId');
  const sub = l.membership(program.id, contactId);
  const rewardId = req.query.get('rewardId');
  const metaFilter = req.query.get('metadata_key_value');
  let meta: [string, string] | undefined;
  if (metaFilter) {
    const at = metaFilter.indexOf(':');
    if (at < 1) throw invalid('metadata_key_value should be key:value');
    meta = [metaFilter.slice(0, at), metaFilter.slice(at + 1)];
  }
  const field = req.query.get('sortField') || 'createdAt';
  const order = req.query.get('sort') || 'desc';
  const all = [...l.vouchers.values()]
    .filter((v) => v.subscriptionId === sub.id)
    .filter((v) => !rewardId || v.rewardId === rewardId)
    .filter((v) => !meta || String(v.meta?.[meta[0]]) === meta[1])
    .sort(
      (a, b) =>
        (field === 'updatedAt' ? a.updatedAt.localeCompare(b.updatedAt) : a.createdAt.localeCompare(b.createdAt)) *
        (order === 'asc' ? 1 : -1),
    );
  const limit = queryNumber(req, 'limit', 50, 100);
  const offset = queryNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return {
    status: 200,
    body: {
      contactId,
      loyaltyProgramId: program.id,
      loyaltySubscriptionId: sub.id,
      count: all.length,
      contactRewards: all.slice(offset, offset + limit).map((v) => {
        const { loyaltyProgramId: _p, contactId: _c, ...rest } = l.voucherView(v);
        const unit = l.rewards.get(v.rewardId)?.unit;
        return { ...rest, ...(unit ? { unit } : {}) };
      }),
    },
  };
}

function codesCount(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const cpid = req.params.cpid ?? '';
  const reward = store.loyalty.inProgram(store.loyalty.rewards, program.id).find((r) => r.codePoolId === cpid);
  if (!reward) throw notFound(`Code pool ${cpid} not found in this program`);
  return { status: 200, body: { count: reward.codePool.length } };
}

const base = '/loyalty/offer/programs/{pid}';

export const loyaltyRewardRoutes = routes({
  [`GET ${base}/code-pools/{cpid}/codes-count`]: codesCount,
  [`GET ${base}/vouchers`]: vouchers,
  [`GET ${base}/offers`]: listRewards,
  [`POST ${base}/offers`]: createReward,
  [`GET ${base}/rewards/{rid}`]: getReward,
  [`POST ${base}/rewards/attribute`]: giveVoucher,
  [`POST ${base}/rewards/redeem`]: redeem,
  [`POST ${base}/rewards/redeem/{tid}/complete`]: completeRedeem,
  [`DELETE ${base}/rewards/revoke`]: revoke,
  [`POST ${base}/rewards/validate`]: validate,
});
