// The account itself: plan, credits, background processes, activity.
import { defineToolset } from './define.js';

export default defineToolset('account', [
  {
    name: 'get_account',
    title: 'Get account',
    description: 'The account\'s company, plan, remaining credits and relay (SMTP) details.',
    method: 'GET',
    path: '/account',
  },
]);
