// The loyalty rules on their own: calendar arithmetic for expiry and limits, and debits that spend
// the credits closest to expiring first while expired credits no longer count.
import { describe, expect, it } from 'vitest';
import { addDuration, beginTransaction, fixedExpiry, startOfPeriod, balanceValue } from './loyalty-rules.js';
import type { BalanceDefinition, Subscription } from './loyalty-store.js';
import { Store } from './store.js';

describe('loyalty calendar arithmetic', () => {
  it('adds days, weeks, calendar months and years', () => {
    const from = new Date('2026-01-31T12:00:00Z');
    expect(addDuration(from, 2, 'day').toISOString()).toBe('2026-02-02T12:00:00.000Z');
    expect(addDuration(from, 1, 'week').toISOString()).toBe('2026-02-07T12:00:00.000Z');
    expect(addDuration(new Date('2026-03-15T00:00:00Z'), 1, 'month').toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(addDuration(from, -1, 'year').toISOString()).toBe('2025-01-31T12:00:00.000Z');
  });

  it('finds the start of a UTC day, ISO week (Monday), month and year', () => {
    const at = new Date('2026-12-10T15:30:00Z'); // a Thursday
    expect(startOfPeriod(at, 'day').toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(startOfPeriod(at, 'week').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(startOfPeriod(at, 'month').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfPeriod(at, 'year').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads a yearly dd/mm as its next occurrence, a date as itself, anything else as nothing', () => {
    const from = new Date('2026-06-15T10:00:00Z');
    expect(fixedExpiry('31/12', from)?.toISOString()).toBe('2026-12-31T23:59:59.000Z');
    expect(fixedExpiry('01/03', from)?.toISOString()).toBe('2027-03-01T23:59:59.000Z');
    expect(fixedExpiry('2027-01-01', from)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(fixedExpiry('31/02', from)).toBeUndefined();
    expect(fixedExpiry('soon', from)).toBeUndefined();
  });
});

describe('loyalty balances', () => {
  it('debits the credits closest to expiring first; expired credits stop counting', () => {
    let now = Date.parse('2026-06-01T00:00:00Z');
    const store = new Store(() => new Date(now));
    const def: BalanceDefinition = {
      id: 'd',
      programId: 'p',
      name: 'Points',
      unit: 'POINTS',
      createdAt: store.now(),
      updatedAt: store.now(),
    };
    const sub: Subscription = {
      id: 's',
      programId: 'p',
      contactId: 1,
      members: new Map(),
      versionId: 1,
      createdAt: store.now(),
      updatedAt: store.now(),
    };
    store.loyalty.definitions.set(def.id, def);
    store.loyalty.subscriptions.set(sub.id, sub);
    const move = (amount: number, expiryMinutes?: number) =>
      beginTransaction(store, { sub, contactId: 1, def, amount, autoComplete: true, expiryMinutes });
    move(100); // never expires
    move(50, 60); // expires in an hour
    move(-30); // taken from the 50 first
    const balance = [...store.loyalty.balances.values()][0]!;
    expect(balance.lots.map((l) => l.remaining)).toEqual([100, 20]);
    expect(balanceValue(balance, store.now())).toBe(120);
    now += 2 * 3_600_000;
    expect(balanceValue(balance, store.now())).toBe(100);
    expect(() => move(-101)).toThrow(/Insufficient balance/);
  });
});
