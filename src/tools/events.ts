// Custom events about contacts, which automations and segments can use.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { freeRecord } from './shapes.js';

export default defineToolset('events', [
  {
    name: 'create_event',
    title: 'Record contact event',
    description: 'Record a custom event about a contact for automations; contact_properties update its attributes.',
    keywords: [
      'custom event',
      'track behaviour',
      'trigger automation',
      'workflow trigger',
      'user did something',
      'abandoned cart',
      'signed up',
    ],
    method: 'POST',
    path: '/events',
    body: {
      event_name: z.string(),
      event_date: z.string().optional().describe('Date-time with offset; default now'),
      identifiers: z.strictObject({
        email_id: z.string().optional(),
        phone_id: z.string().optional(),
        whatsapp_id: z.string().optional(),
        landline_number_id: z.string().optional(),
        ext_id: z.string().optional(),
      }),
      contact_properties: z.record(z.string(), z.union([z.string(), z.int()])).optional(),
      // The reference lists string, integer, object and array of objects; its own prose and
      // example also use numbers with decimals and booleans, so those are accepted too.
      event_properties: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), freeRecord, z.array(freeRecord)]))
        .optional(),
    },
  },
]);
