// Shapes shared by the loyalty operations: the ids that name a program's parts, and the bodies
// that more than one operation takes.
import { z } from 'zod';
import { freeRecord } from '../shapes.js';

// pid, rid, bdid, blid and gid say what they are next to the tool's name (program, reward,
// balance definition, balance limit, tier group); spelling that out on 47 tools costs ~350 tokens.
export const pid = z.guid();
export const program = { pid };
export const rid = z.guid();
export const bdid = z.guid();
export const blid = z.guid();
export const gid = z.guid();
export const tierId = z.guid().describe('Tier id');
export const transactionId = z.guid().describe('Transaction id from begin_transaction');
// The reference gives a contact's cid as a string (format int on one path, uuid on two); Brevo's
// contact ids are integers, so any string is let through.
export const cid = z.string().describe('Contact id');
export const version = z.enum(['active', 'draft']);

export const programFields = { description: z.string().optional(), meta: freeRecord.optional() };

const durationUnit = z.enum(['day', 'week', 'month', 'year']);
const rounding = z.enum(['lower', 'upper', 'natural']);
/** Body of create_balance_definition and update_balance_definition (the same in both). */
export const balanceDefinition = {
  balanceAvailabilityDurationModifier: z.enum(['noModification', 'startOfPeriod', 'endOfPeriod']).optional(),
  balanceAvailabilityDurationUnit: durationUnit.optional(),
  balanceAvailabilityDurationValue: z.int().optional(),
  // The reference's create schema says format date, its own text and the update schema say dd/mm.
  balanceExpirationDate: z.string().describe('dd/mm').optional(),
  balanceOptionAmountOvertakingStrategy: z.enum(['strict', 'partial']).optional(),
  balanceOptionCreditRounding: rounding.optional(),
  balanceOptionDebitRounding: rounding.optional(),
  description: z.string().max(256).optional(),
  imageRef: z.string().optional(),
  maxAmount: z.number().optional(),
  maxCreditAmountLimit: z.number().optional(),
  maxDebitAmountLimit: z.number().optional(),
  meta: freeRecord.optional(),
  minAmount: z.number().optional(),
  name: z.string().max(128),
  unit: z.enum([
    'POINTS',
    'EUR',
    'USD',
    'MXN',
    'GBP',
    'INR',
    'CAD',
    'SGD',
    'RON',
    'JPY',
    'MYR',
    'CLP',
    'PEN',
    'MAD',
    'AUD',
    'CHF',
    'BRL',
  ]),
};

/** Body of create_balance_limit and update_balance_limit. */
export const balanceLimit = {
  constraintType: z.enum(['transaction', 'amount']),
  durationUnit,
  durationValue: z.int(),
  slidingSchedule: z.boolean().optional(),
  transactionType: z.enum(['credit', 'debit']),
  value: z.int(),
};

export const tierStrategy = z.enum(['real_time', 'membership_anniversary', 'tier_anniversary']);
export const accessConditions = z.array(
  z.strictObject({ balanceDefinitionId: z.guid().optional(), minimumValue: z.int().optional() }),
);
export const tierRewards = z.array(z.strictObject({ rewardId: z.guid().optional() }));
