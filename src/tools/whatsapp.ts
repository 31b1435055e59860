import { defineToolset } from './define.js';

export default defineToolset('whatsapp', []);
