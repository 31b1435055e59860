// The caps: a write past one is refused with 400 out_of_range naming it; the transactional log drops
// its oldest emails and events first.
import { describe, expect, it } from 'vitest';
import { capReached, checkCap, LIMITS } from './limits.js';
import { Store } from './store.js';

describe('the email log caps', () => {
  it('drops the oldest emails once their bodies pass LIMITS.emailLogChars, keeping the newest', () => {
    const store = new Store();
    const body = 'x'.repeat(Math.floor(LIMITS.emailLogChars / 3) + 1);
    for (const n of [1, 2, 3, 4])
      store.recordEmail({
        messageId: `<m${n}@example>`,
        email: `r${n}@example.com`,
        subject: `Email ${n}`,
        from: 'hello@demoshop.example',
        tags: [],
        body,
        attachmentCount: 0,
        events: [{ name: 'delivered', time: store.now() }],
      });
    expect(store.emails.map((e) => e.subject)).toEqual(['Email 3', 'Email 4']);
    expect(store.emails.reduce((n, e) => n + e.body.length, 0)).toBeLessThanOrEqual(LIMITS.emailLogChars);
    // The event log keeps every event until its own cap.
    expect(store.events).toHaveLength(4);
  });
});

describe('capReached', () => {
  it("answers in Brevo's error shape with 400 out_of_range, saying which limit", () => {
    expect(capReached('groups of sub-accounts', 50).body).toEqual({
      code: 'out_of_range',
      message:
        'The sandbox keeps at most 50 groups of sub-accounts; delete some before creating more (this ' +
        "limit is the emulator's own)",
    });
    expect(capReached('x', 1).status).toBe(400);
  });
});

describe('checkCap', () => {
  it('lets a write fill the cap and refuses the one past it, adding one or several', () => {
    expect(() => checkCap(9, 10, 'feeds')).not.toThrow();
    expect(() => checkCap(10, 10, 'feeds')).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'out_of_range',
        message: expect.stringMatching(/at most 10 feeds/),
      }),
    );
    expect(() => checkCap(7, 10, 'coupons', 3)).not.toThrow();
    expect(() => checkCap(7, 10, 'coupons', 4)).toThrow(/at most 10 coupons/);
  });
});
