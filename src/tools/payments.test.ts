import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createPaymentRequestBody = {
  reference: 'Invoice #INV-1042',
  cart: { currency: 'EUR', specificAmount: 12990 },
  contactId: 501,
  description: 'Yoga classes, December',
  notification: { channel: 'email', text: 'Here is the link to pay for your December classes.' },
  configuration: { customSuccessUrl: 'https://acme.test/payment-thanks' },
};

describeRequests('payments', [
  {
    tool: 'create_payment_request',
    args: createPaymentRequestBody,
    reply: {
      status: 201,
      json: { id: '6d4ec0b2b48ef803df4103ve', url: 'https://pay.brevo.com/payment/6d4ec0b2b48ef803df4103ve' },
    },
    expect: {
      method: 'POST',
      path: '/payments/requests',
      body: createPaymentRequestBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('pay.brevo.com/payment/6d4ec0b2b48ef803df4103ve'),
  },
  {
    tool: 'get_payment_request',
    args: { id: '050db7b0-9bb7-4c1e-9c68-5a8dace8c1dc' },
    reply: {
      json: {
        reference: 'Invoice #INV-1042',
        status: 'paid',
        contactId: 501,
        cart: { currency: 'EUR', specificAmount: 12990 },
      },
    },
    expect: { method: 'GET', path: '/payments/requests/050db7b0-9bb7-4c1e-9c68-5a8dace8c1dc' },
  },
  {
    tool: 'delete_payment_request',
    args: { id: '6d4ec0b2b48ef803df4103ve' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/payments/requests/6d4ec0b2b48ef803df4103ve' },
  },
]);
