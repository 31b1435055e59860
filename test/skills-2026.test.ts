// Skills through the v2 SDK's own host side (SkillsClient) on protocol 2026-07-28, over stdio and
// stateless Streamable HTTP: a host that announces the extension lists every skill and reads
// each file, verified by the SDK against its digest, size and frontmatter, with the caching
// hints 2026-07-28 requires; a client that does not announce it sees none and keeps its prompts.
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { skillCatalog } from '../src/skills/catalog.js';
import { SKILLS_EXTENSION } from '../src/skills/protocol.js';
import { startHttpServer } from './support/mcp.js';
import { connectHttp2026, connectStdio2026, type Modern } from './support/mcp-2026.js';

const ANNOUNCING = { capabilities: { extensions: { [SKILLS_EXTENSION]: {} } } };
const skills = skillCatalog();

describe.each(['stdio', 'stateless http'] as const)('skills on 2026-07-28 over %s', (transport) => {
  let host: Modern;
  let plain: Modern;
  let stop = async () => {};

  beforeAll(async () => {
    const args = ['--sandbox', '--toolsets', 'all'];
    if (transport === 'stdio') {
      host = await connectStdio2026({ args, client: ANNOUNCING });
      plain = await connectStdio2026({ args });
    } else {
      const server = await startHttpServer({ args: [...args, '--stateless'] });
      host = await connectHttp2026(server.url, { client: ANNOUNCING });
      plain = await connectHttp2026(server.url);
      stop = async () => void (await server.stop());
    }
  });
  afterAll(async () => {
    await host?.close();
    await plain?.close();
    await stop();
  });

  it('a host sees every skill and reads every file, each verified by the SDK', async () => {
    const reader = new SkillsClient(host.client);
    expect(reader.supported).toBe(true);
    expect(reader.directoryRead).toBe(true);
    const listing = await reader.list();
    expect(listing.invalid).toEqual([]);
    expect(listing).toMatchObject({ ttlMs: expect.any(Number), cacheScope: 'private' });
    expect(listing.skills.map((s) => s.frontmatter.name)).toEqual(skills.map((s) => s.name));
    for (const entry of listing.skills) {
      const shipped = skills.find((s) => s.uri === entry.uri)!;
      for (const file of shipped.files) {
        const read = await reader.read(entry, file.path);
        expect(read.verified, file.uri).toBe(true);
        expect(read.text, file.uri).toBe(file.text);
      }
      const got = await reader.get(entry.uri);
      expect(got.skill).toEqual(entry);
      expect(got).toMatchObject({ ttlMs: expect.any(Number), cacheScope: 'private' });
    }
  });

  it('a client without the extension sees none, is refused the methods, and keeps its prompts', async () => {
    const reader = new SkillsClient(plain.client);
    expect(reader.supported).toBe(false);
    expect((await reader.list()).skills).toEqual([]);
    // The SDK's client does not send a method the server did not declare: ask on the wire anyway.
    await expect(plain.client.request({ method: 'skills/list', params: {} }, z.looseObject({}))).rejects.toMatchObject({
      code: -32021,
    });
    expect((await plain.client.listPrompts()).prompts).toHaveLength(6);
    expect((await host.client.listPrompts()).prompts).toHaveLength(6);
  });
});
