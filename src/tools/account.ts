// The account itself: plan, credits, background processes, activity.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { page, sortOrder } from './shapes.js';

export default defineToolset('account', [
  {
    name: 'get_account',
    title: 'Get account',
    description: 'The account\'s company, plan, remaining credits and relay (SMTP) details.',
    method: 'GET',
    path: '/account',
  },
  {
    name: 'get_processes',
    title: 'List background processes',
    description: 'Background import and export jobs with their status.',
    method: 'GET',
    path: '/processes',
    query: { ...page(50), sort: sortOrder.optional() },
  },
  {
    name: 'get_process',
    title: 'Get background process',
    description: 'Status of an import or export job by processId; a finished export carries export_url.',
    method: 'GET',
    path: '/processes/{processId}',
    pathParams: { processId: z.int() },
  },
  {
    name: 'get_account_activity',
    title: 'Account activity log',
    description: 'Log of users\' actions, optionally by user email and startDate+endDate (YYYY-MM-DD, at most a month).',
    method: 'GET',
    path: '/organization/activities',
    query: {
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      email: z.string().optional(),
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().optional(),
    },
  },
]);
