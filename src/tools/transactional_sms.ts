// Transactional SMS: sending (synchronous and queued) and statistics.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { page, sortOrder } from './shapes.js';

/** One SMS; the same body for the synchronous and the queued send. */
const smsBody = {
  sender: z.string().max(15).describe('Up to 11 letters or 15 digits'),
  recipient: z.string().describe('Mobile number with country code'),
  content: z.string(),
  type: z.enum(['transactional', 'marketing']).optional(),
  // The reference types tag as a string, but its own text and Brevo's changelog allow an array too.
  tag: z.union([z.string(), z.array(z.string())]).optional(),
  webUrl: z.url().optional().describe("Webhook for this message's events"),
  unicodeEnabled: z.boolean().optional(),
  organisationPrefix: z.string().optional().describe('Brand name put before the content'),
};

/** Report windows: startDate and endDate (YYYY-MM-DD) together, or `days` back from today. */
const reportWindow = {
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  days: z.int().optional(),
};

export default defineToolset('transactional_sms', [
  {
    name: 'send_transac_sms',
    title: 'Send transactional SMS',
    description: 'Send one SMS now; over 160 characters it goes as several messages.',
    keywords: [
      'text message',
      'otp',
      'verification code',
      'one time password',
      'sms notification',
      'text a customer',
      'mobile phone',
    ],
    method: 'POST',
    path: '/transactionalSMS/sms',
    destructive: true,
    body: smsBody,
  },
  {
    name: 'send_async_transactional_sms',
    title: 'Queue transactional SMS',
    description: 'Queue one SMS and return without waiting for it to be sent.',
    keywords: ['text message', 'send sms in background', 'fire and forget', 'without waiting', 'asynchronous'],
    method: 'POST',
    path: '/transactionalSMS/send',
    destructive: true,
    body: smsBody,
  },
  {
    name: 'get_transac_aggregated_sms_report',
    title: 'Transactional SMS totals',
    description: 'Total SMS statistics over a period (YYYY-MM-DD dates or days), optionally for a tag.',
    keywords: ['sms totals', 'text message stats', 'how many sms sent', 'overall sms numbers'],
    method: 'GET',
    path: '/transactionalSMS/statistics/aggregatedReport',
    query: { ...reportWindow, tag: z.string().optional() },
  },
  {
    name: 'get_transac_sms_report',
    title: 'Transactional SMS daily report',
    description: 'Per-day SMS statistics over a period (YYYY-MM-DD dates or days).',
    keywords: ['sms per day', 'daily text message stats'],
    method: 'GET',
    path: '/transactionalSMS/statistics/reports',
    query: { ...reportWindow, tag: z.string().optional(), sort: sortOrder.optional() },
  },
  {
    name: 'get_sms_events',
    title: 'Transactional SMS events',
    description: 'Individual SMS events (delivery, bounces, replies...); period as YYYY-MM-DD dates or days.',
    keywords: ['sms delivered', 'sms bounced', 'sms replies', 'text message delivery status', 'sms unsubscribe'],
    method: 'GET',
    path: '/transactionalSMS/statistics/events',
    query: {
      ...page(100),
      ...reportWindow,
      phoneNumber: z.string().optional(),
      event: z
        .enum([
          'bounces',
          'hardBounces',
          'softBounces',
          'delivered',
          'sent',
          'accepted',
          'unsubscription',
          'replies',
          'blocked',
          'rejected',
          'skipped',
        ])
        .optional(),
      tags: z.string().optional().describe('Serialized array, e.g. ["otp","login"]'),
      sort: sortOrder.optional(),
    },
  },
]);
