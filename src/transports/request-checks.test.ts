// The request checks the SDK does not make: one Host header, no empty batch; and what a hang-up cancels.
import { describe, expect, it } from 'vitest';
import { duplicateHostProblem, emptyBatchProblem, hangUpCancellations } from './request-checks.js';

describe('request checks', () => {
  it('refuses a second Host header, whatever its case', () => {
    expect(duplicateHostProblem(['Host', 'localhost', 'Accept', '*/*'])).toBeUndefined();
    expect(duplicateHostProblem(['Host', 'localhost', 'host', 'evil.com'])).toBe(
      'Bad request: 2 Host headers; send exactly one',
    );
  });

  it('an empty batch is not a message; a non-empty one or a single message is', () => {
    expect(emptyBatchProblem([])).toMatch(/^Invalid Request: an empty batch/);
    expect(emptyBatchProblem([{ jsonrpc: '2.0', method: 'ping', id: 1 }])).toBeUndefined();
    expect(emptyBatchProblem({ jsonrpc: '2.0', method: 'ping', id: 1 })).toBeUndefined();
  });

  it('a hang-up cancels each request it was waiting on', () => {
    expect(hangUpCancellations([7, 'x'])).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 7, reason: 'the client closed the connection' },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 'x', reason: 'the client closed the connection' },
      },
    ]);
  });
});
