import { defineToolset } from './define.js';

export default defineToolset('transactional_sms', []);
