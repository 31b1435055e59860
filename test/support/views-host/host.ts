// A minimal MCP Apps host page for the browser test: loads a view's HTML in a sandboxed iframe under the CSP its
// resource declares, and talks to it through the extension's own host-side bridge (AppBridge); tool calls go to the
// real server through the test.
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';

type Theme = 'light' | 'dark';
interface Csp {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
}
interface ShowOptions {
  html: string;
  csp?: Csp;
  theme: Theme;
  width: number;
  toolInput: Record<string, unknown>;
  toolResult: Record<string, unknown>;
}

declare global {
  interface Window {
    /** Provided by the test (Playwright's exposeFunction): a tools/call on the real server. */
    callServerTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<Record<string, unknown>>;
    showView(options: ShowOptions): Promise<void>;
    setTheme(theme: Theme): Promise<void>;
    /** Puts the view in a container of fixed size, as a side panel would. */
    resizeContainer(width: number, height: number): Promise<void>;
    /** Every request the view made of the host, in order. */
    viewRequests: Array<{ method: string; params: unknown }>;
  }
}

/** A subset of the extension's standard variables, as a host like Claude's passes them. */
const HOST_STYLES: Record<Theme, Record<string, string>> = {
  light: {
    '--color-background-primary': '#ffffff',
    '--color-background-secondary': '#f3f2ee',
    '--color-text-primary': '#1f1e1d',
    '--color-text-secondary': '#5e5d59',
    '--color-border-primary': '#d6d4cd',
    '--font-sans': 'system-ui, sans-serif',
  },
  dark: {
    '--color-background-primary': '#262624',
    '--color-background-secondary': '#30302e',
    '--color-text-primary': '#f5f4ef',
    '--color-text-secondary': '#b8b5a9',
    '--color-border-primary': '#4a4945',
    '--font-sans': 'system-ui, sans-serif',
  },
};

/** The policy the specification tells hosts to build from a resource's declared domains. */
function cspFor(csp: Csp | undefined): string {
  const res = (csp?.resourceDomains ?? []).join(' ');
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${res}`,
    `style-src 'self' 'unsafe-inline' ${res}`,
    `connect-src 'self' ${(csp?.connectDomains ?? []).join(' ')}`,
    `img-src 'self' data: ${res}`,
    `font-src 'self' ${res}`,
    `media-src 'self' data: ${res}`,
    `frame-src ${(csp?.frameDomains ?? []).join(' ') || "'none'"}`,
    "object-src 'none'",
    `base-uri ${(csp?.baseUriDomains ?? []).join(' ') || "'self'"}`,
  ]
    .map((d) => d.trim())
    .join('; ');
}

let bridge: AppBridge | undefined;
/** Set once the container has a fixed size: the view's reported height no longer changes the frame. */
let fixedSize = false;
window.viewRequests = [];

window.showView = async (options) => {
  document.documentElement.dataset.theme = options.theme;
  window.viewRequests = [];
  fixedSize = false;
  await bridge?.close().catch(() => {});
  const iframe = document.createElement('iframe');
  iframe.id = 'view';
  iframe.title = 'MCP Apps view';
  // An opaque origin: the view can reach nothing of this page but postMessage.
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.style.width = `${options.width}px`;
  iframe.style.height = '120px';
  document.getElementById('stage')!.replaceChildren(iframe);

  bridge = new AppBridge(
    null,
    { name: 'brevo-mcp test host', version: '1.0.0' },
    { serverTools: {}, logging: {} },
    {
      hostContext: {
        theme: options.theme,
        styles: { variables: HOST_STYLES[options.theme] },
        displayMode: 'inline',
        availableDisplayModes: ['inline'],
        containerDimensions: { width: options.width, maxHeight: 6000 },
        locale: 'en-US',
        timeZone: 'UTC',
        platform: 'web',
      },
    },
  );
  bridge.oncalltool = async (params) => {
    window.viewRequests.push({ method: 'tools/call', params });
    return (await window.callServerTool(params)) as never;
  };
  bridge.onsizechange = ({ height }) => {
    if (height && !fixedSize) iframe.style.height = `${height}px`;
  };
  const initialized = new Promise<void>((resolve) => (bridge!.oninitialized = () => resolve()));
  await bridge.connect(new PostMessageTransport(iframe.contentWindow!, iframe.contentWindow!));
  // The policy goes first in <head>, so it covers everything the view's own HTML holds.
  iframe.srcdoc = options.html.replace(
    /<head>/i,
    `<head><meta http-equiv="Content-Security-Policy" content="${cspFor(options.csp)}">`,
  );
  await initialized;
  await bridge.sendToolInput({ arguments: options.toolInput });
  await bridge.sendToolResult(options.toolResult as never);
};

window.setTheme = async (theme) => {
  document.documentElement.dataset.theme = theme;
  await bridge!.sendHostContextChange({ theme, styles: { variables: HOST_STYLES[theme] } });
};

window.resizeContainer = async (width, height) => {
  fixedSize = true;
  const iframe = document.getElementById('view') as HTMLIFrameElement;
  iframe.style.width = `${width}px`;
  iframe.style.height = `${height}px`;
  await bridge!.sendHostContextChange({ containerDimensions: { width, height } });
};
