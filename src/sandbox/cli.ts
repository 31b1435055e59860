// `brevo-mcp emulator [--port N]`: runs only the Brevo emulator, without MCP, for people testing
// their own Brevo integrations offline. Prints its base URL and key on stdout, serves on
// 127.0.0.1 until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { type Sandbox, startSandbox } from './server.js';

const HELP = `Usage: brevo-mcp emulator [--port N]

Runs only the built-in Brevo emulator (the one behind --sandbox), with the "Demo Shop" demo
account, in memory on 127.0.0.1: point your own Brevo client at the printed base URL with the
printed api-key. Requests are checked against Brevo's official API definition and answered as
Brevo does. Changes are lost when it stops (Ctrl-C).

Options:
  --port N      Port to listen on (default: a free one)
  -h, --help    This help
`;

/** Runs the emulator; resolves with an exit code only when it could not start. */
export async function runEmulator(argv: string[]): Promise<number | undefined> {
  let values: { port?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`brevo-mcp emulator: ${(error as Error).message} (see brevo-mcp emulator --help)\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`brevo-mcp emulator: --port must be a port number (0-65535), got "${values.port}"\n`);
    return 2;
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ port, keepAlive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      // wide: one message whose parts depend on conditions; kept whole so it reads as sent
      `brevo-mcp emulator: cannot listen on 127.0.0.1:${port}${code === 'EADDRINUSE' ? ' (the port is in use; pick another with --port, or 0 for a free one)' : `: ${(error as Error).message}`}\n`,
    );
    return 1;
  }
  process.stdout.write(
    [
      `Brevo emulator listening at ${sandbox.url} (demo account "Demo Shop"; in memory, lost on exit)`,
      `  base URL      ${sandbox.url}`,
      `  api-key       ${sandbox.apiKey}`,
      `  tracker URL   ${sandbox.trackerUrl} (ma-key ${sandbox.trackerKey})`,
      `Try: curl -H 'api-key: ${sandbox.apiKey}' ${sandbox.url}/account`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}
