// Checks on an HTTP request's shape that the SDK does not make: one Host header, no empty batch; and what a hang-up
// cancels.

/**
 * Why a request with more than one Host header is refused (the first may pass the allow-list while a proxy uses
 * another).
 */
export function duplicateHostProblem(rawHeaders: string[]): string | undefined {
  let hosts = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'host') hosts++;
  return hosts > 1 ? `Bad request: ${hosts} Host headers; send exactly one` : undefined;
}

/**
 * Why a POST body is not a JSON-RPC message at all: an empty batch is an Invalid Request (JSON-RPC 2.0 §6), not 202.
 */
export function emptyBatchProblem(body: unknown): string | undefined {
  return Array.isArray(body) && body.length === 0
    ? 'Invalid Request: an empty batch; send a JSON-RPC message or a non-empty array of them'
    : undefined;
}

/**
 * What a client that hangs up before its answers arrive means: it no longer wants them. Each
 * request it was waiting on gets notifications/cancelled, as if the client had sent it, so a
 * script or a Brevo call stops instead of running on for nobody.
 */
export function hangUpCancellations(requestIds: Array<string | number>) {
  return requestIds.map((requestId) => ({
    jsonrpc: '2.0' as const,
    method: 'notifications/cancelled' as const,
    params: { requestId, reason: 'the client closed the connection' },
  }));
}
