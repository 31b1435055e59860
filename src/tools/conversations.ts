import { defineToolset } from './define.js';

export default defineToolset('conversations', []);
