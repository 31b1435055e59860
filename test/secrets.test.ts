// A distinctive key is used through a whole run (successes, Brevo errors that echo it back,
// validation errors, resources, debug logging) and must appear in no output at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { RawStdio } from './support/raw-stdio.js';

const KEY = 'xkeysib-LEAKCHECK-7f3a9c2e1b5d4f6a8e0c-QZ';
const MA_KEY = 'ma-LEAKCHECK-tracker-51e2';

describe('the API key never leaks', () => {
  let fake: FakeBrevo;
  let peer: RawStdio;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    // A hostile upstream that echoes the headers it got, in answers and in errors.
    fake.route('GET', /.*/, (req) => ({ json: { echoed: req.headers } }));
    fake.route('POST', /.*/, (req) => ({
      status: 400,
      json: { code: 'invalid_parameter', message: `bad request with key ${req.headers['api-key']}` },
    }));
    fake.route('DELETE', /.*/, (req) => ({
      status: 401,
      body: `unauthorized key=${req.headers['api-key']}`,
      headers: { 'content-type': 'text/plain' },
    }));
    peer = new RawStdio(
      { BREVO_API_KEY: KEY, BREVO_MA_KEY: MA_KEY, BREVO_API_URL: fake.url, BREVO_MCP_LOG_LEVEL: 'debug' },
      ['--toolsets', 'all'],
    );
    await peer.initialize();
  });
  afterAll(async () => {
    await peer?.stop();
    await fake?.close();
  });

  it('runs successes, errors and resource reads with the key', async () => {
    let id = 10;
    await peer.request(id++, 'tools/list');
    const echoed = await peer.request(id++, 'tools/call', { name: 'get_account', arguments: {} });
    expect(echoed.result.content[0].text).toContain('[redacted]');
    await peer.request(id++, 'tools/call', { name: 'create_list', arguments: { name: 'x', folderId: 1 } });
    await peer.request(id++, 'tools/call', { name: 'delete_list', arguments: { listId: 3 } });
    await peer.request(id++, 'tools/call', { name: 'create_list', arguments: { name: KEY } });
    await peer.request(id++, 'resources/read', { uri: 'brevo://account' });
    await peer.request(id++, 'resources/read', { uri: 'brevo://contacts/lists/3' });
    expect(fake.requests.every((r) => r.headers['api-key'] === KEY)).toBe(true);
  });

  it('printed neither key anywhere', async () => {
    await peer.stop();
    for (const secret of [KEY, MA_KEY]) {
      expect(peer.stdout).not.toContain(secret);
      expect(peer.stderr).not.toContain(secret);
    }
  });
});
