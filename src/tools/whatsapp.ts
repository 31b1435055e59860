// Transactional WhatsApp: sending messages and their events.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { freeRecord, page, sortOrder } from './shapes.js';

export default defineToolset('whatsapp', [
  {
    name: 'send_whatsapp_message',
    title: 'Send WhatsApp message',
    description: 'Send WhatsApp messages by templateId or text; the first must use a template.',
    keywords: ['message on whatsapp', 'whatsapp text', 'chat on whatsapp'],
    method: 'POST',
    path: '/whatsapp/sendMessage',
    destructive: true,
    body: {
      senderNumber: z.string().describe('With country code, e.g. 85264318721'),
      contactNumbers: z.array(z.string()).describe('With country code'),
      templateId: z.int().optional(),
      params: freeRecord.optional().describe('Template attributes, e.g. {"FNAME":"Joe"}'),
      text: z.string().optional(),
    },
    exactlyOneOf: ['templateId', 'text'],
  },
  {
    name: 'get_whatsapp_event_report',
    title: 'WhatsApp message events',
    description: 'WhatsApp events over YYYY-MM-DD dates or days; default 30 days, max 90.',
    keywords: ['whatsapp delivered', 'whatsapp read receipts', 'whatsapp message status', 'whatsapp replies'],
    method: 'GET',
    path: '/whatsapp/statistics/events',
    query: {
      ...page(10000),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      days: z.int().optional(),
      contactNumber: z.string().optional(),
      event: z.enum(['sent', 'delivered', 'read', 'error', 'unsubscribe', 'reply', 'soft-bounce']).optional(),
      sort: sortOrder.optional(),
    },
  },
]);
