// prompts/list and prompts/get over the definitions in ./definitions.ts, for one session: only
// the prompts whose tools the session offers are listed, and arguments are checked before the
// text is built.
import { ProtocolErrorCode, type GetPromptResult, type Prompt } from '@modelcontextprotocol/server';
import type { SourceName } from '../completions/sources.js';
import { PROMPTS, type PromptDefinition } from './definitions.js';
import { RpcError } from '../rpc-error.js';

export { PROMPTS, type PromptDefinition } from './definitions.js';

export class SessionPrompts {
  private readonly all: PromptDefinition[];
  private readonly available: PromptDefinition[];

  constructor(
    /** Whether the session offers a tool. */
    private readonly has: (tool: string) => boolean,
    definitions: PromptDefinition[] = PROMPTS,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {
    this.available = definitions.filter((p) => p.tools.every(has));
    this.all = definitions;
  }

  list(): Prompt[] {
    return this.available.map((p) => ({
      name: p.name,
      title: p.title,
      description: p.description,
      arguments: p.arguments.map((a) => ({ name: a.name, description: a.description, required: a.required ?? false })),
    }));
  }

  /** The prompt by name; an unknown one, or one whose tools this session lacks, is invalid params. */
  private find(name: string): PromptDefinition {
    const prompt = this.available.find((p) => p.name === name);
    if (prompt) return prompt;
    const hidden = this.all.find((p) => p.name === name);
    if (hidden) {
      const missing = hidden.tools.filter((t) => !this.has(t));
      throw new RpcError(
        ProtocolErrorCode.InvalidParams,
        `Prompt ${name} needs the tools ${missing.join(', ')}, which this session does not offer (enable ` +
          `their toolsets, and writes if --read-only)`,
      );
    }
    throw new RpcError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${name}`);
  }

  get(name: string, given: Record<string, string> = {}): GetPromptResult {
    const prompt = this.find(name);
    const known = new Set(prompt.arguments.map((a) => a.name));
    const unknown = Object.keys(given).filter((k) => !known.has(k));
    if (unknown.length)
      throw new RpcError(
        ProtocolErrorCode.InvalidParams,
        `Prompt ${name} has no argument ${unknown.join(', ')} (it takes ${[...known].join(', ')})`,
      );
    const args: Record<string, string | undefined> = {};
    const problems: string[] = [];
    for (const arg of prompt.arguments) {
      // Clients send empty strings for optional arguments left blank.
      const value = given[arg.name]?.trim() || undefined;
      if (value === undefined) {
        if (arg.required) problems.push(`${arg.name} is required (${arg.description})`);
      } else if (arg.pattern && !arg.pattern.test(value))
        problems.push(`${arg.name} must be ${arg.patternText ?? `like ${arg.pattern}`}, got "${value}"`);
      args[arg.name] = value;
    }
    if (problems.length)
      throw new RpcError(
        ProtocolErrorCode.InvalidParams,
        `Invalid arguments for prompt ${name}: ${problems.join('; ')}`,
      );
    return {
      description: prompt.description,
      messages: [{ role: 'user', content: { type: 'text', text: prompt.render(args, this.has, this.today()) } }],
    };
  }

  /** The completion source of a prompt argument; throws for a prompt this session does not list. */
  completionSource(name: string, argument: string): SourceName | undefined {
    return this.find(name).arguments.find((a) => a.name === argument)?.complete;
  }
}
