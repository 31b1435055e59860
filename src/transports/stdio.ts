import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { log } from '../log.js';

/** Serves one MCP session over stdin/stdout until stdin closes or a signal arrives. */
export async function serveStdio(server: Server, onClose: () => Promise<void>): Promise<void> {
  const transport = new StdioServerTransport();
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => {});
    await onClose();
  };
  transport.onclose = () => void close();
  process.stdin.on('end', () => void close());
  process.on('SIGINT', () => void close().then(() => process.exit(0)));
  process.on('SIGTERM', () => void close().then(() => process.exit(0)));
  await server.connect(transport);
  log('debug', 'serving MCP over stdio');
}
