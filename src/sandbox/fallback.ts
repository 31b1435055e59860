// Every contract operation without real state answers from responses.json: the success status
// and body Brevo's official definition gives for it (written by scripts/write-sandbox-responses.mjs,
// which runs only on development machines; the file is committed).
import { readFileSync } from 'node:fs';
import type { Answer, Route, SandboxRequest } from './http.js';

/** [status, JSON body (absent: no content), content type (only when not JSON)]. */
type Stored = [status: number, body?: unknown, contentType?: string];

/** From src/sandbox/ and from dist/sandbox/ alike, the file lives in src/sandbox/. */
export const responsesUrl = new URL('../../src/sandbox/responses.json', import.meta.url);

export function fallbackRoutes(): Route[] {
  const stored = JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, Stored>;
  return Object.entries(stored).map(([key, answer]) => {
    const space = key.indexOf(' ');
    return [key.slice(0, space), key.slice(space + 1), (req) => fromStored(answer, req)];
  });
}

function fromStored([status, body, contentType]: Stored, req: SandboxRequest): Answer {
  if (contentType) return { status, raw: { data: String(body ?? ''), contentType } };
  if (body === undefined) return { status };
  return { status, body: withParams(structuredClone(body), req) };
}

/**
 * The ids the caller named replace the example's own: a field named like a path parameter takes
 * its value, and a GET of one object by one id answers with that id (GET /smsCampaigns/7 → id 7).
 */
function withParams(body: unknown, req: SandboxRequest): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = body as Record<string, unknown>;
  const set = (field: string, value: string) => {
    if (typeof out[field] === 'number' && /^\d+$/.test(value)) out[field] = Number(value);
    else if (typeof out[field] === 'string') out[field] = value;
  };
  const params = Object.entries(req.params);
  for (const [name, value] of params) if (name in out) set(name, value);
  if (req.method === 'GET' && params.length === 1 && 'id' in out && !('id' in req.params)) set('id', params[0]![1]);
  return out;
}
