import { defineToolset } from './define.js';

export default defineToolset('reseller', []);
