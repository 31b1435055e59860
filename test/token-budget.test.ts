// What tools/list costs every conversation, held to the project's budgets (o200k tokens, counted
// as `npm run bench` does): all tools 35,000, the default profile 8,000, dynamic mode 1,000.
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { connectStdio } from './support/mcp.js';

const BUDGETS: Array<[string, string[], number]> = [
  ['all tools', ['--toolsets', 'all'], 35_000],
  ['the default profile', [], 8_000],
  ['dynamic mode', ['--dynamic'], 1_000],
];

describe('tools/list token budgets', () => {
  for (const [mode, args, budget] of BUDGETS) {
    it(`${mode} stays within ${budget} tokens`, async () => {
      const conn = await connectStdio({ args });
      try {
        const tokens = encode(JSON.stringify(await conn.client.listTools())).length;
        console.log(`tools/list, ${mode}: ${tokens} tokens (budget ${budget})`);
        expect(tokens).toBeLessThanOrEqual(budget);
      } finally {
        await conn.close();
      }
    });
  }
});
