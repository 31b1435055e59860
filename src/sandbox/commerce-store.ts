// The demo account's coupon collections (with their codes), product feeds and payment requests,
// and the views that give Brevo's answer shapes.
import { notFound, SandboxError } from './http.js';

/** What the sandbox keeps at most; past these a write is refused. */
export const COMMERCE_CAPS = {
  collections: 100,
  couponsPerCollection: 100_000,
  coupons: 200_000,
  feeds: 100,
  paymentRequests: 5_000,
};

export const commerceCapReached = (what: string, max: number) =>
  new SandboxError(400, 'out_of_range', `The sandbox keeps at most ${max} ${what}; this limit is the emulator's own`);

export interface CouponCollection {
  id: string;
  name: string;
  defaultCoupon: string;
  createdAt: string;
  expirationDate?: string;
  remainingDaysAlert?: number;
  remainingCouponsAlert?: number;
  /** The codes, in the order they were added. */
  coupons: Set<string>;
  /** Codes already sent in emails (none are sent by the sandbox yet). */
  sent: number;
}

export interface Feed {
  id: string;
  name: string;
  url: string;
  authType: 'basic' | 'token' | 'noAuth';
  username?: string;
  password?: string;
  token?: string;
  headers: { name: string; value: string }[];
  maxRetries: number;
  cache: boolean;
  createdAt: string;
  modifiedAt: string;
}

export interface PaymentRequest {
  id: number;
  token: string;
  reference: string;
  contactId: number;
  description?: string;
  cart: { currency: 'EUR'; specificAmount: number };
  notification?: { channel: 'email'; text: string };
  configuration?: { customSuccessUrl: string };
  status: 'created' | 'sent' | 'reminderSent' | 'paid';
  numberOfRemindersSent: number;
  createdAt: string;
}

export class CommerceToolsState {
  readonly collections = new Map<string, CouponCollection>();
  readonly feeds = new Map<string, Feed>();
  readonly payments = new Map<number, PaymentRequest>();

  couponCount(): number {
    let n = 0;
    for (const c of this.collections.values()) n += c.coupons.size;
    return n;
  }

  collection(id: string): CouponCollection {
    const c = this.collections.get(id);
    if (!c) throw notFound('Coupon collection not found');
    return c;
  }

  feed(id: string): Feed {
    const f = this.feeds.get(id);
    if (!f) throw notFound('Feed not found');
    return f;
  }

  payment(id: string): PaymentRequest {
    const p = /^\d+$/.test(id) ? this.payments.get(Number(id)) : undefined;
    if (!p) throw notFound('Payment request not found');
    return p;
  }

  collectionView(c: CouponCollection) {
    return {
      id: c.id,
      name: c.name,
      defaultCoupon: c.defaultCoupon,
      createdAt: c.createdAt,
      totalCoupons: c.coupons.size,
      remainingCoupons: c.coupons.size - c.sent,
      ...(c.expirationDate !== undefined ? { expirationDate: c.expirationDate } : {}),
      ...(c.remainingDaysAlert !== undefined ? { remainingDaysAlert: c.remainingDaysAlert } : {}),
      ...(c.remainingCouponsAlert !== undefined ? { remainingCouponsAlert: c.remainingCouponsAlert } : {}),
    };
  }

  feedView(f: Feed) {
    return {
      id: f.id,
      name: f.name,
      url: f.url,
      authType: f.authType,
      ...(f.username !== undefined ? { username: f.username } : {}),
      ...(f.password !== undefined ? { password: f.password } : {}),
      ...(f.token !== undefined ? { token: f.token } : {}),
      headers: f.headers.map((h) => ({ ...h })),
      maxRetries: f.maxRetries,
      cache: f.cache,
      createdAt: f.createdAt,
      modifiedAt: f.modifiedAt,
    };
  }

  paymentView(p: PaymentRequest) {
    return {
      reference: p.reference,
      status: p.status,
      contactId: p.contactId,
      numberOfRemindersSent: p.numberOfRemindersSent,
      cart: { ...p.cart },
      ...(p.notification ? { notification: { ...p.notification } } : {}),
      ...(p.configuration ? { configuration: { ...p.configuration } } : {}),
    };
  }
}
