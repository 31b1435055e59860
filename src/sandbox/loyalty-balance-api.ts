// Loyalty balances with real state: balance definitions and their limits, the balances members
// hold, transactions (pending, completed, cancelled, rejected) under the definitions' rules,
// scheduled balance orders, and the history and unexpired credits of a member's balance.
import { randomUUID } from 'node:crypto';
import { invalid, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { contactIdFrom, programOf, queryNumber, sortedPage } from './loyalty-http.js';
import {
  balanceFor,
  beginTransaction,
  cancelTransaction,
  completeTransaction,
  fixedExpiry,
  openBalance,
  refused,
  settleLoyalty,
  balanceValue,
} from './loyalty-rules.js';
import {
  LOYALTY_CAPS,
  ORGANIZATION_ID,
  type BalanceDefinition,
  type BalanceLimit,
  type BalanceOrder,
  type DurationUnit,
  type Program,
  type Rounding,
} from './loyalty-store.js';
import type { Store } from './store.js';
import { bodyOf, optBool, optInt, optObject, optString, reqInt, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const optNumber = (body: Body, key: string): number | undefined => {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${key} should be a number`);
  return v;
};

// Balance definitions.

/** Sets every field of a definition from the body (PUT and POST alike), checking they agree. */
function definitionFields(store: Store, program: Program, body: Body, def: BalanceDefinition): void {
  const name = reqString(body, 'name');
  const l = store.loyalty;
  if (l.inProgram(l.definitions, program.id).some((d) => d !== def && d.name.toLowerCase() === name.toLowerCase()))
    throw refused(`A balance definition named ${name} already exists in this program`);
  const minAmount = optNumber(body, 'minAmount');
  const maxAmount = optNumber(body, 'maxAmount');
  if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount)
    throw invalid(`minAmount (${minAmount}) should not be more than maxAmount (${maxAmount})`);
  const availabilityValue = optInt(body, 'balanceAvailabilityDurationValue');
  const availabilityUnit = optString(body, 'balanceAvailabilityDurationUnit') as DurationUnit | undefined;
  if ((availabilityValue === undefined) !== (availabilityUnit === undefined))
    throw invalid('balanceAvailabilityDurationValue and balanceAvailabilityDurationUnit go together');
  if (availabilityValue !== undefined && availabilityValue < 1)
    throw invalid('balanceAvailabilityDurationValue should be 1 or more');
  const expiry = optString(body, 'balanceExpirationDate');
  if (expiry !== undefined && !fixedExpiry(expiry, store.clock()))
    throw invalid('balanceExpirationDate should be a yearly day as dd/mm (e.g. 31/12) or a date');
  if (expiry !== undefined && availabilityValue !== undefined)
    throw invalid('balanceExpirationDate and balanceAvailabilityDuration* are two ways to expire points; give one');
  const meta = optObject(body, 'meta');
  Object.assign(def, {
    name,
    unit: reqString(body, 'unit'),
    description: optString(body, 'description'),
    imageRef: optString(body, 'imageRef'),
    meta: meta ? { ...meta } : undefined,
    minAmount,
    maxAmount,
    maxCreditAmountLimit: optNumber(body, 'maxCreditAmountLimit'),
    maxDebitAmountLimit: optNumber(body, 'maxDebitAmountLimit'),
    availabilityValue,
    availabilityUnit,
    availabilityModifier: optString(body, 'balanceAvailabilityDurationModifier'),
    balanceExpirationDate: expiry,
    overtaking: optString(body, 'balanceOptionAmountOvertakingStrategy'),
    creditRounding: optString(body, 'balanceOptionCreditRounding') as Rounding | undefined,
    debitRounding: optString(body, 'balanceOptionDebitRounding') as Rounding | undefined,
    updatedAt: store.now(),
  });
  for (const key of Object.keys(def) as (keyof BalanceDefinition)[]) if (def[key] === undefined) delete def[key];
}

function createDefinition(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  checkCap(l.count(l.definitions, program.id), LOYALTY_CAPS.balanceDefinitions, 'balance definitions per program');
  const now = store.now();
  const def: BalanceDefinition = {
    id: randomUUID(),
    programId: program.id,
    name: '',
    unit: '',
    createdAt: now,
    updatedAt: now,
  };
  definitionFields(store, program, bodyOf(req), def);
  l.definitions.set(def.id, def);
  return { status: 200, body: l.definitionView(def) };
}

function definitionOf(req: SandboxRequest, store: Store): [Program, BalanceDefinition] {
  const program = programOf(req, store);
  return [program, store.loyalty.definition(program.id, req.params.bdid ?? '')];
}

/** A definition a tier or a reward relies on stays until they no longer do. */
function deleteDefinition(req: SandboxRequest, store: Store) {
  const [program, def] = definitionOf(req, store);
  const l = store.loyalty;
  const tier = l
    .inProgram(l.tiers, program.id)
    .find((t) => t.accessConditions.some((c) => c.balanceDefinitionId === def.id));
  if (tier)
    throw refused(`Balance definition ${def.name} is an access condition of tier ${tier.name}; change the tier first`);
  const reward = l.inProgram(l.rewards, program.id).find((r) => r.subtractBalanceDefinitionId === def.id);
  if (reward) throw refused(`Balance definition ${def.name} pays for reward ${reward.name}`);
  l.definitions.delete(def.id);
  for (const [id, lim] of l.limits) if (lim.definitionId === def.id) l.limits.delete(id);
  for (const [id, b] of l.balances) if (b.definitionId === def.id) l.balances.delete(id);
  return { status: 204 };
}

// Limits.

function limitFields(body: Body, limit: BalanceLimit, now: string): void {
  const value = reqInt(body, 'value');
  const durationValue = reqInt(body, 'durationValue');
  if (value < 0) throw invalid('value should be 0 or more');
  if (durationValue < 1) throw invalid('durationValue should be 1 or more');
  limit.constraintType = reqString(body, 'constraintType') as BalanceLimit['constraintType'];
  limit.durationUnit = reqString(body, 'durationUnit') as DurationUnit;
  limit.durationValue = durationValue;
  limit.transactionType = reqString(body, 'transactionType') as BalanceLimit['transactionType'];
  limit.value = value;
  limit.slidingSchedule = optBool(body, 'slidingSchedule') ?? false;
  limit.updatedAt = now;
}

function createLimit(req: SandboxRequest, store: Store) {
  const [, def] = definitionOf(req, store);
  const l = store.loyalty;
  checkCap(
    [...l.limits.values()].filter((x) => x.definitionId === def.id).length,
    LOYALTY_CAPS.limits,
    'limits per balance definition',
  );
  const now = store.now();
  const limit = { id: randomUUID(), definitionId: def.id, createdAt: now } as BalanceLimit;
  limitFields(bodyOf(req), limit, now);
  l.limits.set(limit.id, limit);
  return { status: 200, body: l.limitView(limit) };
}

function limitOf(req: SandboxRequest, store: Store): BalanceLimit {
  const [, def] = definitionOf(req, store);
  return store.loyalty.limit(def.id, req.params.blid ?? '');
}

// Members' balances.

function memberOf(store: Store, program: Program, raw: string | null | undefined, field: string) {
  const contactId = contactIdFrom(raw, field);
  const sub = store.loyalty.subscriptionOf(program.id, contactId);
  if (!sub) throw notFound(`Subscription not found: contact ${contactId} is not a member of this program`);
  return { contactId, sub };
}

function subscriptionBalances(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const { sub } = memberOf(store, program, req.params.cid, 'cid');
  const l = store.loyalty;
  const now = store.now();
  const balance = l
    .inProgram(l.balances, program.id)
    .filter((b) => b.subscriptionId === sub.id)
    .map((b) => ({ balanceDefinitionId: b.definitionId, value: balanceValue(b, now) }));
  return { status: 200, body: { balance } };
}

function createSubscriptionBalance(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const { contactId, sub } = memberOf(store, program, req.params.cid, 'cid');
  const def = store.loyalty.definition(program.id, reqString(bodyOf(req), 'balanceDefinitionId'));
  if (balanceFor(store.loyalty, sub.id, def.id))
    throw refused(`Contact ${contactId} already has a ${def.name} balance in this program`);
  const b = openBalance(store, sub, def);
  return {
    status: 200,
    body: {
      id: b.id,
      amount: 0,
      balanceDefinitionId: def.id,
      contactId,
      loyaltyProgramId: program.id,
      organizationId: ORGANIZATION_ID,
      createdAt: b.createdAt,
    },
  };
}

/** Every member's value in one balance definition (balanceDefinitionId, else the program's first). */
function contactBalances(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const l = store.loyalty;
  const wanted = req.query.get('balanceDefinitionId');
  const def = wanted
    ? l.definition(program.id, wanted)
    : l.inProgram(l.definitions, program.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (!def) throw notFound('This program has no balance definition');
  const now = store.now();
  const subs = l.inProgram(l.subscriptions, program.id);
  const limit = queryNumber(req, 'limit', 500, 500);
  const offset = queryNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const balances = subs.slice(offset, offset + limit).map((s) => {
    const b = balanceFor(l, s.id, def.id);
    return {
      contactId: s.contactId,
      loyaltySubscriptionId: s.id,
      value: balanceValue(b, now),
      updatedAt: b?.updatedAt ?? s.updatedAt,
    };
  });
  return {
    status: 200,
    body: { loyaltyProgramId: program.id, balanceDefinitionId: def.id, count: subs.length, balances },
  };
}

// Transactions and orders.

/** The program of the path, the request's body, and the balance definition the body names. */
function definitionInBody(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const body = bodyOf(req);
  return { program, body, def: store.loyalty.definition(program.id, reqString(body, 'balanceDefinitionId')) };
}

function beginHandler(req: SandboxRequest, store: Store) {
  const { program, body, def } = definitionInBody(req, store);
  const l = store.loyalty;
  const contactId = optInt(body, 'contactId');
  const sub = l.membership(program.id, contactId, optString(body, 'LoyaltySubscriptionId'));
  const amount = optNumber(body, 'amount');
  if (amount === undefined) throw new SandboxError(400, 'missing_parameter', 'amount is missing');
  if (amount === 0) throw invalid('amount should not be 0: positive credits, negative debits');
  const ttl = optInt(body, 'ttl');
  if (ttl !== undefined && ttl < 0) throw invalid('ttl should be 0 or more (seconds)');
  const minutes = optInt(body, 'balanceExpiryInMinutes');
  if (minutes !== undefined && minutes < 1) throw invalid('balanceExpiryInMinutes should be 1 or more');
  const eventTime = optString(body, 'eventTime');
  if (eventTime !== undefined && Number.isNaN(Date.parse(eventTime)))
    throw invalid('eventTime is not a valid date-time');
  const tx = beginTransaction(store, {
    sub,
    contactId: contactId ?? sub.contactId,
    def,
    amount,
    autoComplete: optBool(body, 'autoComplete') ?? false,
    ttlSeconds: ttl,
    eventTime,
    expiryMinutes: minutes,
    meta: optObject(body, 'meta'),
  });
  return { status: 200, body: l.transactionView(tx) };
}

function transactionHandler(action: typeof completeTransaction) {
  return (req: SandboxRequest, store: Store) => {
    const program = programOf(req, store);
    const tx = store.loyalty.transaction(program.id, req.params.tid ?? '');
    return { status: 200, body: store.loyalty.transactionView(action(store, tx)) };
  };
}

function dateField(body: Body, key: string, required: boolean): string | undefined {
  const raw = required ? reqString(body, key) : optString(body, key);
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw invalid(`${key} is not a valid date-time (RFC 3339)`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function createOrder(req: SandboxRequest, store: Store) {
  const { program, body, def } = definitionInBody(req, store);
  const l = store.loyalty;
  const contactId = reqInt(body, 'contactId');
  memberOf(store, program, String(contactId), 'contactId');
  const amount = optNumber(body, 'amount');
  if (amount === undefined || amount === 0) throw invalid('amount should be a number other than 0');
  const source = reqString(body, 'source');
  if (source !== 'engine' && source !== 'user') throw invalid('source should be engine or user');
  const dueAt = dateField(body, 'dueAt', true)!;
  const expiresAt = dateField(body, 'expiresAt', false);
  if (expiresAt && expiresAt <= dueAt) throw invalid('expiresAt should be after dueAt');
  checkCap(l.orders.size, LOYALTY_CAPS.orders, 'balance orders');
  const now = store.now();
  const meta = optObject(body, 'meta');
  const order: BalanceOrder = {
    id: randomUUID(),
    programId: program.id,
    definitionId: def.id,
    contactId,
    amount,
    source,
    dueAt,
    ...(expiresAt ? { expiresAt } : {}),
    ...(meta ? { meta: { ...meta } } : {}),
    createdAt: now,
    updatedAt: now,
  };
  l.orders.set(order.id, order);
  // An order due now (or in the past) is carried out at once.
  settleLoyalty(store);
  return { status: 200, body: l.orderView(order) };
}

function memberAndDefinition(req: SandboxRequest, store: Store) {
  const program = programOf(req, store);
  const { contactId, sub } = memberOf(store, program, req.query.get('contact_id'), 'contact_id');
  const def = store.loyalty.definition(program.id, req.query.get('balance_definition_id') ?? '');
  return { program, contactId, sub, def };
}

/** The credits of a member's balance not yet spent nor expired, each with what remains of it. */
function activeBalance(req: SandboxRequest, store: Store) {
  const { program, contactId, sub, def } = memberAndDefinition(req, store);
  const now = store.now();
  const lots = (balanceFor(store.loyalty, sub.id, def.id)?.lots ?? []).filter(
    (lot) => lot.remaining > 0 && (!lot.expiresAt || lot.expiresAt > now),
  );
  const order = req.query.get('sort') || 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid('sort should be asc or desc');
  lots.sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (order === 'asc' ? 1 : -1));
  const limit = queryNumber(req, 'limit', 50, 500);
  const offset = queryNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return {
    status: 200,
    body: {
      loyaltyProgramId: program.id,
      contactId,
      balanceDefinitionId: def.id,
      count: lots.length,
      activeBalances: lots.slice(offset, offset + limit).map((lot) => ({
        transactionId: lot.transactionId,
        amount: lot.remaining,
        createdAt: lot.createdAt,
        ...(lot.expiresAt ? { expiresAt: lot.expiresAt } : {}),
      })),
    },
  };
}

const HISTORY_FILTERS = new Set(['pending', 'completed', 'cancelled', 'rejected', 'credit', 'debit']);

/** A member's transactions on one definition; filters keep statuses or credit/debit (status:completed or completed). */
function transactionHistory(req: SandboxRequest, store: Store) {
  const { program, contactId, sub, def } = memberAndDefinition(req, store);
  const filters = req.query
    .getAll('filters')
    .flatMap((f) => f.split(','))
    .map((f) => f.trim().replace(/^(status|type):/, ''))
    .filter(Boolean);
  for (const f of filters)
    if (!HISTORY_FILTERS.has(f))
      throw invalid(`filters: ${f} is not one of ${[...HISTORY_FILTERS].join(', ')} (optionally as status:<value>)`);
  const statuses = filters.filter((f) => f !== 'credit' && f !== 'debit');
  const kinds = filters.filter((f) => f === 'credit' || f === 'debit');
  const l = store.loyalty;
  const all = l
    .inProgram(l.transactions, program.id)
    .filter((t) => t.subscriptionId === sub.id && t.definitionId === def.id)
    .filter((t) => !statuses.length || statuses.includes(t.status))
    .filter((t) => !kinds.length || kinds.includes(t.amount >= 0 ? 'credit' : 'debit'));
  const items = sortedPage(req, all, {
    sortParam: 'sort_field',
    defaultField: 'created_at',
    defaultLimit: 50,
    maxLimit: 500,
  });
  return {
    status: 200,
    body: {
      loyaltyProgramId: program.id,
      contactId,
      balanceDefinitionId: def.id,
      count: all.length,
      transactionHistory: items.map((t) => {
        const v = l.transactionView(t);
        return {
          id: v.id,
          amount: v.amount,
          status: v.status,
          ...(v.expirationDate ? { balanceExpirationDate: v.expirationDate } : {}),
          ...(v.meta ? { meta: v.meta } : {}),
          createdAt: v.createdAt,
          ...(v.completedAt ? { completedAt: v.completedAt } : {}),
          ...(v.cancelledAt ? { cancelledAt: v.cancelledAt } : {}),
          ...(v.rejectedAt ? { rejectedAt: v.rejectedAt, rejectReason: v.rejectReason } : {}),
        };
      }),
    },
  };
}

const base = '/loyalty/balance/programs/{pid}';

export const loyaltyBalanceRoutes = routes({
  [`GET ${base}/balance-definitions`]: (req, store) => {
    const program = programOf(req, store);
    const l = store.loyalty;
    const items = sortedPage(req, l.inProgram(l.definitions, program.id), {
      sortParam: 'sortField',
      defaultField: 'updated_at',
      defaultLimit: 200,
      maxLimit: 500,
    });
    return { status: 200, body: { items: items.map((d) => l.definitionView(d)) } };
  },
  [`POST ${base}/balance-definitions`]: createDefinition,
  [`GET ${base}/balance-definitions/{bdid}`]: (req, store) => ({
    status: 200,
    body: store.loyalty.definitionView(definitionOf(req, store)[1]),
  }),
  [`PUT ${base}/balance-definitions/{bdid}`]: (req, store) => {
    const [program, def] = definitionOf(req, store);
    definitionFields(store, program, bodyOf(req), def);
    return { status: 200, body: store.loyalty.definitionView(def) };
  },
  [`DELETE ${base}/balance-definitions/{bdid}`]: deleteDefinition,
  [`POST ${base}/balance-definitions/{bdid}/limits`]: createLimit,
  [`GET ${base}/balance-definitions/{bdid}/limits/{blid}`]: (req, store) => ({
    status: 200,
    body: store.loyalty.limitView(limitOf(req, store)),
  }),
  [`PUT ${base}/balance-definitions/{bdid}/limits/{blid}`]: (req, store) => {
    const limit = limitOf(req, store);
    limitFields(bodyOf(req), limit, store.now());
    return { status: 200, body: store.loyalty.limitView(limit) };
  },
  [`DELETE ${base}/balance-definitions/{bdid}/limits/{blid}`]: (req, store) => {
    store.loyalty.limits.delete(limitOf(req, store).id);
    return { status: 204 };
  },
  [`GET ${base}/subscriptions/{cid}/balances`]: subscriptionBalances,
  [`POST ${base}/subscriptions/{cid}/balances`]: createSubscriptionBalance,
  [`GET ${base}/contact-balances`]: contactBalances,
  [`POST ${base}/transactions`]: beginHandler,
  [`POST ${base}/transactions/{tid}/complete`]: transactionHandler(completeTransaction),
  [`POST ${base}/transactions/{tid}/cancel`]: transactionHandler(cancelTransaction),
  [`POST ${base}/create-order`]: createOrder,
  [`GET ${base}/active-balance`]: activeBalance,
  [`GET ${base}/transaction-history`]: transactionHistory,
});
