// The views on the server side: _meta.ui on the tools whose answers they show and the ui:// resources that serve their
// built HTML, both only for a client that announced MCP Apps.
import { existsSync, readFileSync } from 'node:fs';
import {
  ProtocolErrorCode,
  type ClientCapabilities,
  type ReadResourceResult,
  type Resource,
  type Tool,
} from '@modelcontextprotocol/server';
import { RpcError } from '../rpc-error.js';
import { VIEWS, type ViewDefinition } from './definitions.js';

export { VIEWS, type ViewDefinition } from './definitions.js';

/** The extension's identifier in capabilities.extensions (SEP-1865, MCP Apps 2026-01-26). */
export const APPS_EXTENSION = 'io.modelcontextprotocol/ui';
export const VIEW_MIME_TYPE = 'text/html;profile=mcp-app';

/**
 * What a host needs to sandbox a view: no origin at all for network requests or resources (every
 * script, style and font is inside the HTML), and a border around it.
 */
const VIEW_UI_META = { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true };

/** Built by scripts/build-views.mjs; the same place from src/views/ (tests) and dist/views/. */
const htmlDir = new URL('../../dist/views/html/', import.meta.url);
export const viewHtmlUrl = (view: ViewDefinition) => new URL(`${view.id}.html`, htmlDir);

/** Whether a client renders views: it announced the extension with the HTML profile. */
export function clientRendersViews(capabilities: ClientCapabilities | undefined): boolean {
  const ui = capabilities?.extensions?.[APPS_EXTENSION] as { mimeTypes?: unknown } | undefined;
  return Array.isArray(ui?.mimeTypes) && ui.mimeTypes.includes(VIEW_MIME_TYPE);
}

let built: ViewDefinition[] | undefined;
/** The views whose HTML was built (a checkout compiled with tsc alone has none, and then declares none). */
function builtViews(): ViewDefinition[] {
  built ??= VIEWS.filter((v) => existsSync(viewHtmlUrl(v)));
  return built;
}

const htmlCache = new Map<string, string>();

/** The views of one session: what it lists depends on its client and on the tools it offers. */
export class SessionViews {
  private readonly annotated = new WeakMap<Tool[], Tool[]>();

  constructor(private readonly offers: (tool: string) => boolean) {}

  /** The views for a client with these capabilities (2025: its session's; 2026: its request's). */
  private active(client: ClientCapabilities | undefined): ViewDefinition[] {
    return clientRendersViews(client) ? builtViews().filter((v) => this.offers(v.tool)) : [];
  }

  /** The tools as listed, with each view named on its tool; the same array for a client without Apps. */
  annotate(tools: Tool[], client: ClientCapabilities | undefined): Tool[] {
    const views = new Map(this.active(client).map((v) => [v.tool, v]));
    if (!views.size || !tools.some((t) => views.has(t.name))) return tools;
    let out = this.annotated.get(tools);
    if (!out) {
      out = tools.map((t) => {
        const view = views.get(t.name);
        // The flat key is the extension's deprecated form, still read by hosts built before it
        // settled; its own server helper writes both.
        return view ? { ...t, _meta: { ...t._meta, ui: { resourceUri: view.uri }, 'ui/resourceUri': view.uri } } : t;
      });
      this.annotated.set(tools, out);
    }
    return out;
  }

  resources(client: ClientCapabilities | undefined): Resource[] {
    return this.active(client).map((v) => ({
      uri: v.uri,
      name: v.name,
      title: v.title,
      description: v.description,
      mimeType: VIEW_MIME_TYPE,
      _meta: { ui: VIEW_UI_META },
    }));
  }

  owns(uri: string): boolean {
    return uri.startsWith('ui://');
  }

  read(uri: string): ReadResourceResult {
    const view = builtViews().find((v) => v.uri === uri);
    if (!view) throw new RpcError(ProtocolErrorCode.InvalidParams, `Resource not found: ${uri}`, { uri });
    let text = htmlCache.get(view.id);
    if (text === undefined) {
      text = readFileSync(viewHtmlUrl(view), 'utf8');
      htmlCache.set(view.id, text);
    }
    return { contents: [{ uri, mimeType: VIEW_MIME_TYPE, text, _meta: { ui: VIEW_UI_META } }] };
  }
}
