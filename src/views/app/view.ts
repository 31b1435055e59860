// What every view does around its own drawing: connect to the host, follow its context, wait for the tool's answer,
// read it as data, and report problems in words.
import { VIEWS } from '../definitions.js';
import { HostBridge, type ToolResult } from './bridge.js';
import { h, messageOf, notice } from './dom.js';
import { setLocale } from './format.js';
import { applyHostContext } from './theme.js';

declare const BREVO_MCP_VERSION: string;

export interface ViewContext {
  /** Where the view draws; emptied before each answer is drawn. */
  root: HTMLElement;
  /** The arguments the tool was called with. */
  args: Record<string, unknown>;
  /**
   * Calls one of this view's read-only tools through the host and returns its answer as data; an error result throws
   * with its text.
   */
  call(name: string, args: Record<string, unknown>): Promise<unknown>;
}

/** A tool answer that is not data this view can draw; the message says why in words. */
export class UnreadableResult extends Error {}

/** The data in a tool result: structured content when there is some, else the JSON text. */
export function resultData(result: ToolResult): unknown {
  const text = result.content?.find((c) => c.type === 'text')?.text ?? '';
  if (result.isError) throw new UnreadableResult(text || 'The tool reported an error without a message.');
  if (result.structuredContent && typeof result.structuredContent === 'object') return result.structuredContent;
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableResult(
      /\[cut: \d+ more characters/.test(text)
        ? 'This answer was cut by the server’s size limit (--max-result-chars), so it cannot be drawn. ' +
            'Ask for less (a filter, a smaller page) or raise the limit.'
        : 'This answer is not the data this view draws.',
    );
  }
}

export function startView(id: string, render: (data: unknown, ctx: ViewContext) => void | Promise<void>): void {
  const definition = VIEWS.find((v) => v.id === id);
  if (!definition) throw new Error(`no view ${id}`);
  const root = document.getElementById('view')!;
  let args: Record<string, unknown> = {};

  const bridge = new HostBridge(
    { name: `brevo-mcp ${definition.title}`, version: BREVO_MCP_VERSION },
    definition.reads,
    {
      toolInput: (input) => {
        args = input;
      },
      toolResult: (result) => void show(result),
      toolCancelled: (reason) => root.replaceChildren(notice(`The tool call was cancelled: ${reason}`, 'error')),
      hostContext: (context) => {
        applyHostContext(context);
        setLocale(context.locale, context.timeZone);
      },
    },
  );

  const call = async (name: string, callArgs: Record<string, unknown>) =>
    resultData(await bridge.callTool(name, callArgs));

  async function show(result: ToolResult) {
    // Busy while drawing (which may include calls through the host): screen readers wait for the whole.
    root.setAttribute('aria-busy', 'true');
    root.replaceChildren();
    try {
      await render(resultData(result), { root, args, call });
    } catch (error) {
      root.replaceChildren(h('h1', {}, definition!.title), notice(messageOf(error), 'error'));
    }
    root.removeAttribute('aria-busy');
  }

  // For hosts' automation and tests: the same guarded call the view itself uses.
  (window as unknown as { brevoView: unknown }).brevoView = {
    callTool: (name: string, callArgs: Record<string, unknown> = {}) => bridge.callTool(name, callArgs),
  };

  const alone = setTimeout(
    () =>
      root.replaceChildren(
        h('h1', {}, definition.title),
        notice('This page is a view for MCP Apps hosts: it shows a tool’s answer when a host opens it.'),
      ),
    5000,
  );
  bridge.connect().then(
    () => clearTimeout(alone),
    (error: Error) => {
      clearTimeout(alone);
      root.replaceChildren(notice(`The host refused this view: ${error.message}`, 'error'));
    },
  );
}
