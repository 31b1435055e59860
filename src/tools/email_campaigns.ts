import { defineToolset } from './define.js';

export default defineToolset('email_campaigns', []);
