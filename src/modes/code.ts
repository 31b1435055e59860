// Code mode (--code): search and execute in place of the catalog; the scripts' calls reach the
// selected operations through code mode's bridge (src/code/).
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { type CodeLimits, createCodeMode } from '../code/index.js';
import { RpcError } from '../rpc-error.js';
import type { ModeOptions, ToolMode } from './index.js';

export function codeMode(options: ModeOptions & { limits: CodeLimits; runShare?: string }): ToolMode {
  const code = createCodeMode({
    entries: options.entries,
    whyUnavailable: options.whyUnavailable,
    readOnly: options.readOnly,
    limits: options.limits,
    runShare: options.runShare,
  });
  return {
    list: () => code.list(),
    async call({ name, args, script, changed }) {
      const ran = await code.call(name, args, script);
      if (!ran)
        throw new RpcError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool: ${name} (code mode lists search and execute)`,
        );
      await changed(ran.succeeded);
      return ran.result ?? { isError: true, content: [{ type: 'text', text: 'Cancelled.' }] };
    },
  };
}
