import { defineToolset } from './define.js';

export default defineToolset('sms_campaigns', []);
