// The account itself: plan, credits, background processes, activity.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { page, sortOrder } from './shapes.js';

export default defineToolset('account', [
  {
    name: 'get_account',
    title: 'Get account',
    description: "The account's company, plan, remaining credits and relay (SMTP) details.",
    keywords: [
      'plan',
      'credits left',
      'remaining credits',
      'quota',
      'subscription',
      'company details',
      'smtp login',
      'relay credentials',
      'account info',
    ],
    method: 'GET',
    path: '/account',
  },
  {
    name: 'get_processes',
    title: 'List background processes',
    description: 'Background import and export jobs with their status.',
    keywords: ['jobs', 'background tasks', 'imports and exports'],
    method: 'GET',
    path: '/processes',
    query: { ...page(50), sort: sortOrder.optional() },
  },
  {
    name: 'get_process',
    title: 'Get background process',
    description: 'Status of an import or export job by processId; a finished export carries export_url.',
    keywords: [
      'import status',
      'export status',
      'job progress',
      'is it finished',
      'export download link',
      'export file',
    ],
    method: 'GET',
    path: '/processes/{processId}',
    pathParams: { processId: z.int() },
  },
  {
    name: 'get_account_activity',
    title: 'Account activity log',
    description: "Log of users' actions, optionally by user email and startDate+endDate (YYYY-MM-DD, at most a month).",
    keywords: ['audit log', 'who did what', 'user actions', 'security log', 'login history'],
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
