/**
 * A JSON-RPC error for a request handler to throw. The SDK's McpError puts "MCP error <code>:"
 * into its own message, and clients add that prefix again when they read the answer; this one
 * carries the plain message, so a person reads "MCP error -32602: Unknown tool: x" once.
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}
