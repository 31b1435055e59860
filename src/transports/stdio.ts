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
  answerUnreadableLines(transport);
  log('debug', 'serving MCP over stdio');
}

/**
 * The SDK's stdio transport drops a line it cannot read without answering. JSON-RPC asks for an
 * answer: a parse error for bad JSON, an invalid-request error for JSON that is not a message.
 */
function answerUnreadableLines(transport: StdioServerTransport): void {
  const reportToServer = transport.onerror;
  transport.onerror = (error) => {
    const code = error instanceof SyntaxError ? -32700 : error.name === 'ZodError' ? -32600 : undefined;
    if (code !== undefined) {
      const message = code === -32700 ? 'Parse error: the line is not JSON' : 'Invalid request: not a JSON-RPC 2.0 message';
      void transport.send({ jsonrpc: '2.0', id: null, error: { code, message } } as never).catch(() => {});
      log('debug', message);
    }
    reportToServer?.(error);
  };
}
