// The demo account's coupon collections (with their codes), product feeds and payment requests,
// and the views that give Brevo's answer shapes.
import { foundIn, notFound, omitUndefined } from './http.js';

/** What the sandbox keeps at most; past these a write is refused. */
export const COMMERCE_CAPS = {
  collections: 100,
  couponsPerCollection: 100_000,
  coupons: 200_000,
  feeds: 100,
  paymentRequests: 5_000,
};

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
    return foundIn(this.collections, id, 'Coupon collection not found');
  }

  feed(id: string): Feed {
    return foundIn(this.feeds, id, 'Feed not found');
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
      ...omitUndefined({
        expirationDate: c.expirationDate,
        remainingDaysAlert: c.remainingDaysAlert,
        remainingCouponsAlert: c.remainingCouponsAlert,
      }),
    };
  }

  feedView(f: Feed) {
    return {
      id: f.id,
      name: f.name,
      url: f.url,
      authType: f.authType,
      ...omitUndefined({ username: f.username, password: f.password, token: f.token }),
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
