// Tool calls as the sandbox tests make them, each asserting the outcome it expects: a success
// (as text or JSON) or a refusal (its text, or matching a pattern), with the tool named on failure.
import { expect } from 'vitest';
import type { Json } from './json.js';
import { type Connected, textOf } from './mcp.js';

/** `connection` is read at each call: tests connect in beforeAll, after these are made. */
export function toolCalls(connection: () => Connected) {
  const call = (name: string, args: Json = {}) => connection().client.callTool({ name, arguments: args });
  /** A call that must succeed; its text. */
  const ok = async (name: string, args: Json = {}) => {
    const result = await call(name, args);
    expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
    return textOf(result);
  };
  /** A call that must succeed with JSON; the JSON. */
  const json = async (name: string, args: Json = {}) => JSON.parse(await ok(name, args)) as Json;
  /** A call that must fail; its text. */
  const refused = async (name: string, args: Json) => {
    const result = await call(name, args);
    expect(result.isError, `${name} should fail: ${textOf(result)}`).toBe(true);
    return textOf(result);
  };
  /** A call that must fail with a text matching `pattern`. */
  const fails = async (name: string, args: Json, pattern: RegExp) => {
    expect(await refused(name, args)).toMatch(pattern);
  };
  return { call, ok, json, refused, fails };
}
