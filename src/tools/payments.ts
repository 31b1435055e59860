// Brevo Payments: payment requests sent to contacts.
import { z } from 'zod';
import { defineToolset } from './define.js';

export default defineToolset('payments', [
  {
    name: 'create_payment_request',
    title: 'Create payment request',
    description:
      'Ask a contact (by id) to pay an amount in euro cents; notification emails the link. Returns the payment URL.',
    keywords: [
      'payment link',
      'send payment request',
      'send invoice',
      'ask to pay',
      'charge customer',
      'collect payment',
    ],
    method: 'POST',
    path: '/payments/requests',
    destructive: true,
    body: {
      reference: z.string().describe('Shown on the payment page'),
      cart: z.strictObject({ currency: z.enum(['EUR']), specificAmount: z.int() }),
      contactId: z.int(),
      description: z.string().optional(),
      notification: z.strictObject({ channel: z.enum(['email']), text: z.string() }).optional(),
      configuration: z.strictObject({ customSuccessUrl: z.url() }).optional(),
    },
  },
  {
    name: 'get_payment_request',
    title: 'Get payment request',
    description: "A payment request's status, amount, contact and reminders sent.",
    keywords: ['has it been paid', 'payment status', 'invoice status'],
    method: 'GET',
    path: '/payments/requests/{id}',
    pathParams: { id: z.string() },
  },
  {
    // The reference gives this id `format: uuidv4`, yet its own create example returns a
    // 24-character id that is not a UUID, so no format is enforced (as for get_payment_request).
    name: 'delete_payment_request',
    title: 'Delete payment request',
    description: 'Delete a payment request.',
    keywords: ['remove payment request', 'cancel invoice'],
    method: 'DELETE',
    path: '/payments/requests/{id}',
    pathParams: { id: z.string() },
  },
]);
