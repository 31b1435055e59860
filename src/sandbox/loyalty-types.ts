// The loyalty objects the emulator keeps, as loyalty-store.ts holds them (Brevo's field names are
// in the views).

export interface Program {
  id: string;
  name: string;
  description?: string;
  documentId?: string;
  meta: Record<string, unknown>;
  state: 'inactive' | 'active';
  subscriptionGeneratorId: string;
  subscriptionPoolId: string;
  createdAt: string;
  updatedAt: string;
}

export type Rounding = 'lower' | 'upper' | 'natural';

export interface BalanceDefinition {
  id: string;
  programId: string;
  name: string;
  unit: string;
  description?: string;
  imageRef?: string;
  meta?: Record<string, unknown>;
  minAmount?: number;
  maxAmount?: number;
  maxCreditAmountLimit?: number;
  maxDebitAmountLimit?: number;
  availabilityValue?: number;
  availabilityUnit?: DurationUnit;
  availabilityModifier?: 'noModification' | 'startOfPeriod' | 'endOfPeriod';
  /** A yearly expiry day (dd/mm) or a fixed date, as the caller gave it. */
  balanceExpirationDate?: string;
  overtaking?: 'strict' | 'partial';
  creditRounding?: Rounding;
  debitRounding?: Rounding;
  createdAt: string;
  updatedAt: string;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export interface BalanceLimit {
  id: string;
  definitionId: string;
  constraintType: 'transaction' | 'amount';
  durationUnit: DurationUnit;
  durationValue: number;
  transactionType: 'credit' | 'debit';
  value: number;
  slidingSchedule: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A membership: the owner contact, the contacts added to it, and what they hold together. */
export interface Subscription {
  id: string;
  programId: string;
  contactId: number;
  members: Map<number, { createdAt: string; updatedAt: string }>;
  versionId: number;
  createdAt: string;
  updatedAt: string;
}

/** Points credited by one transaction and not yet spent; debits use the soonest to expire first. */
interface Lot {
  transactionId: string;
  remaining: number;
  createdAt: string;
  expiresAt?: string;
}

export interface Balance {
  id: string;
  programId: string;
  subscriptionId: string;
  definitionId: string;
  createdAt: string;
  updatedAt: string;
  consumedAt?: string;
  lots: Lot[];
}

type TransactionStatus = 'pending' | 'completed' | 'cancelled' | 'rejected';

export interface Transaction {
  id: string;
  programId: string;
  definitionId: string;
  subscriptionId: string;
  contactId: number;
  amount: number;
  status: TransactionStatus;
  eventTime: string;
  /** A pending transaction not completed by then is cancelled (ttl). */
  expiresAt?: string;
  /** When the points it credits expire. */
  balanceExpiresAt?: string;
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  cancelledAt?: string;
  rejectedAt?: string;
  rejectReason?: string;
}

export interface BalanceOrder {
  id: string;
  programId: string;
  definitionId: string;
  contactId: number;
  amount: number;
  source: string;
  dueAt: string;
  expiresAt?: string;
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  processedAt?: string;
  transactionId?: string;
}

export type TierStrategy = 'real_time' | 'membership_anniversary' | 'tier_anniversary';

export interface TierGroup {
  id: string;
  programId: string;
  name: string;
  tierOrder: string[];
  upgradeStrategy: TierStrategy;
  downgradeStrategy: TierStrategy;
  createdAt: string;
  updatedAt: string;
}

export interface Tier {
  id: string;
  programId: string;
  groupId: string;
  name: string;
  imageRef?: string;
  accessConditions: { balanceDefinitionId: string; minimumValue: number; createdAt: string; updatedAt: string }[];
  tierRewards: { rewardId: string; createdAt: string; updatedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

/** The tier a membership holds in one tier group. */
export interface MemberTier {
  id: string;
  programId: string;
  subscriptionId: string;
  groupId: string;
  tierId: string;
  createdAt: string;
  updatedAt: string;
}

export interface Reward {
  id: string;
  programId: string;
  name: string;
  publicName?: string;
  publicDescription?: string;
  publicImage?: string;
  /** draft until the program is published. */
  state: 'draft' | 'active';
  codeGeneratorId: string;
  /** Pattern of generated codes: each X becomes a letter or digit. */
  codePattern: string;
  /** A pool of ready codes, handed out first (seeded rewards). */
  codePoolId?: string;
  codePool: string[];
  /** What redeeming costs: this much of that balance. */
  subtractBalanceDefinitionId?: string;
  subtractBalanceValue?: number;
  value?: number;
  unit?: string;
  valueType?: string;
  expirationValue?: number;
  expirationUnit?: DurationUnit;
  attributionPerConsumer?: number;
  totalAttribution: number;
  totalRedeem: number;
  createdAt: string;
  updatedAt: string;
}

/** A reward given to a membership (what Brevo calls an attributed reward). */
export interface Voucher {
  id: string;
  programId: string;
  rewardId: string;
  subscriptionId: string;
  contactId: number;
  code: string;
  value?: number;
  expirationDate?: string;
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  consumedAt?: string;
}

export interface Redeem {
  id: string;
  programId: string;
  voucherId: string;
  contactId: number;
  status: 'pending' | 'completed' | 'cancelled';
  debitTransactionId?: string;
  expiresAt?: string;
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  cancelledAt?: string;
}
