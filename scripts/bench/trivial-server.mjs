// The yardstick: the smallest useful server of the SDK line brevo-mcp runs on (v2), one tool that
// reads the Brevo account with fetch, served over stdio by the same serveStdio entry. The
// benchmark compares brevo-mcp's cold start and call latency with this.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

serveStdio(() => {
  const server = new McpServer({ name: 'one-tool', version: '1.0.0' });
  server.registerTool(
    'get_account',
    { description: 'The Brevo account', inputSchema: z.object({ verbose: z.boolean().optional() }) },
    async () => {
      const res = await fetch(`${process.env.BREVO_API_URL}/account`, {
        headers: { 'api-key': process.env.BREVO_API_KEY ?? '', accept: 'application/json' },
      });
      return { content: [{ type: 'text', text: JSON.stringify(await res.json()) }] };
    },
  );
  return server;
});
