// Static mode (the default): every selected operation listed as its own tool.
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { RpcError } from '../rpc-error.js';
import type { ModeOptions, ToolMode } from './index.js';

export function staticMode(options: ModeOptions): ToolMode {
  const byName = new Map(options.entries.map((e) => [e.name, e]));
  return {
    list: () => options.listed,
    call({ name, args, run }) {
      const entry = byName.get(name);
      if (!entry)
        throw new RpcError(ProtocolErrorCode.InvalidParams, options.whyUnavailable(name) ?? `Unknown tool: ${name}`);
      return run(entry, args);
    },
  };
}
