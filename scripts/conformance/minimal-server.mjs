#!/usr/bin/env node
// The yardstick for the 2026-07-28 conformance run: the smallest server the v2 SDK makes
// (createMcpHandler, one tool, one resource, one prompt) on 127.0.0.1. brevo-mcp must pass at
// least every check this one passes. Prints its URL on stdout; `--port N` (default: a free one).
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'minimal', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echo a text', inputSchema: z.object({ text: z.string() }) },
    ({ text }) => ({
      content: [{ type: 'text', text }],
    }),
  );
  server.registerResource('note', 'note://one', { mimeType: 'text/plain' }, (uri) => ({
    contents: [{ uri: uri.href, text: 'one note' }],
  }));
  server.registerPrompt('greet', { description: 'Say hello' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'Hello' } }],
  }));
  return server;
});
const serve = toNodeHandler(handler);
const http = createServer((req, res) => {
  if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp') return void res.writeHead(404).end();
  void serve(req, res);
});
http.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${http.address().port}/mcp\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => http.close(() => process.exit(0)));
