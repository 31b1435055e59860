// The v2 SDK's Client pinned to protocol 2026-07-28, over stdio (the built bin spawned) or
// Streamable HTTP: what clients that probe server/discover first get.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { BIN, serverEnv } from './mcp.js';

export interface Modern {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

type Options = ConstructorParameters<typeof Client>[1];

const modern = (options: Options = {}) =>
  new Client(
    { name: 'brevo-mcp-tests-2026', version: '1.0.0' },
    { ...options, versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );

export async function connectStdio2026(
  options: { apiUrl?: string; args?: string[]; env?: Record<string, string>; client?: Options } = {},
): Promise<Modern> {
  let stderr = '';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...(options.args ?? [])],
    env: serverEnv(options),
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = modern(options.client);
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

export async function connectHttp2026(
  url: string,
  options: { headers?: Record<string, string>; client?: Options } = {},
): Promise<Modern> {
  const client = modern(options.client);
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: options.headers ?? {} } }),
  );
  return { client, stderr: () => '', close: () => client.close() };
}
