// Payment requests with real state: create one for an existing contact (sent at once when it has
// a notification), read its status, delete it. Nobody pays in the sandbox: a request never
// becomes paid, and the payment link answers nothing.
import { randomBytes } from 'node:crypto';
import { commerceCapReached, COMMERCE_CAPS, type PaymentRequest } from './commerce-store.js';
import { invalid, type Route, type SandboxRequest } from './http.js';
import type { Store } from './store.js';
import { bodyOf, optObject, optString, reqInt, reqString, type Body } from './validate.js';

function createPayment(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const c = store.commerce;
  const reference = reqString(body, 'reference');
  const contactId = reqInt(body, 'contactId');
  if (!store.contacts.has(contactId)) throw invalid(`contactId: contact ${contactId} does not exist`);
  const cart = optObject(body, 'cart') as Body;
  const amount = cart.specificAmount as number;
  if (amount < 1) throw invalid('cart.specificAmount should be 1 or more (in cents)');
  if (c.payments.size >= COMMERCE_CAPS.paymentRequests)
    throw commerceCapReached('payment requests', COMMERCE_CAPS.paymentRequests);
  const notification = optObject(body, 'notification');
  const configuration = optObject(body, 'configuration');
  const description = optString(body, 'description');
  const payment: PaymentRequest = {
    id: 0,
    token: randomBytes(12).toString('hex'),
    reference,
    contactId,
    ...(description !== undefined ? { description } : {}),
    cart: { currency: 'EUR', specificAmount: amount },
    ...(notification ? { notification: { channel: 'email', text: String(notification.text) } } : {}),
    ...(configuration ? { configuration: { customSuccessUrl: String(configuration.customSuccessUrl) } } : {}),
    // With a notification, Brevo emails the contact the link at once.
    status: notification ? 'sent' : 'created',
    numberOfRemindersSent: 0,
    createdAt: store.now(),
  };
  payment.id = store.nextId('paymentRequest');
  c.payments.set(payment.id, payment);
  return { status: 201, body: { id: payment.id, url: `https://pay.brevo.com/payment/${payment.token}` } };
}

export const paymentRoutes: Route[] = [
  ['POST', '/payments/requests', createPayment],
  [
    'GET',
    '/payments/requests/{id}',
    (req, store) => ({ status: 200, body: store.commerce.paymentView(store.commerce.payment(req.params.id ?? '')) }),
  ],
  [
    'DELETE',
    '/payments/requests/{id}',
    (req, store) => {
      store.commerce.payments.delete(store.commerce.payment(req.params.id ?? '').id);
      return { status: 204 };
    },
  ],
];
