// Drives the real server the way users do: the built bin spawned over stdio, or the HTTP
// transport, through the SDK's own Client.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export const BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const TEST_KEY = 'xkeysib-test-0123456789abcdef-TESTKEY';

export interface Connected {
  client: Client;
  /** The server's process id (stdio), for its memory. */
  pid?: number;
  /** Everything the server wrote to stderr so far. */
  stderr: () => string;
  close: () => Promise<void>;
}

/** The environment a test server starts with: the test key, a fake Brevo's URL if given, and extras. */
export function serverEnv(options: { apiUrl?: string; env?: Record<string, string> }): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    BREVO_API_KEY: TEST_KEY,
    ...(options.apiUrl ? { BREVO_API_URL: options.apiUrl } : {}),
    ...options.env,
  };
}

export async function connectStdio(
  options: {
    apiUrl?: string;
    args?: string[];
    env?: Record<string, string>;
    capabilities?: ConstructorParameters<typeof Client>[1];
  } = {},
): Promise<Connected> {
  let stderr = '';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...(options.args ?? [])],
    env: serverEnv(options),
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'brevo-mcp-tests', version: '1.0.0' }, options.capabilities);
  await client.connect(transport);
  return { client, pid: transport.pid ?? undefined, stderr: () => stderr, close: () => client.close() };
}

/** A process's peak resident memory so far, in MB (Linux). */
export function peakRssMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

export interface HttpServerProcess {
  url: string;
  pid: number;
  stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** Sends a signal without waiting. */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/** Starts the built bin with --transport http on a free port and waits until it listens. */
export async function startHttpServer(
  options: { apiUrl?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0', ...(options.args ?? [])], {
    env: {
      PATH: process.env.PATH ?? '',
      BREVO_API_KEY: TEST_KEY,
      ...(options.apiUrl ? { BREVO_API_URL: options.apiUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HTTP server did not start: ${stderr}`)), 10_000);
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      const m = /at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`HTTP server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    exited,
    kill: (signal) => void child.kill(signal),
    stderr: () => stderr + (stdout ? `\n[stdout] ${stdout}` : ''),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

export async function connectHttp(
  url: string,
  headers: Record<string, string> = {},
  capabilities?: ConstructorParameters<typeof Client>[1],
): Promise<Connected> {
  const client = new Client({ name: 'brevo-mcp-tests', version: '1.0.0' }, capabilities);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return { client, stderr: () => '', close: () => client.close() };
}

/** The text of a tool result's first text content. */
export function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.find((c) => c.type === 'text')?.text ?? '';
}
