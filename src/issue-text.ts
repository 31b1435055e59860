// Zod's validation issues as one short line each, naming the field: "listId is required",
// "params.arguments: expected an object, received null", for tool arguments and request params.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Issue codes zod gives a field that was left out (it validates `undefined` there). */
const MISSING_CODES = new Set(['invalid_type', 'invalid_union', 'invalid_value']);

/** zod's names for expected types, as a person says them. */
const NOUNS: Record<string, string> = {
  record: 'an object',
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/** One issue as text; `top` names the whole input when the issue has no path. */
export function issueText(issue: Issue, input: unknown, top: string): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : top;
  const value = valueAt(input, issue.path);
  if (MISSING_CODES.has(issue.code) && issue.path.length && value === undefined) return `${where} is required`;
  if (issue.code === 'invalid_type')
    return `${where}: expected ${NOUNS[issue.expected] ?? issue.expected}, received ${kindOf(value)}`;
  return `${where}: ${issue.message}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let node = input;
  for (const key of path)
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
