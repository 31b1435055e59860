// The yardstick: the smallest useful SDK server, one tool that reads the Brevo account with
// fetch. The benchmark compares brevo-mcp's cold start and call latency with this.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'one-tool', version: '1.0.0' });
server.registerTool(
  'get_account',
  { description: 'The Brevo account', inputSchema: { verbose: z.boolean().optional() } },
  async () => {
    const res = await fetch(`${process.env.BREVO_API_URL}/account`, {
      headers: { 'api-key': process.env.BREVO_API_KEY ?? '', accept: 'application/json' },
    });
    return { content: [{ type: 'text', text: JSON.stringify(await res.json()) }] };
  },
);
await server.connect(new StdioServerTransport());
