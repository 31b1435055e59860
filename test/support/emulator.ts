// The Brevo emulator started in-process on 127.0.0.1 (as `brevo-mcp --sandbox` and
// `brevo-mcp emulator` start it), and a small HTTP client speaking to it the way a Brevo
// integration does: api-key header, JSON or multipart bodies, the answer's status and JSON.
import type { Json } from './json.js';

export type { Json };
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.js';

export interface Reply {
  status: number;
  json: Json;
  text: string;
  headers: Headers;
}

export interface Emulator {
  sandbox: Sandbox;
  /** One request to /v3 + path; a FormData body goes as multipart, anything else as JSON. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** The JSON of a request that must succeed (2xx), else an error naming the answer. */
  ok(method: string, path: string, body?: unknown): Promise<Json>;
  close(): Promise<void>;
}

export async function startEmulator(options: SandboxOptions = {}): Promise<Emulator> {
  const sandbox = await startSandbox(options);
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const form = body instanceof FormData;
    const res = await fetch(sandbox.url + path, {
      method,
      headers: {
        'api-key': sandbox.apiKey,
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return {
    sandbox,
    request,
    async ok(method, path, body) {
      const reply = await request(method, path, body);
      if (reply.status >= 300) throw new Error(`${method} ${path}: HTTP ${reply.status} ${reply.text}`);
      return reply.json;
    },
    close: () => sandbox.close(),
  };
}

/** A clock the test moves: starts at `start`, `advance(ms)` moves it on. */
export function testClock(start: string) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** The definition's example answers (written by scripts/write-sandbox-responses.mjs): test data only, never served. */
export const responsesUrl = new URL('../../src/sandbox/responses.json', import.meta.url);
