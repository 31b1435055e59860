// The id of a refused (too large) request is read from its first bytes only.
import { describe, expect, it } from 'vitest';
import { requestIdIn } from './stdio.js';

describe('requestIdIn', () => {
  it('finds the top-level id of a request, number or string', () => {
    expect(requestIdIn('{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"x","arguments":{"a":"')).toBe(
      42,
    );
    expect(requestIdIn('{ "jsonrpc" : "2.0", "method": "tools/call", "id" : "req-\\"7\\"", "params": {"')).toBe(
      'req-"7"',
    );
  });

  it('ignores ids nested in params, and messages that are not requests', () => {
    expect(requestIdIn('{"jsonrpc":"2.0","method":"tools/call","params":{"id":5,"arguments":{"x":"')).toBeUndefined();
    expect(requestIdIn('{"jsonrpc":"2.0","params":{"id":5},"id":6,"method":"ping","x":"')).toBe(6);
    expect(requestIdIn('{"jsonrpc":"2.0","id":3,"result":{"content":"')).toBeUndefined();
    expect(requestIdIn('{"jsonrpc":"2.0","method":"notifications/progress","params":{"message":"')).toBeUndefined();
  });

  it('does not guess from a cut or malformed head', () => {
    expect(requestIdIn('{"jsonrpc":"2.0","method":"ping","id":12')).toBeUndefined();
    expect(requestIdIn('{"jsonrpc":"2.0","method":"ping","id":"abc')).toBeUndefined();
    expect(requestIdIn('{"method":"ping","\\x":1,"id":1,')).toBeUndefined();
    expect(requestIdIn('not json at all')).toBeUndefined();
  });
});
