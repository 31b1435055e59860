// The view's side of MCP Apps: JSON-RPC over postMessage with the host (handshake, tool input and result, host context,
// size) and tools/call limited to the view's own read-only tools.
import type { McpUiHostContext, McpUiInitializeResult } from '@modelcontextprotocol/ext-apps';

/** The extension's protocol revision this view speaks. */
export const PROTOCOL_VERSION = '2026-01-26';

export interface ToolResult {
  content?: Array<{ type: string; text?: string }>;
  structuredContent?: unknown;
  isError?: boolean;
}

export interface ViewEvents {
  toolInput?(args: Record<string, unknown>): void;
  toolResult?(result: ToolResult): void;
  toolCancelled?(reason: string): void;
  hostContext?(context: McpUiHostContext): void;
}

type Message = {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string };
};

/** A tool name the view may not call: refused here, before anything reaches the host. */
export class RefusedToolError extends Error {}

/**
 * The check every view-initiated call passes: only the tools this view lists, all of them
 * read-only (the build verifies that against the catalog), whatever the caller asks for.
 */
export function checkReadOnlyCall(allowed: readonly string[], name: unknown): asserts name is string {
  if (typeof name !== 'string' || !allowed.includes(name)) {
    throw new RefusedToolError(
      `Refused: ${String(name)} is not one of the read-only tools this view may call (${allowed.join(', ')}); ` +
        `nothing was sent.`,
    );
  }
}

export class HostBridge {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private context: McpUiHostContext = {};
  private lastSize = '';

  constructor(
    private readonly appInfo: { name: string; version: string },
    private readonly reads: readonly string[],
    private readonly events: ViewEvents,
  ) {
    window.addEventListener('message', (event) => {
      // Only the host that embeds this view speaks to it.
      if (event.source !== window.parent) return;
      const message = event.data as Message;
      if (message?.jsonrpc !== '2.0') return;
      this.receive(message);
    });
  }

  get hostContext(): McpUiHostContext {
    return this.context;
  }

  /** ui/initialize, then initialized; resolves with the host context. */
  async connect(): Promise<McpUiHostContext> {
    const result = (await this.request('ui/initialize', {
      protocolVersion: PROTOCOL_VERSION,
      appInfo: this.appInfo,
      appCapabilities: { availableDisplayModes: ['inline'] },
    })) as McpUiInitializeResult;
    this.context = result.hostContext ?? {};
    this.events.hostContext?.(this.context);
    this.notify('ui/notifications/initialized', {});
    this.reportSize();
    const observer = new ResizeObserver(() => this.reportSize());
    observer.observe(document.documentElement);
    observer.observe(document.body);
    return this.context;
  }

  /** Calls one of this view's read-only tools through the host; anything else is refused unsent. */
  async callTool(name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
    checkReadOnlyCall(this.reads, name);
    return (await this.request('tools/call', { name, arguments: args })) as ToolResult;
  }

  private request(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ jsonrpc: '2.0', id, method, params });
    });
  }

  private notify(method: string, params: Record<string, unknown>): void {
    this.post({ jsonrpc: '2.0', method, params });
  }

  private post(message: Message): void {
    // The host's origin is not knowable from a sandboxed frame; the message carries no secret.
    window.parent.postMessage(message, '*');
  }

  private receive(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      const waiting = this.pending.get(Number(message.id));
      if (!waiting) return;
      this.pending.delete(Number(message.id));
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
      return;
    }
    const params = message.params ?? {};
    switch (message.method) {
      case 'ui/notifications/tool-input':
        this.events.toolInput?.((params.arguments as Record<string, unknown>) ?? {});
        break;
      case 'ui/notifications/tool-result':
        this.events.toolResult?.(params as ToolResult);
        break;
      case 'ui/notifications/tool-cancelled':
        this.events.toolCancelled?.(String(params.reason ?? 'cancelled'));
        break;
      case 'ui/notifications/host-context-changed':
        this.context = { ...this.context, ...params };
        this.events.hostContext?.(this.context);
        break;
      case 'ui/resource-teardown':
      case 'ping':
        this.post({ jsonrpc: '2.0', id: message.id, result: {} });
        break;
      default:
        if (message.id !== undefined)
          this.post({
            jsonrpc: '2.0',
            id: message.id,
            error: { code: -32601, message: `Method not found: ${message.method}` },
          });
    }
  }

  /** The content's size, so a host that sizes the frame to its view can do so. */
  private reportSize(): void {
    requestAnimationFrame(() => {
      const root = document.documentElement;
      const previous = root.style.height;
      root.style.height = 'max-content';
      const height = Math.ceil(root.getBoundingClientRect().height);
      root.style.height = previous;
      const width = Math.ceil(window.innerWidth);
      const size = `${width}x${height}`;
      if (size === this.lastSize) return;
      this.lastSize = size;
      this.notify('ui/notifications/size-changed', { width, height });
    });
  }
}
