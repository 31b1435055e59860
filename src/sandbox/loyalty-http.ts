// What every loyalty handler shares: time moved on first (ttl, scheduled orders), the program of
// the path, ids from path and query read as Brevo reads them, and sorted pages of a list.
import { invalid, type SandboxRequest } from './http.js';
import { settleLoyalty } from './loyalty-rules.js';
import type { Program } from './loyalty-store.js';
import type { Store } from './store.js';

/** The program named by {pid}, after what time has done is applied. */
export function programOf(req: SandboxRequest, store: Store): Program {
  settleLoyalty(store);
  return store.loyalty.program(req.params.pid ?? '');
}

/** A contact id given as a string (path or query): a whole number of 1 or more. */
export function contactIdFrom(raw: string | null | undefined, field: string): number {
  if (raw === null || raw === undefined || !/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw invalid(`${field} should be a contact id (a whole number), got "${raw ?? ''}"`);
  return Number(raw);
}

/** An optional whole-number query parameter with its bounds (the checker has typed it already). */
export function queryNumber(req: SandboxRequest, name: string, fallback: number, max: number): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw invalid(`${name} should be a whole number from 0 to ${max}`);
  return n;
}

const FIELD: Record<string, string> = {
  name: 'name',
  created_at: 'createdAt',
  createdAt: 'createdAt',
  updated_at: 'updatedAt',
  updatedAt: 'updatedAt',
};

/**
 * Items sorted by the field the query names (sortParam, `defaultField` when absent) and the order
 * of `sort` (desc by default), then the page limit/offset asks for.
 */
export function sortedPage<T extends { createdAt: string; updatedAt: string; name?: string }>(
  req: SandboxRequest,
  items: T[],
  options: { sortParam: string; defaultField: string; defaultLimit: number; maxLimit: number },
): T[] {
  const raw = req.query.get(options.sortParam) || options.defaultField;
  const field = FIELD[raw];
  if (!field) throw invalid(`${options.sortParam} should be one of name, created_at, updated_at`);
  const order = req.query.get('sort') || 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid('sort should be asc or desc');
  const key = (i: T) => String((i as Record<string, unknown>)[field] ?? '');
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)) * (order === 'asc' ? 1 : -1));
  const limit = queryNumber(req, 'limit', options.defaultLimit, options.maxLimit);
  const offset = queryNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return sorted.slice(offset, offset + limit);
}
