// Reading request input the way Brevo checks it: a missing required field is
// 400 missing_parameter "<field> is missing", a field of the wrong kind is 400 invalid_parameter.
import { type Answer, invalid, missing, SandboxError, type SandboxRequest } from './http.js';

export type Body = Record<string, unknown>;

/** The JSON object body (an absent body counts as {}). */
export function bodyOf(req: SandboxRequest): Body {
  if (req.body === undefined) return {};
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new SandboxError(400, 'bad_request', 'Input must be a valid JSON object');
  }
  return req.body as Body;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL.test(value);

export function optString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${key} should be a string`);
  return value;
}

export function reqString(body: Body, key: string): string {
  const value = optString(body, key);
  if (value === undefined || value.trim() === '') throw missing(key);
  return value;
}

export function optEmail(body: Body, key: string): string | undefined {
  const value = optString(body, key);
  if (value !== undefined && !isEmail(value)) throw invalid(`${key} is not a valid email address`);
  return value?.toLowerCase();
}

export function optInt(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`${key} should be an integer`);
  return value;
}

export function reqInt(body: Body, key: string): number {
  const value = optInt(body, key);
  if (value === undefined) throw missing(key);
  return value;
}

export function optBool(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${key} should be a boolean`);
  return value;
}

export function optIntArray(body: Body, key: string): number[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isInteger(v)))
    throw invalid(`${key} should be an array of integers`);
  return value as number[];
}

export function optStringArray(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw invalid(`${key} should be an array of strings`);
  return value as string[];
}

export function optObject(body: Body, key: string): Body | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${key} should be an object`);
  return value as Body;
}

/** A path parameter that must be a whole number (list, folder, template ids...). */
export function intParam(req: SandboxRequest, name: string): number {
  const raw = req.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw invalid(`${name} should be an integer, got "${raw}"`);
  return Number(raw);
}

function queryInt(req: SandboxRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw invalid(`${name} should be an integer`);
  return Number(raw);
}

/** limit/offset with the operation's default and maximum, checked as Brevo does. */
export function paging(req: SandboxRequest, defaultLimit: number, maxLimit: number): { limit: number; offset: number } {
  const limit = queryInt(req, 'limit') ?? defaultLimit;
  const offset = queryInt(req, 'offset') ?? 0;
  if (limit < 0 || limit > maxLimit) throw invalid(`limit should be between 0 and ${maxLimit}`);
  if (offset < 0) throw invalid('offset should be 0 or more');
  return { limit, offset };
}

export function page<T>(items: T[], { limit, offset }: { limit: number; offset: number }): T[] {
  return items.slice(offset, offset + limit);
}

/** The answer of a list operation: one page of the items, seen through view, under key, and how many there are. */
export function countedPage<T>(
  key: string,
  items: T[],
  window: { limit: number; offset: number },
  view: (item: T) => unknown,
): Answer {
  return { status: 200, body: { [key]: page(items, window).map((item) => view(item)), count: items.length } };
}

/** sort=asc|desc (default desc), applied to items already in creation order. */
export function sorted<T>(req: SandboxRequest, items: T[]): T[] {
  const sort = req.query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalid('sort should be asc or desc');
  return sort === 'desc' ? [...items].reverse() : items;
}

export function queryIntValue(req: SandboxRequest, name: string): number | undefined {
  return queryInt(req, name);
}

/** A YYYY-MM-DD query date as the start of that day (UTC), or undefined. */
export function queryDate(req: SandboxRequest, name: string): Date | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) throw invalid(`${name} is not a valid date (YYYY-MM-DD)`);
  return date;
}

/**
 * The createdSince and modifiedSince filters of a list: items created (or changed) at or after
 * the given date-time. `modified` names the field holding the last change.
 */
export function since<T extends { createdAt: string }>(
  req: SandboxRequest,
  items: T[],
  modified: (item: T) => string,
): T[] {
  let out = items;
  for (const name of ['createdSince', 'modifiedSince'] as const) {
    const raw = req.query.get(name);
    if (!raw) continue;
    const t = Date.parse(raw);
    if (Number.isNaN(t)) throw invalid(`${name} is not a valid date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)`);
    out = out.filter((i) => Date.parse(name === 'createdSince' ? i.createdAt : modified(i)) >= t);
  }
  return out;
}

/** Sets on target the fields a request gave (those not undefined), leaving the others as they are. */
export function setGiven<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}
