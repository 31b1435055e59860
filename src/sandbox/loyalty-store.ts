// The loyalty state of the demo account: programs, their balance definitions and limits, members
// (subscriptions), balances kept as credited lots, transactions, scheduled balance orders, tier
// groups and tiers, rewards, vouchers and redemptions. Views give Brevo's answer shapes; the rules
// that move balances and tiers are in loyalty-rules.ts.
import { foundIn, notFound, omitUndefined, SandboxError } from './http.js';
import type {
  Program,
  BalanceDefinition,
  BalanceLimit,
  Subscription,
  Balance,
  Transaction,
  BalanceOrder,
  TierGroup,
  Tier,
  MemberTier,
  Reward,
  Voucher,
  Redeem,
} from './loyalty-types.js';

export type {
  Program,
  Rounding,
  BalanceDefinition,
  DurationUnit,
  BalanceLimit,
  Subscription,
  Balance,
  Transaction,
  BalanceOrder,
  TierStrategy,
  TierGroup,
  Tier,
  MemberTier,
  Reward,
  Voucher,
  Redeem,
} from './loyalty-types.js';

/** The demo account's organization number, as loyalty answers show it. */
export const ORGANIZATION_ID = 4_815_162;

/** What the sandbox keeps at most; past these a write is refused (checkCap). */
export const LOYALTY_CAPS = {
  programs: 20,
  balanceDefinitions: 20,
  limits: 20,
  tierGroups: 10,
  tiers: 20,
  rewards: 100,
  subscriptions: 5_000,
  members: 50,
  transactions: 20_000,
  vouchers: 10_000,
  orders: 5_000,
};

/** Where a membership's balance of one definition is kept in LoyaltyState.balances. */
export const balanceKey = (subscriptionId: string, definitionId: string) => `${subscriptionId} ${definitionId}`;

/** Where a membership's tier in one group is kept in LoyaltyState.memberTiers. */
export const tierKey = (subscriptionId: string, groupId: string) => `${subscriptionId} ${groupId}`;

export class LoyaltyState {
  readonly programs = new Map<string, Program>();
  readonly definitions = new Map<string, BalanceDefinition>();
  readonly limits = new Map<string, BalanceLimit>();
  readonly subscriptions = new Map<string, Subscription>();
  /** By balanceKey(subscription, definition): a member holds one balance per definition. */
  readonly balances = new Map<string, Balance>();
  readonly transactions = new Map<string, Transaction>();
  readonly orders = new Map<string, BalanceOrder>();
  readonly tierGroups = new Map<string, TierGroup>();
  readonly tiers = new Map<string, Tier>();
  /** By tierKey(subscription, group): a member holds one tier per group. */
  readonly memberTiers = new Map<string, MemberTier>();
  readonly rewards = new Map<string, Reward>();
  readonly vouchers = new Map<string, Voucher>();
  readonly redeems = new Map<string, Redeem>();

  // Lookups that fail the way Brevo does: 404 for an id that is not in this program.

  program(id: string): Program {
    return foundIn(this.programs, id, 'Loyalty program not found');
  }

  definition(programId: string, id: string): BalanceDefinition {
    return foundIn(
      this.definitions,
      id,
      `Balance definition ${id} not found in this program`,
      (d) => d.programId === programId,
    );
  }

  limit(definitionId: string, id: string): BalanceLimit {
    return foundIn(this.limits, id, `Balance limit ${id} not found`, (l) => l.definitionId === definitionId);
  }

  tierGroup(programId: string, id: string): TierGroup {
    return foundIn(this.tierGroups, id, `Tier group ${id} not found`, (g) => g.programId === programId);
  }

  tier(programId: string, id: string): Tier {
    return foundIn(this.tiers, id, `Tier ${id} not found`, (t) => t.programId === programId);
  }

  reward(programId: string, id: string): Reward {
    return foundIn(this.rewards, id, `Reward ${id} not found`, (r) => r.programId === programId);
  }

  transaction(programId: string, id: string): Transaction {
    return foundIn(this.transactions, id, `Transaction ${id} not found`, (t) => t.programId === programId);
  }

  /** The membership a contact owns or belongs to in a program. */
  subscriptionOf(programId: string, contactId: number): Subscription | undefined {
    for (const s of this.subscriptions.values())
      if (s.programId === programId && (s.contactId === contactId || s.members.has(contactId))) return s;
    return undefined;
  }

  /** A membership named by contactId (owner or member) or by loyaltySubscriptionId. */
  membership(programId: string, contactId?: number, subscriptionId?: string): Subscription {
    if (subscriptionId !== undefined) {
      const s = this.subscriptions.get(subscriptionId);
      if (!s || s.programId !== programId) throw notFound(`Loyalty subscription ${subscriptionId} not found`);
      if (contactId !== undefined && s.contactId !== contactId && !s.members.has(contactId))
        throw notFound(`Contact ${contactId} is not in loyalty subscription ${subscriptionId}`);
      return s;
    }
    if (contactId === undefined)
      throw new SandboxError(400, 'missing_parameter', 'contactId or loyaltySubscriptionId is missing');
    const s = this.subscriptionOf(programId, contactId);
    if (!s) throw notFound(`Contact ${contactId} is not a member of this loyalty program`);
    return s;
  }

  count<T extends { programId: string }>(items: Map<string, T>, programId: string): number {
    let n = 0;
    for (const i of items.values()) if (i.programId === programId) n++;
    return n;
  }

  inProgram<T extends { programId: string }>(items: Map<string, T>, programId: string): T[] {
    return [...items.values()].filter((i) => i.programId === programId);
  }

  /** Removes a program and everything in it. */
  deleteProgram(id: string): void {
    this.programs.delete(id);
    for (const map of [
      this.definitions,
      this.subscriptions,
      this.balances,
      this.transactions,
      this.orders,
      this.tierGroups,
      this.tiers,
      this.memberTiers,
      this.rewards,
      this.vouchers,
      this.redeems,
    ] as Map<string, { programId: string }>[])
      for (const [key, item] of map) if (item.programId === id) map.delete(key);
    for (const [key, l] of this.limits) if (!this.definitions.has(l.definitionId)) this.limits.delete(key);
  }

  // Views: the objects as Brevo's answers show them.

  programView(p: Program) {
    return omitUndefined({
      id: p.id,
      name: p.name,
      description: p.description,
      documentId: p.documentId,
      meta: { ...p.meta },
      state: p.state,
      codeCount: this.count(this.subscriptions, p.id),
      pattern: 'LS-XXXXXXXX',
      subscriptionGeneratorId: p.subscriptionGeneratorId,
      subscriptionPoolId: p.subscriptionPoolId,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    });
  }

  definitionView(d: BalanceDefinition) {
    return omitUndefined({
      id: d.id,
      name: d.name,
      unit: d.unit,
      description: d.description,
      imageRef: d.imageRef,
      meta: d.meta ? { ...d.meta } : undefined,
      minAmount: d.minAmount,
      maxAmount: d.maxAmount,
      maxCreditAmountLimit: d.maxCreditAmountLimit,
      maxDebitAmountLimit: d.maxDebitAmountLimit,
      balanceAvailabilityDurationValue: d.availabilityValue,
      balanceAvailabilityDurationUnit: d.availabilityUnit,
      balanceAvailabilityDurationModifier: d.availabilityModifier,
      balanceExpirationDate: d.balanceExpirationDate,
      balanceOptionAmountOvertakingStrategy: d.overtaking,
      balanceOptionCreditRounding: d.creditRounding,
      balanceOptionDebitRounding: d.debitRounding,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    });
  }

  limitView(l: BalanceLimit) {
    return {
      id: l.id,
      balanceDefinitionId: l.definitionId,
      constraintType: l.constraintType,
      durationUnit: l.durationUnit,
      durationValue: l.durationValue,
      transactionType: l.transactionType,
      value: l.value,
      slidingSchedule: l.slidingSchedule,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    };
  }

  subscriptionView(s: Subscription) {
    return {
      loyaltySubscriptionId: s.id,
      loyaltyProgramId: s.programId,
      contactId: s.contactId,
      organizationId: ORGANIZATION_ID,
      versionId: s.versionId,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }

  transactionView(t: Transaction) {
    return omitUndefined({
      id: t.id,
      loyaltyProgramId: t.programId,
      balanceDefinitionId: t.definitionId,
      contactId: t.contactId,
      amount: t.amount,
      status: t.status,
      eventTime: t.eventTime,
      expirationDate: t.balanceExpiresAt,
      meta: t.meta ? { ...t.meta } : undefined,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      completedAt: t.completedAt,
      cancelledAt: t.cancelledAt,
      rejectedAt: t.rejectedAt,
      rejectReason: t.rejectReason,
    });
  }

  orderView(o: BalanceOrder) {
    return omitUndefined({
      id: o.id,
      loyaltyProgramId: o.programId,
      balanceDefinitionId: o.definitionId,
      contactId: o.contactId,
      amount: o.amount,
      dueAt: o.dueAt,
      expiresAt: o.expiresAt,
      meta: o.meta ? { ...o.meta } : undefined,
      processedAt: o.processedAt,
      transactionid: o.transactionId,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    });
  }

  tierGroupView(g: TierGroup) {
    return {
      id: g.id,
      name: g.name,
      tierOrder: [...g.tierOrder],
      loyaltyProgramId: g.programId,
      upgradeStrategy: g.upgradeStrategy,
      downgradeStrategy: g.downgradeStrategy,
      createdAt: g.createdAt,
      updatedAt: g.updatedAt,
    };
  }

  tierView(t: Tier) {
    return omitUndefined({
      tierId: t.id,
      name: t.name,
      imageRef: t.imageRef,
      loyaltyProgramId: t.programId,
      groupId: t.groupId,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      accessConditions: t.accessConditions.map((c) => ({ ...c })),
      tierRewards: t.tierRewards.map((r) => ({ ...r })),
    });
  }

  memberTierView(m: MemberTier, contactId: number) {
    return {
      id: m.id,
      loyaltyProgramId: m.programId,
      groupId: m.groupId,
      tierId: m.tierId,
      contactId,
      meta: {},
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
  }

  rewardSummaryView(r: Reward) {
    return omitUndefined({
      id: r.id,
      name: r.name,
      loyaltyProgramId: r.programId,
      publicImage: r.publicImage,
      state: r.state,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
  }

  rewardView(r: Reward) {
    return omitUndefined({
      id: r.id,
      name: r.name,
      publicName: r.publicName,
      publicDescription: r.publicDescription,
      publicImage: r.publicImage,
      loyaltyProgramId: r.programId,
      codeGeneratorId: r.codeGeneratorId,
      generator: {
        id: r.codeGeneratorId,
        name: `${r.name} codes`,
        pattern: r.codePattern,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      },
      codePoolId: r.codePoolId,
      codeCount: r.codePoolId ? r.codePool.length : undefined,
      subtractBalanceDefinitionId: r.subtractBalanceDefinitionId,
      subtractBalanceValue: r.subtractBalanceValue,
      value: r.value,
      unit: r.unit,
      valueType: r.valueType,
      expirationValue: r.expirationValue,
      expirationUnit: r.expirationUnit,
      attributionPerConsumer: r.attributionPerConsumer,
      totalAttribution: r.totalAttribution,
      totalRedeem: r.totalRedeem,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
  }

  voucherView(v: Voucher) {
    return omitUndefined({
      id: v.id,
      rewardId: v.rewardId,
      loyaltyProgramId: v.programId,
      contactId: v.contactId,
      code: v.code,
      value: v.value,
      expirationDate: v.expirationDate,
      meta: v.meta ? { ...v.meta } : undefined,
      consumedAt: v.consumedAt,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    });
  }

  redeemView(r: Redeem) {
    return omitUndefined({
      id: r.id,
      loyaltyProgramId: r.programId,
      rewardAttributionId: r.voucherId,
      contactId: r.contactId,
      status: r.status,
      debitTransactionId: r.debitTransactionId,
      expiresAt: r.expiresAt,
      meta: r.meta ? { ...r.meta } : undefined,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      completedAt: r.completedAt,
      cancelledAt: r.cancelledAt,
    });
  }
}
