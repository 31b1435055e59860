// The e-commerce state of the demo account: products, categories and orders, and which campaign
// each order is attributed to (the last email campaign link the buyer clicked, or the last SMS
// campaign they received, in the 7 days before ordering). Views give Brevo's answer shapes.
import { omitUndefined } from './http.js';

export interface Product {
  /** Brevo's own number for the product (what creating one answers). */
  key: number;
  id: string;
  name: string;
  url?: string;
  imageUrl?: string;
  sku?: string;
  price?: number;
  categories: string[];
  parentId?: string;
  metaInfo?: Record<string, unknown>;
  isDeleted?: boolean;
  deletedAt?: string;
  createdAt: string;
  modifiedAt: string;
}

export interface Category {
  key: number;
  id: string;
  name: string;
  url?: string;
  isDeleted?: boolean;
  deletedAt?: string;
  createdAt: string;
  modifiedAt: string;
}

export interface OrderLine {
  productId: string;
  quantity: number;
  variantId?: string;
  price: number;
}

export type ConversionSource =
  | 'email_campaign'
  | 'sms_campaign'
  | 'automation_workflow_email'
  | 'automation_workflow_sms';

export interface Order {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: string;
  amount: number;
  storeId?: string;
  identifiers: Record<string, string>;
  /** The contact the identifiers name, when there is one. */
  contactId?: number;
  email?: string;
  products: OrderLine[];
  billing?: Record<string, unknown>;
  coupons?: string[];
  metaInfo?: Record<string, unknown>;
  attribution?: { source: ConversionSource; id: string };
}

export class ShopState {
  active = true;
  currency = 'EUR';
  readonly products = new Map<string, Product>();
  readonly categories = new Map<string, Category>();
  readonly orders = new Map<string, Order>();

  productView(p: Product) {
    return {
      id: p.id,
      name: p.name,
      createdAt: p.createdAt,
      modifiedAt: p.modifiedAt,
      ...omitUndefined({ url: p.url, imageUrl: p.imageUrl, sku: p.sku, price: p.price }),
      categories: [...p.categories],
      ...omitUndefined({ parentId: p.parentId }),
      // Brevo keeps copies of the product image for its editor and analytics.
      ...(p.imageUrl !== undefined ? { s3Original: imageCopy(p, 'original') } : {}),
      s3ThumbAnalytics: imageCopy(p, 'analytics'),
      s3ThumbEditor: imageCopy(p, 'editor'),
      ...(p.metaInfo !== undefined ? { metaInfo: { ...p.metaInfo } } : {}),
      ...omitUndefined({ isDeleted: p.isDeleted }),
    };
  }

  categoryView(c: Category) {
    return {
      id: c.id,
      name: c.name,
      createdAt: c.createdAt,
      modifiedAt: c.modifiedAt,
      ...omitUndefined({ url: c.url, isDeleted: c.isDeleted }),
    };
  }

  orderView(o: Order) {
    return {
      id: o.id,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      ...(o.contactId !== undefined ? { contact_id: o.contactId } : {}),
      status: o.status,
      amount: o.amount,
      ...omitUndefined({ storeId: o.storeId }),
      identifiers: { ...o.identifiers },
      ...(o.billing !== undefined ? { billing: { ...o.billing } } : {}),
      products: o.products.map((l) => ({ ...l })),
      ...omitUndefined({ email: o.email }),
      ...(o.coupons !== undefined ? { coupons: [...o.coupons] } : {}),
      ...(o.metaInfo !== undefined ? { metaInfo: { ...o.metaInfo } } : {}),
    };
  }
}

const imageCopy = (p: Product, kind: string) =>
  `https://img-ecom.mailinblue.com/demoshop/${kind}/${encodeURIComponent(p.id)}.jpg`;
