import { describe, expect, it } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';
import whatsapp from './whatsapp.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const sendWhatsappMessageBody = {
  senderNumber: '33612345678',
  contactNumbers: ['33689965433', '447700900123'],
  templateId: 7,
  params: { FNAME: 'Ann', ORDER: 'A-1042' },
};

const textMessageBody = {
  senderNumber: '33612345678',
  contactNumbers: ['33689965433'],
  text: 'Thanks Ann, your table for 4 is booked for 8 pm.',
};

describeRequests('whatsapp', [
  {
    tool: 'send_whatsapp_message',
    args: sendWhatsappMessageBody,
    reply: { status: 201, json: { messageId: '1d3c2b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } },
    expect: {
      method: 'POST',
      path: '/whatsapp/sendMessage',
      body: sendWhatsappMessageBody,
    },
  },
  {
    tool: 'send_whatsapp_message',
    label: 'text',
    args: textMessageBody,
    reply: { status: 201, json: { messageId: '2e4d3c5b-6f70-4b8c-9d0e-1f2a3b4c5d6e' } },
    expect: {
      method: 'POST',
      path: '/whatsapp/sendMessage',
      body: textMessageBody,
    },
  },
  {
    tool: 'get_whatsapp_event_report',
    args: { contactNumber: '33689965433', event: 'soft-bounce', days: 14, limit: 500, offset: 0, sort: 'asc' },
    expect: {
      method: 'GET',
      path: '/whatsapp/statistics/events',
      query: 'limit=500&offset=0&days=14&contactNumber=33689965433&event=soft-bounce&sort=asc',
    },
  },
]);

describe('send_whatsapp_message variants', () => {
  const input = whatsapp.operations.find((op) => op.name === 'send_whatsapp_message')!.input;
  const base = { senderNumber: '33612345678', contactNumbers: ['33689965433'] };
  it('takes exactly one of templateId and text', () => {
    expect(input.safeParse({ ...base, templateId: 7 }).success).toBe(true);
    expect(input.safeParse({ ...base, text: 'Hi' }).success).toBe(true);
    expect(input.safeParse(base).success).toBe(false);
    expect(input.safeParse({ ...base, templateId: 7, text: 'Hi' }).success).toBe(false);
  });
});
