// The loyalty rules the emulator applies: a balance definition's rounding, per-transaction caps,
// minimum and maximum amounts (strict refuses, partial trims), period limits and expiry; pending
// transactions, redeems and scheduled orders that time moves on; and tiers that follow balances.
import { randomUUID } from 'node:crypto';
import { SandboxError } from './http.js';
import {
  balanceKey,
  tierKey,
  LOYALTY_CAPS,
  type Balance,
  type BalanceDefinition,
  type DurationUnit,
  type LoyaltyState,
  type Program,
  type Reward,
  type Subscription,
  type Transaction,
  type Voucher,
} from './loyalty-store.js';
import { DAY, iso, type Store } from './store.js';
import { checkCap } from './limits.js';

/** A rule of the program refuses the request: Brevo's 422 for loyalty validation errors. */
export const refused = (message: string) => new SandboxError(422, 'unprocessable_entity', message);

/** date + n units (calendar months and years). */
export function addDuration(date: Date, value: number, unit: DurationUnit): Date {
  const d = new Date(date.getTime());
  if (unit === 'day') d.setTime(d.getTime() + value * DAY);
  else if (unit === 'week') d.setTime(d.getTime() + value * 7 * DAY);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + value);
  else d.setUTCFullYear(d.getUTCFullYear() + value);
  return d;
}

/** The start of the calendar period (UTC day, ISO week from Monday, month, year) holding date. */
export function startOfPeriod(date: Date, unit: DurationUnit): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  else if (unit === 'month') d.setUTCDate(1);
  else if (unit === 'year') d.setUTCMonth(0, 1);
  return d;
}

/** A yearly dd/mm (the next such day, at its end) or a date, from `from`; undefined when neither. */
export function fixedExpiry(text: string, from: Date): Date | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text.trim());
  if (m) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    let year = from.getUTCFullYear();
    let at = new Date(Date.UTC(year, month - 1, day, 23, 59, 59));
    if (at.getUTCDate() !== day) return undefined;
    if (at <= from) at = new Date(Date.UTC(++year, month - 1, day, 23, 59, 59));
    return at;
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** When points credited now expire under the definition (undefined: never). */
function creditExpiry(def: BalanceDefinition, now: Date, minutes?: number): string | undefined {
  if (minutes !== undefined) return iso(new Date(now.getTime() + minutes * 60_000));
  if (def.availabilityValue !== undefined && def.availabilityUnit) {
    let at = addDuration(now, def.availabilityValue, def.availabilityUnit);
    if (def.availabilityModifier === 'startOfPeriod') at = startOfPeriod(at, def.availabilityUnit);
    else if (def.availabilityModifier === 'endOfPeriod')
      at = new Date(addDuration(startOfPeriod(at, def.availabilityUnit), 1, def.availabilityUnit).getTime() - 1000);
    return iso(at);
  }
  if (def.balanceExpirationDate) {
    const at = fixedExpiry(def.balanceExpirationDate, now);
    return at ? iso(at) : undefined;
  }
  return undefined;
}

const round = (value: number, how: string | undefined) =>
  how === 'lower'
    ? Math.floor(value)
    : how === 'upper'
      ? Math.ceil(value)
      : how === 'natural'
        ? Math.round(value)
        : value;

export function balanceFor(state: LoyaltyState, subscriptionId: string, definitionId: string): Balance | undefined {
  return state.balances.get(balanceKey(subscriptionId, definitionId));
}

export function openBalance(store: Store, sub: Subscription, def: BalanceDefinition): Balance {
  const existing = balanceFor(store.loyalty, sub.id, def.id);
  if (existing) return existing;
  const now = store.now();
  const balance: Balance = {
    id: randomUUID(),
    programId: sub.programId,
    subscriptionId: sub.id,
    definitionId: def.id,
    createdAt: now,
    updatedAt: now,
    lots: [],
  };
  store.loyalty.balances.set(balanceKey(sub.id, def.id), balance);
  return balance;
}

/** What a balance holds now: the unspent, unexpired credited points. */
export function balanceValue(balance: Balance | undefined, now: string): number {
  if (!balance) return 0;
  let total = 0;
  for (const lot of balance.lots) if (!lot.expiresAt || lot.expiresAt > now) total += lot.remaining;
  return Math.round(total * 1e6) / 1e6;
}

function pendingDebits(state: LoyaltyState, subscriptionId: string, definitionId: string): number {
  let total = 0;
  for (const t of state.transactions.values())
    if (
      t.subscriptionId === subscriptionId &&
      t.definitionId === definitionId &&
      t.status === 'pending' &&
      t.amount < 0
    )
      total += -t.amount;
  return total;
}

/** The balance limits of the definition: a period's count or sum of credits (or debits) so far. */
function checkLimits(store: Store, def: BalanceDefinition, sub: Subscription, amount: number): void {
  const type = amount >= 0 ? 'credit' : 'debit';
  const now = store.clock();
  for (const limit of store.loyalty.limits.values()) {
    if (limit.definitionId !== def.id || limit.transactionType !== type) continue;
    const since = limit.slidingSchedule
      ? addDuration(now, -limit.durationValue, limit.durationUnit)
      : startOfPeriod(now, limit.durationUnit);
    let count = 0;
    let sum = 0;
    for (const t of store.loyalty.transactions.values()) {
      if (t.subscriptionId !== sub.id || t.definitionId !== def.id) continue;
      if (t.status !== 'pending' && t.status !== 'completed') continue;
      if ((t.amount >= 0 ? 'credit' : 'debit') !== type || Date.parse(t.createdAt) < since.getTime()) continue;
      count++;
      sum += Math.abs(t.amount);
    }
    const period = `${limit.slidingSchedule ? 'the last' : 'this'} ${limit.durationValue} ${limit.durationUnit}(s)`;
    if (limit.constraintType === 'transaction' && count + 1 > limit.value)
      throw refused(`Balance limit ${limit.id} reached: at most ${limit.value} ${type} transaction(s) in ${period}`);
    if (limit.constraintType === 'amount' && sum + Math.abs(amount) > limit.value)
      throw refused(
        `Balance limit ${limit.id} reached: at most ${limit.value} ${def.unit} of ${type}s ` +
          `in ${period} (${sum} so far)`,
      );
  }
}

/**
 * The amount the definition lets through for this membership: rounded, within the per-transaction
 * caps, and kept between minAmount and maxAmount (strict refuses, partial trims to what fits).
 */
function allowedAmount(store: Store, def: BalanceDefinition, sub: Subscription, requested: number): number {
  const credit = requested >= 0;
  let amount = credit ? round(requested, def.creditRounding) : -round(-requested, def.debitRounding);
  if (amount === 0) throw refused('amount is 0 after the rounding of the balance definition');
  if (credit && def.maxCreditAmountLimit !== undefined && amount > def.maxCreditAmountLimit)
    throw refused(`amount ${amount} is over maxCreditAmountLimit (${def.maxCreditAmountLimit}) of ${def.name}`);
  if (!credit && def.maxDebitAmountLimit !== undefined && -amount > def.maxDebitAmountLimit)
    throw refused(`amount ${amount} is over maxDebitAmountLimit (${def.maxDebitAmountLimit}) of ${def.name}`);
  const value = balanceValue(balanceFor(store.loyalty, sub.id, def.id), store.now());
  const strict = def.overtaking !== 'partial';
  if (credit && def.maxAmount !== undefined && value + amount > def.maxAmount) {
    if (strict || value >= def.maxAmount)
      throw refused(
        `Crediting ${amount} would take ${def.name} to ${value + amount}, over its maxAmount ${def.maxAmount}`,
      );
    amount = def.maxAmount - value;
  }
  if (!credit) {
    const floor = def.minAmount ?? 0;
    const available = value - pendingDebits(store.loyalty, sub.id, def.id);
    if (available + amount < floor) {
      if (strict || available <= floor)
        throw refused(
          `Insufficient balance: ${def.name} holds ${available} available, debiting ${-amount} would go under ${floor}`,
        );
      amount = floor - available;
    }
  }
  return amount;
}

export interface TransactionInput {
  sub: Subscription;
  contactId: number;
  def: BalanceDefinition;
  amount: number;
  autoComplete?: boolean;
  ttlSeconds?: number;
  eventTime?: string;
  expiryMinutes?: number;
  meta?: Record<string, unknown>;
}

/** Starts a credit or debit (pending), under the definition's rules; completes it when asked. */
export function beginTransaction(store: Store, input: TransactionInput): Transaction {
  const { sub, def } = input;
  checkCap(store.loyalty.transactions.size, LOYALTY_CAPS.transactions, 'loyalty transactions');
  const amount = allowedAmount(store, def, sub, input.amount);
  checkLimits(store, def, sub, amount);
  const now = store.clock();
  const at = iso(now);
  const tx: Transaction = {
    id: randomUUID(),
    programId: sub.programId,
    definitionId: def.id,
    subscriptionId: sub.id,
    contactId: input.contactId,
    amount,
    status: 'pending',
    eventTime: input.eventTime ?? at,
    ...(input.ttlSeconds ? { expiresAt: iso(new Date(now.getTime() + input.ttlSeconds * 1000)) } : {}),
    ...(amount > 0 ? { balanceExpiresAt: creditExpiry(def, now, input.expiryMinutes) } : {}),
    ...(input.meta ? { meta: { ...input.meta } } : {}),
    createdAt: at,
    updatedAt: at,
  };
  if (tx.balanceExpiresAt === undefined) delete tx.balanceExpiresAt;
  store.loyalty.transactions.set(tx.id, tx);
  openBalance(store, sub, def);
  if (input.autoComplete) completeTransaction(store, tx);
  return tx;
}

/** Applies a pending transaction: a credit adds a lot, a debit spends the soonest-to-expire lots first. */
export function completeTransaction(store: Store, tx: Transaction): Transaction {
  if (tx.status !== 'pending') throw refused(`Transaction ${tx.id} is ${tx.status}, not pending`);
  const state = store.loyalty;
  const def = state.definitions.get(tx.definitionId);
  const sub = state.subscriptions.get(tx.subscriptionId);
  const now = store.now();
  if (!def || !sub) return reject(tx, now, 'its balance definition or membership no longer exists');
  const balance = openBalance(store, sub, def);
  const value = balanceValue(balance, now);
  if (tx.amount > 0) {
    if (def.maxAmount !== undefined && value + tx.amount > def.maxAmount)
      return reject(tx, now, `crediting ${tx.amount} would take ${def.name} over its maxAmount ${def.maxAmount}`);
    balance.lots.push({
      transactionId: tx.id,
      remaining: tx.amount,
      createdAt: now,
      ...(tx.balanceExpiresAt ? { expiresAt: tx.balanceExpiresAt } : {}),
    });
  } else {
    if (value + tx.amount < (def.minAmount ?? 0))
      return reject(tx, now, `Insufficient balance: ${def.name} holds ${value}, the debit is ${-tx.amount}`);
    let due = -tx.amount;
    const live = balance.lots
      .filter((l) => l.remaining > 0 && (!l.expiresAt || l.expiresAt > now))
      .sort((a, b) => (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999'));
    for (const lot of live) {
      const take = Math.min(lot.remaining, due);
      lot.remaining -= take;
      due -= take;
      if (due <= 0) break;
    }
    balance.lots = balance.lots.filter((l) => l.remaining > 0);
    balance.consumedAt = now;
  }
  balance.updatedAt = now;
  tx.status = 'completed';
  tx.completedAt = now;
  tx.updatedAt = now;
  evaluateTiers(store, sub);
  return tx;
}

function reject(tx: Transaction, now: string, reason: string): never {
  tx.status = 'rejected';
  tx.rejectedAt = now;
  tx.rejectReason = reason;
  tx.updatedAt = now;
  throw refused(`Transaction ${tx.id} rejected: ${reason}`);
}

export function cancelTransaction(store: Store, tx: Transaction): Transaction {
  if (tx.status !== 'pending') throw refused(`Transaction ${tx.id} is ${tx.status}, not pending`);
  const now = store.now();
  tx.status = 'cancelled';
  tx.cancelledAt = now;
  tx.updatedAt = now;
  return tx;
}

/** The tiers of a group, lowest first: the group's tierOrder, then any tier it does not list. */
export function orderedTiers(state: LoyaltyState, groupId: string) {
  const group = state.tierGroups.get(groupId);
  const tiers = [...state.tiers.values()].filter((t) => t.groupId === groupId);
  const rank = (id: string) => {
    const i = group?.tierOrder.indexOf(id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return tiers
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t.id) - rank(b.t.id) || a.i - b.i)
    .map(({ t }) => t);
}

/**
 * Moves a membership to the highest tier of each group whose access conditions its balances meet,
 * where the group's strategy is real_time (anniversary strategies wait for a date the sandbox
 * does not reach); a tier newly entered gives its tier rewards as vouchers.
 */
export function evaluateTiers(store: Store, sub: Subscription): void {
  const state = store.loyalty;
  const now = store.now();
  for (const group of state.tierGroups.values()) {
    if (group.programId !== sub.programId) continue;
    const tiers = orderedTiers(state, group.id);
    const meets = (i: number) =>
      tiers[i]!.accessConditions.every(
        (c) => balanceValue(balanceFor(state, sub.id, c.balanceDefinitionId), now) >= c.minimumValue,
      );
    let target = -1;
    for (let i = 0; i < tiers.length; i++) if (meets(i)) target = i;
    const held = state.memberTiers.get(tierKey(sub.id, group.id));
    const current = held ? tiers.findIndex((t) => t.id === held.tierId) : -1;
    if (target === current) continue;
    if (target > current && group.upgradeStrategy !== 'real_time') continue;
    if (target < current && group.downgradeStrategy !== 'real_time') continue;
    if (target < 0) {
      state.memberTiers.delete(tierKey(sub.id, group.id));
      continue;
    }
    setTier(store, sub, tiers[target]!.id, group.id);
  }
}

/** Puts a membership in a tier of a group (replacing its tier there) and gives the tier's rewards. */
export function setTier(store: Store, sub: Subscription, tierId: string, groupId: string) {
  const state = store.loyalty;
  const now = store.now();
  let held = state.memberTiers.get(tierKey(sub.id, groupId));
  if (held) {
    held.tierId = tierId;
    held.updatedAt = now;
  } else {
    held = {
      id: randomUUID(),
      programId: sub.programId,
      subscriptionId: sub.id,
      groupId,
      tierId,
      createdAt: now,
      updatedAt: now,
    };
    state.memberTiers.set(tierKey(sub.id, groupId), held);
  }
  const program = state.programs.get(sub.programId);
  for (const { rewardId } of state.tiers.get(tierId)?.tierRewards ?? []) {
    const reward = state.rewards.get(rewardId);
    // Only a published reward is given; past the voucher cap the tier still changes.
    if (program && reward?.state === 'active' && state.vouchers.size < LOYALTY_CAPS.vouchers)
      attributeReward(store, program, reward, sub, sub.contactId, { meta: { source: 'tier', tierId } });
  }
  return held;
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function generatedCode(state: LoyaltyState, programId: string, pattern: string): string {
  for (;;) {
    const code = pattern.replace(/X/g, () => CODE_CHARS[Math.floor(Math.random() * CODE_CHARS.length)]!);
    if (!voucherByCode(state, programId, code)) return code;
  }
}

export function voucherByCode(state: LoyaltyState, programId: string, code: string): Voucher | undefined {
  for (const v of state.vouchers.values()) if (v.programId === programId && v.code === code) return v;
  return undefined;
}

/** Gives a reward to a membership as a voucher: a code (given, from the pool, or generated) and its expiry. */
export function attributeReward(
  store: Store,
  program: Program,
  reward: Reward,
  sub: Subscription,
  contactId: number,
  options: { code?: string; value?: number; expirationDate?: string; meta?: Record<string, unknown> },
): Voucher {
  const state = store.loyalty;
  checkCap(state.vouchers.size, LOYALTY_CAPS.vouchers, 'vouchers');
  if (options.code !== undefined && voucherByCode(state, program.id, options.code))
    throw new SandboxError(400, 'duplicate_parameter', `code ${options.code} is already given in this program`);
  if (reward.attributionPerConsumer !== undefined) {
    const held = [...state.vouchers.values()].filter((v) => v.rewardId === reward.id && v.subscriptionId === sub.id);
    if (held.length >= reward.attributionPerConsumer)
      throw new SandboxError(
        400,
        'bad_request',
        `Reward ${reward.name} can be given at most ${reward.attributionPerConsumer} time(s) per member`,
      );
  }
  const now = store.clock();
  const code = options.code ?? reward.codePool.shift() ?? generatedCode(state, program.id, reward.codePattern);
  const expirationDate =
    options.expirationDate ??
    (reward.expirationValue !== undefined && reward.expirationUnit
      ? iso(addDuration(now, reward.expirationValue, reward.expirationUnit))
      : undefined);
  const at = iso(now);
  const value = options.value ?? reward.value;
  const voucher: Voucher = {
    id: randomUUID(),
    programId: program.id,
    rewardId: reward.id,
    subscriptionId: sub.id,
    contactId,
    code,
    ...(value !== undefined ? { value } : {}),
    ...(expirationDate ? { expirationDate } : {}),
    ...(options.meta ? { meta: { ...options.meta } } : {}),
    createdAt: at,
    updatedAt: at,
  };
  state.vouchers.set(voucher.id, voucher);
  reward.totalAttribution++;
  return voucher;
}

/**
 * What time has done since the last request: pending transactions and redeems past their ttl are
 * cancelled, and balance orders now due are carried out (a refused one is kept as rejected).
 */
export function settleLoyalty(store: Store): void {
  const state = store.loyalty;
  const now = store.now();
  for (const r of state.redeems.values()) {
    if (r.status !== 'pending' || !r.expiresAt || r.expiresAt > now) continue;
    r.status = 'cancelled';
    r.cancelledAt = now;
    r.updatedAt = now;
    const debit = r.debitTransactionId ? state.transactions.get(r.debitTransactionId) : undefined;
    if (debit?.status === 'pending') cancelTransaction(store, debit);
  }
  for (const t of state.transactions.values())
    if (t.status === 'pending' && t.expiresAt && t.expiresAt <= now) cancelTransaction(store, t);
  for (const o of state.orders.values()) {
    if (o.processedAt || o.dueAt > now) continue;
    o.processedAt = now;
    o.updatedAt = now;
    const def = state.definitions.get(o.definitionId);
    const sub = state.subscriptionOf(o.programId, o.contactId);
    if (!def || !sub) continue;
    try {
      const minutes = o.expiresAt
        ? Math.max(1, Math.round((Date.parse(o.expiresAt) - Date.parse(now)) / 60_000))
        : undefined;
      const tx = beginTransaction(store, {
        sub,
        contactId: o.contactId,
        def,
        amount: o.amount,
        autoComplete: true,
        eventTime: o.dueAt,
        expiryMinutes: minutes,
        meta: { ...o.meta, orderId: o.id, source: o.source },
      });
      o.transactionId = tx.id;
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      // Refused by a rule: the order is processed and its transaction is kept as rejected, with why.
      const rejected = [...state.transactions.values()].find((t) => t.meta?.orderId === o.id);
      const tx = rejected ?? {
        id: randomUUID(),
        programId: o.programId,
        definitionId: def.id,
        subscriptionId: sub.id,
        contactId: o.contactId,
        amount: o.amount,
        status: 'rejected' as const,
        eventTime: o.dueAt,
        meta: { ...o.meta, orderId: o.id, source: o.source },
        createdAt: now,
        updatedAt: now,
        rejectedAt: now,
        rejectReason: error.message,
      };
      state.transactions.set(tx.id, tx);
      o.transactionId = tx.id;
    }
  }
}
