// Payment requests with real state: create one for an existing contact (emailed at once when it
// has a notification: the email shows in the transactional log), read its status, delete it.
// Nobody pays in the sandbox: a request never becomes paid, and the payment link answers nothing.
import { randomBytes } from 'node:crypto';
import { COMMERCE_CAPS, type PaymentRequest } from './commerce-store.js';
import { invalid, type SandboxRequest, routes } from './http.js';
import { SHOP_SENDER } from './seed-people.js';
import type { Store } from './store.js';
import { bodyOf, optObject, optString, reqInt, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const paymentUrl = (p: PaymentRequest) => `https://pay.brevo.com/payment/${p.token}`;

/** The email Brevo sends a payment request's contact (the first one, or a reminder), as logged. */
export function sendPaymentEmail(store: Store, p: PaymentRequest, email: string, at: string, reminder = false): void {
  const text = p.notification?.text ?? '';
  store.recordEmail({
    messageId: `<${Date.parse(at)}.${p.id}${reminder ? 'r' : ''}@smtp-relay.mailin.fr>`,
    email,
    subject: `${reminder ? 'Reminder: ' : ''}Payment request ${p.reference}`,
    from: SHOP_SENDER.email,
    tags: ['payment-request'],
    body: `<html><body><p>${text}</p><p><a href="${paymentUrl(p)}">Pay now</a></p></body></html>`,
    attachmentCount: 0,
    events: [
      { name: 'sent', time: at },
      { name: 'delivered', time: at },
    ],
  });
}

function createPayment(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const c = store.commerce;
  const reference = reqString(body, 'reference');
  const contactId = reqInt(body, 'contactId');
  const contact = store.contacts.get(contactId);
  if (!contact) throw invalid(`contactId: contact ${contactId} does not exist`);
  const cart = optObject(body, 'cart') as Body;
  const amount = cart.specificAmount as number;
  if (amount < 1) throw invalid('cart.specificAmount should be 1 or more (in cents)');
  checkCap(c.payments.size, COMMERCE_CAPS.paymentRequests, 'payment requests');
  const notification = optObject(body, 'notification');
  if (notification && !contact.email)
    throw invalid(`notification: contact ${contactId} has no email address to send the request to`);
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
  if (notification && contact.email) sendPaymentEmail(store, payment, contact.email, payment.createdAt);
  return { status: 201, body: { id: payment.id, url: paymentUrl(payment) } };
}

export const paymentRoutes = routes({
  'POST /payments/requests': createPayment,
  'GET /payments/requests/{id}': (req, store) => ({
    status: 200,
    body: store.commerce.paymentView(store.commerce.payment(req.params.id ?? '')),
  }),
  'DELETE /payments/requests/{id}': (req, store) => {
    store.commerce.payments.delete(store.commerce.payment(req.params.id ?? '').id);
    return { status: 204 };
  },
});
