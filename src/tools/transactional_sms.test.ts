import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const sendTransacSmsBody = {
  sender: 'AcmeShop',
  recipient: '33689965433',
  content: 'Your Acme code is 482913. It expires in 10 minutes.',
  type: 'transactional',
  tag: 'otp',
  webUrl: 'https://hooks.acme.test/brevo/sms',
  unicodeEnabled: false,
};

const marketingSmsBody = {
  sender: '4915123456',
  recipient: '491701234567',
  content: 'Spring sale: 20% off until Sunday. Reply STOP to opt out.',
  type: 'marketing',
  tag: ['spring-sale', 'de'],
  organisationPrefix: 'Acme',
};

const sendAsyncTransactionalSmsBody = {
  sender: 'AcmeShop',
  recipient: '33689965433',
  content: 'Your parcel 7741 is out for delivery.',
  tag: 'shipping',
};

describeRequests('transactional_sms', [
  {
    tool: 'send_transac_sms',
    args: sendTransacSmsBody,
    reply: {
      status: 201,
      json: {
        reference: 'ab1cde2fgh3i4jklmno',
        messageId: 1511882900176220,
        smsCount: 1,
        usedCredits: 0.7,
        remainingCredits: 82.85,
      },
    },
    expect: {
      method: 'POST',
      path: '/transactionalSMS/sms',
      body: sendTransacSmsBody,
    },
    check: ({ result }) => expect(JSON.stringify(result)).toContain('ab1cde2fgh3i4jklmno'),
  },
  {
    tool: 'send_transac_sms',
    label: 'marketing with several tags and a prefix',
    args: marketingSmsBody,
    reply: { status: 201, json: { messageId: 1511882900176221 } },
    expect: {
      method: 'POST',
      path: '/transactionalSMS/sms',
      body: marketingSmsBody,
    },
  },
  {
    tool: 'send_async_transactional_sms',
    args: sendAsyncTransactionalSmsBody,
    reply: { status: 202, json: { messageId: 1511882900176222 } },
    expect: {
      method: 'POST',
      path: '/transactionalSMS/send',
      body: sendAsyncTransactionalSmsBody,
    },
  },
  {
    tool: 'get_transac_aggregated_sms_report',
    args: { startDate: '2026-11-01', endDate: '2026-11-25', tag: 'otp' },
    expect: {
      method: 'GET',
      path: '/transactionalSMS/statistics/aggregatedReport',
      query: 'startDate=2026-11-01&endDate=2026-11-25&tag=otp',
    },
  },
  {
    tool: 'get_transac_sms_report',
    args: { days: 7, sort: 'asc' },
    expect: { method: 'GET', path: '/transactionalSMS/statistics/reports', query: 'days=7&sort=asc' },
  },
  {
    tool: 'get_sms_events',
    args: {
      phoneNumber: '33689965433',
      event: 'hardBounces',
      tags: '["otp","login"]',
      startDate: '2026-11-01',
      endDate: '2026-11-20',
      limit: 100,
      offset: 100,
      sort: 'desc',
    },
    expect: {
      method: 'GET',
      path: '/transactionalSMS/statistics/events',
      query:
        'limit=100&offset=100&startDate=2026-11-01&endDate=2026-11-20&phoneNumber=33689965433&event=hardBounces&tags=["otp","login"]&sort=desc',
    },
  },
]);
