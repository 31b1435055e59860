// The transactional log stays within its caps: the oldest emails and events go first.
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
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
