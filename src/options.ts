// Every command-line option in one table: how it parses (node:util parseArgs reads `type` and
// `short` and ignores the rest), which help section it belongs to and its --help text, and
// whether only the HTTP transport uses it. The parser, the HTTP-only warning and --help read it.
type Section = 'main' | 'http' | 'oauth';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What follows the flag in --help (`N`, `URL`, `a,b`), if it takes a value. */
  arg?: string;
  section: Section;
  /** Given with --transport stdio, it does nothing: the server warns. */
  httpOnly?: true;
  help: string;
}

export const OPTIONS = {
  transport: {
    type: 'string',
    arg: 'stdio|http',
    section: 'main',
    help: 'How clients connect (default stdio; env BREVO_MCP_TRANSPORT)',
  },
  host: {
    type: 'string',
    arg: 'HOST',
    section: 'main',
    httpOnly: true,
    help: 'HTTP bind address (default 127.0.0.1; env BREVO_MCP_HOST)',
  },
  port: {
    type: 'string',
    arg: 'PORT',
    section: 'main',
    httpOnly: true,
    help: 'HTTP port, 0 for a free one (default 3000; env BREVO_MCP_PORT)',
  },
  toolsets: {
    type: 'string',
    arg: 'a,b|all',
    section: 'main',
    help:
      'Toolsets to expose, in any case, and nothing else (env BREVO_TOOLSETS). Without --toolsets or --tools, ' +
      'transactional_email, contacts and account are listed, with search_tools, describe_tool, call_tool and ' +
      'enable_toolset reaching every other operation',
  },
  tools: { type: 'string', arg: 'x,y', section: 'main', help: 'Expose exactly these tools (env BREVO_TOOLS)' },
  'exclude-tools': {
    type: 'string',
    arg: 'x,y',
    section: 'main',
    help: 'Never expose these tools (env BREVO_EXCLUDE_TOOLS)',
  },
  'read-only': {
    type: 'boolean',
    section: 'main',
    help: 'Only read-only tools; wins over the other filters (env BREVO_READ_ONLY=1)',
  },
  dynamic: {
    type: 'boolean',
    section: 'main',
    help:
      'List 4 meta-tools (search_tools, describe_tool, call_tool, enable_toolset) that reach every selected ' +
      'operation, instead of the operations (env BREVO_DYNAMIC=1); without --toolsets they reach the whole ' +
      'catalog; with --stateless, enable_toolset is not offered (nothing would keep it)',
  },
  code: {
    type: 'boolean',
    section: 'main',
    help:
      'List 2 tools, search and execute: the model writes a script that calls brevo.<operation>(args), run in a ' +
      'WebAssembly sandbox (env BREVO_CODE=1); without --toolsets it reaches the whole catalog; not with --dynamic',
  },
  'code-timeout-ms': {
    type: 'string',
    arg: 'N',
    section: 'main',
    help: 'Wall time of one script run, 1 to 120000 (default 30000; env BREVO_CODE_TIMEOUT_MS)',
  },
  'code-memory-mb': {
    type: 'string',
    arg: 'N',
    section: 'main',
    help: 'Memory of one script run, 16 to 256 (default 64; env BREVO_CODE_MEMORY_MB)',
  },
  'code-max-calls': {
    type: 'string',
    arg: 'N',
    section: 'main',
    help:
      'Brevo calls one script run may make, 1 to 1000 (default 200; env BREVO_CODE_MAX_CALLS); what a run ' +
      'sends is bound by --max-body-bytes',
  },
  confirm: {
    type: 'boolean',
    section: 'main',
    help:
      'Ask the user (MCP elicitation) before every destructive tool runs; clients without elicitation then get ' +
      'an error (env BREVO_CONFIRM=1)',
  },
  skills: {
    type: 'string',
    arg: 'announced|all|off',
    section: 'main',
    help:
      'Serve Brevo skills (SEP-2640) to clients that announce the extension (default), to every client, or to ' +
      'none (env BREVO_SKILLS)',
  },
  'max-result-chars': {
    type: 'string',
    arg: 'N',
    section: 'main',
    help: 'Longest tool result or resource text, 1000 to 1000000 (default 40000; env BREVO_MAX_RESULT_CHARS)',
  },
  'list-tools': {
    type: 'boolean',
    section: 'main',
    help:
      'Print tools as JSON and exit (no key needed): with a selection option (--toolsets, --tools, ' +
      '--exclude-tools, --read-only) the tools this server would serve; without one, the whole catalog',
  },
  sandbox: {
    type: 'boolean',
    section: 'main',
    help:
      'Serve against a built-in Brevo emulator with a demo account, in memory on 127.0.0.1: no key needed, ' +
      'nothing is sent, BREVO_API_KEY and BREVO_API_URL are ignored (env BREVO_SANDBOX=1)',
  },
  help: { type: 'boolean', short: 'h', section: 'main', help: 'This help' },
  version: { type: 'boolean', short: 'v', section: 'main', help: 'The version' },
  'auth-token': {
    type: 'string',
    arg: 'TOKEN',
    section: 'http',
    httpOnly: true,
    help:
      'Require "Authorization: Bearer TOKEN" on /mcp (env MCP_AUTH_TOKEN; prefer the env var: flags show in ' +
      'ps). Required to bind a non-loopback address (or OAuth)',
  },
  'allowed-origins': {
    type: 'string',
    arg: 'a,b',
    section: 'http',
    httpOnly: true,
    help:
      'Browser origins allowed besides loopback ones, e.g. https://app.example.com; * allows any ' +
      '(env BREVO_MCP_ALLOWED_ORIGINS)',
  },
  'allowed-hosts': {
    type: 'string',
    arg: 'a,b',
    section: 'http',
    httpOnly: true,
    help:
      'Host header values allowed besides loopback ones (name or name:port; * allows any) ' +
      '(env BREVO_MCP_ALLOWED_HOSTS)',
  },
  'max-body-bytes': {
    type: 'string',
    arg: 'N',
    section: 'http',
    httpOnly: true,
    help:
      'Largest request body, larger gets 413, at most 16777216 (default 1048576; env BREVO_MCP_MAX_BODY_BYTES); ' +
      'with --code, also per script call and run',
  },
  'max-sessions': {
    type: 'string',
    arg: 'N',
    section: 'http',
    httpOnly: true,
    help: 'Most open sessions, at most 10000 (default 100; env BREVO_MCP_MAX_SESSIONS)',
  },
  'session-idle-ms': {
    type: 'string',
    arg: 'N',
    section: 'http',
    httpOnly: true,
    help: 'Close a session after N ms without a request; 0 never (default 1800000; env BREVO_MCP_SESSION_IDLE_MS)',
  },
  stateless: {
    type: 'boolean',
    section: 'http',
    httpOnly: true,
    help:
      'No sessions for 2025-11-25 clients either: each POST is served on its own, for load balancing; GET and ' +
      'DELETE get 405 (env BREVO_MCP_STATELESS=1). 2026-07-28 requests are always served on their own',
  },
  'shutdown-grace-ms': {
    type: 'string',
    arg: 'N',
    section: 'http',
    httpOnly: true,
    help: 'On SIGINT/SIGTERM, wait this long for requests in flight (default 10000; env BREVO_MCP_SHUTDOWN_GRACE_MS)',
  },
  'allow-client-keys': {
    type: 'boolean',
    section: 'http',
    httpOnly: true,
    help:
      'A client may bring its own Brevo key in the X-Brevo-Api-Key header (its session is bound to it); a value ' +
      'that cannot be a key gets 401; BREVO_API_KEY becomes optional (env BREVO_MCP_ALLOW_CLIENT_KEYS=1)',
  },
  'oauth-issuer': {
    type: 'string',
    arg: 'URL',
    section: 'oauth',
    help:
      'Accept OAuth access tokens from this authorization server (its issuer URL); clients sign in through it ' +
      '(env BREVO_MCP_OAUTH_ISSUER)',
  },
  'public-url': {
    type: 'string',
    arg: 'URL',
    section: 'oauth',
    httpOnly: true,
    help:
      "The MCP endpoint's URL as clients reach it, e.g. https://mcp.example.com/mcp: tokens must be issued for " +
      'it (required off loopback; env BREVO_MCP_PUBLIC_URL)',
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options of the HTTP transport only: given with stdio, they do nothing. */
export const HTTP_ONLY = (Object.keys(OPTIONS) as OptionName[]).filter(
  (name) => (OPTIONS[name] as OptionSpec).httpOnly,
);

const FLAG_COLUMN = 27;
const WIDTH = 104;

/** The --help lines of one section: each flag with its argument, then its text wrapped beside it. */
export function optionsHelp(section: Section): string {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(OPTIONS) as [OptionName, OptionSpec][]) {
    if (spec.section !== section) continue;
    const flag = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;
    let line = flag.length < FLAG_COLUMN ? flag.padEnd(FLAG_COLUMN) : `${flag} `;
    for (const word of spec.help.split(' ')) {
      if (line.length + word.length > WIDTH && line.trim() !== flag.trim()) {
        lines.push(line.trimEnd());
        line = ' '.repeat(FLAG_COLUMN);
      }
      line += `${word} `;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
