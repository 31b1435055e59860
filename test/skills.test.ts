// Skills (SEP-2640) through the SDK Client: a client that announces the extension sees every skill
// over stdio and Streamable HTTP, with digests that match the bytes it reads; one that does not
// sees none and keeps its prompts; a read-only server marks the skills that need writes. Then each
// skill's script, read from the server as a host would, runs in code mode against --sandbox and
// does what its SKILL.md promises, checked with separate reads.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { skillCatalog } from '../src/skills/catalog.js';
import { SKILLS_EXTENSION } from '../src/skills/protocol.js';
import { WRITES_META } from '../src/skills/session.js';
import type { Json } from './support/json.js';
import { BIN, connectHttp, connectStdio, startHttpServer, textOf, type Connected } from './support/mcp.js';

const WITH_SKILLS = { capabilities: { extensions: { [SKILLS_EXTENSION]: {} } } };
const answer = z.looseObject({});
const skills = skillCatalog();
const sha256 = (text: string) => `sha256:${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`;

const listSkills = (conn: Connected) => conn.client.request({ method: 'skills/list', params: {} }, answer) as Json;
const readText = async (conn: Connected, uri: string) => {
  const read = await conn.client.readResource({ uri });
  return (read.contents[0] as { text: string }).text;
};

describe.each(['stdio', 'http'] as const)('skills over %s', (transport) => {
  let host: Connected;
  let plain: Connected;
  let stop = async () => {};

  beforeAll(async () => {
    const args = ['--sandbox', '--toolsets', 'all'];
    if (transport === 'stdio') {
      host = await connectStdio({ args, capabilities: WITH_SKILLS });
      plain = await connectStdio({ args });
    } else {
      const server = await startHttpServer({ args });
      host = await connectHttp(server.url, {}, WITH_SKILLS);
      plain = await connectHttp(server.url);
      stop = async () => void (await server.stop());
    }
  });
  afterAll(async () => {
    await host?.close();
    await plain?.close();
    await stop();
  });

  it('declares the extension, with directory reads, to the client that announced it', () => {
    expect(host.client.getServerCapabilities()?.extensions?.[SKILLS_EXTENSION]).toEqual({ directoryRead: true });
  });

  it('lists every skill with caching hints, and each file read back matches its digest and size', async () => {
    const listed = await listSkills(host);
    expect(listed).toMatchObject({ ttlMs: expect.any(Number), cacheScope: 'private' });
    expect(listed.skills.map((s: Json) => s.frontmatter.name)).toEqual(skills.map((s) => s.name));
    for (const entry of listed.skills) {
      expect(entry._meta).toBeUndefined();
      expect(entry.resources.map((r: Json) => r.uri)).toContain(entry.uri);
      for (const resource of entry.resources) {
        const text = await readText(host, resource.uri);
        expect(sha256(text), resource.uri).toBe(resource.digest);
        expect(Buffer.byteLength(text, 'utf8'), resource.uri).toBe(resource.size);
      }
      const got = (await host.client.request({ method: 'skills/get', params: { uri: entry.uri } }, answer)) as Json;
      expect(got.skill).toEqual(entry);
    }
  });

  it("lists each skill's SKILL.md among the resources, named and described by its frontmatter", async () => {
    const { resources } = await host.client.listResources();
    const listed = resources.filter((r) => r.uri.startsWith('skill://'));
    expect(listed).toEqual(
      skills.map((s) => ({
        uri: s.uri,
        name: s.name,
        description: s.description,
        mimeType: 'text/markdown',
        size: s.files[0]!.size,
      })),
    );
    const plainList = await plain.client.listResources();
    expect(plainList.resources.filter((r) => r.uri.startsWith('skill://'))).toEqual([]);
  });

  it('lists a skill folder and its subfolders', async () => {
    const dir = (await host.client.request(
      { method: 'resources/directory/read', params: { uri: 'skill://brevo-crm-pipeline/' } },
      answer,
    )) as Json;
    expect(dir.resources.map((r: Json) => [r.name, r.mimeType])).toEqual([
      ['prompts', 'inode/directory'],
      ['scripts', 'inode/directory'],
      ['SKILL.md', 'text/markdown'],
    ]);
  });

  it('an unknown skill is invalid params naming it', async () => {
    await expect(
      host.client.request({ method: 'skills/get', params: { uri: 'skill://brevo-nothing/SKILL.md' } }, answer),
    ).rejects.toMatchObject({ code: ErrorCode.InvalidParams, message: expect.stringMatching(/No skill at/) });
  });

  it('a client without the extension sees no skills and keeps its prompts', async () => {
    expect(plain.client.getServerCapabilities()?.extensions?.[SKILLS_EXTENSION]).toBeUndefined();
    await expect(listSkills(plain)).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
    await expect(
      plain.client.request({ method: 'skills/get', params: { uri: skills[0]!.uri } }, answer),
    ).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
    await expect(plain.client.readResource({ uri: skills[0]!.uri })).rejects.toThrow(/not found/i);
    const prompts = await plain.client.listPrompts();
    expect(prompts.prompts).toHaveLength(6);
    // The host keeps them too: prompts and skills side by side.
    expect((await host.client.listPrompts()).prompts).toHaveLength(6);
  });
});

describe('skills on a read-only server with the default toolsets', () => {
  let host: Connected;
  beforeAll(async () => {
    host = await connectStdio({
      args: ['--sandbox', '--toolsets', 'transactional_email,contacts,account', '--read-only'],
      capabilities: WITH_SKILLS,
    });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('lists only the skills whose read tools it offers, and marks the writes it cannot make', async () => {
    const listed = (await listSkills(host)).skills;
    const names = listed.map((s: Json) => s.frontmatter.name);
    expect(names).toEqual(['brevo-contact-imports', 'brevo-segments', 'brevo-transactional-email']);
    for (const entry of listed) {
      const skill = skills.find((s) => s.name === entry.frontmatter.name)!;
      expect(entry._meta[WRITES_META]).toEqual({ missing: skill.writes, why: expect.stringMatching(/--read-only/) });
    }
    await expect(
      host.client.request({ method: 'skills/get', params: { uri: 'skill://brevo-crm-pipeline/SKILL.md' } }, answer),
    ).rejects.toThrow(/needs the tools get_pipelines/);
  });
});

describe('the --skills setting', () => {
  it('all: a client that did not announce the extension gets it too; off: even one that did gets nothing', async () => {
    const everyone = await connectStdio({ args: ['--sandbox', '--toolsets', 'all', '--skills', 'all'] });
    try {
      expect(everyone.client.getServerCapabilities()?.extensions?.[SKILLS_EXTENSION]).toEqual({ directoryRead: true });
      expect((await listSkills(everyone)).skills).toHaveLength(skills.length);
    } finally {
      await everyone.close();
    }
    const none = await connectStdio({ args: ['--sandbox', '--skills', 'off'], capabilities: WITH_SKILLS });
    try {
      expect(none.client.getServerCapabilities()?.extensions).toBeUndefined();
      await expect(listSkills(none)).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
      expect((await none.client.listPrompts()).prompts.length).toBeGreaterThan(0);
    } finally {
      await none.close();
    }
  });

  it('refuses a value it does not know, naming the choices', async () => {
    const run = promisify(execFile);
    await expect(run(process.execPath, [BIN, '--sandbox', '--skills', 'some'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/--skills must be one of announced, all, off, got "some"/),
    });
  });
});

describe("each skill's script, read from the server and run in code mode against --sandbox", () => {
  let host: Connected;
  /** Runs a script in code mode and returns its value; a failed run fails the test with its text. */
  const run = async (code: string): Promise<Json> => {
    const result = await host.client.callTool({ name: 'execute', arguments: { code } });
    expect(result.isError, textOf(result)).toBeFalsy();
    return JSON.parse(textOf(result).split('\n--- console ---\n')[0]!);
  };
  /** The skill's one script, as a host gets it: listed by skills/get, read with resources/read. */
  const scriptOf = async (name: string) => {
    const { skill } = (await host.client.request(
      { method: 'skills/get', params: { uri: `skill://${name}/SKILL.md` } },
      answer,
    )) as Json;
    const uris = skill.resources.map((r: Json) => r.uri).filter((u: string) => u.includes('/scripts/'));
    expect(uris).toHaveLength(1);
    return readText(host, uris[0]);
  };

  beforeAll(async () => {
    host = await connectStdio({ args: ['--sandbox', '--code', '--toolsets', 'all'], capabilities: WITH_SKILLS });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('brevo-sending-domains: the domain is added and authenticated, its records listed, senders checked', async () => {
    const out = await run(await scriptOf('brevo-sending-domains'));
    expect(out).toMatchObject({ domain: 'news.example.com', created: true, authenticated: true, verified: true });
    expect(out.toPublish.map((r: Json) => r.kind)).toEqual(expect.arrayContaining(['brevo_code', 'dkim_record']));
    for (const record of out.toPublish) expect(record).toMatchObject({ type: 'TXT', value: expect.any(String) });
    const { domains } = await run(`return await brevo.get_domains({});`);
    expect(domains.find((d: Json) => d.domain_name === 'news.example.com')).toMatchObject({ authenticated: true });
    const { senders } = await run(`return await brevo.get_senders({});`);
    expect(out.senders.map((s: Json) => s.email)).toEqual(senders.map((s: Json) => s.email));
    expect(out.senders.every((s: Json) => s.domainAuthenticated)).toBe(true);
  });

  it('brevo-email-campaigns: the draft is tested, queued for its time, and the report matches the stats', async () => {
    const before = Date.now();
    const out = await run(await scriptOf('brevo-email-campaigns'));
    expect(out.status).toBe('queued');
    const at = Date.parse(out.scheduledAt);
    expect(at - before).toBeGreaterThan(47 * 3600 * 1000);
    expect(at - before).toBeLessThan(49 * 3600 * 1000);
    const campaign = await run(`return await brevo.get_email_campaign({ campaignId: ${out.campaignId} });`);
    expect(campaign).toMatchObject({ status: 'queued', recipients: { lists: [out.listId] } });
    const stats = (
      await run(
        `return await brevo.get_email_campaign({ campaignId: ${out.report.campaignId}, statistics: 'globalStats' });`,
      )
    ).statistics.globalStats;
    expect(out.report).toMatchObject({ sent: stats.sent, delivered: stats.delivered });
    expect(out.report.openRate).toBeCloseTo((100 * stats.uniqueViews) / stats.delivered, 1);
    expect(out.report.clickRate).toBeCloseTo((100 * stats.uniqueClicks) / stats.delivered, 1);
  });

  it('brevo-transactional-email: the template goes live; the message, sent with params, is in the log', async () => {
    const out = await run(await scriptOf('brevo-transactional-email'));
    expect(out).toMatchObject({ logged: true, loggedSubject: 'Your order A-1042 is on its way' });
    expect(out.events).toContain('delivered');
    const template = await run(`return await brevo.get_smtp_template({ templateId: ${out.templateId} });`);
    expect(template).toMatchObject({ isActive: true, name: 'Order shipped' });
  });

  it('brevo-contact-imports: sign-ups join with consent; blocklisted members leave the other list', async () => {
    const dirty = await run(`
      const { lists } = await brevo.get_lists({ limit: 50 });
      const list = lists.find((l) => l.name === 'Newsletter subscribers');
      const { contacts } = await brevo.get_contacts_from_list({ listId: list.id, limit: 500 });
      const gone = contacts.filter((c) => c.emailBlacklisted || (c.listUnsubscribed ?? []).includes(list.id));
      return { id: list.id, blocked: gone.map((c) => c.email).sort(), count: contacts.length };`);
    expect(dirty.blocked.length).toBeGreaterThan(0);
    const out = await run(await scriptOf('brevo-contact-imports'));
    expect(out.members).toEqual(['lena.fischer@example.com', 'omar.haddad@example.com']);
    expect(out.cleaned).toEqual({
      listId: dirty.id,
      before: dirty.count,
      removed: dirty.blocked,
      after: dirty.count - dirty.blocked.length,
    });
    const lena = await run(`return await brevo.get_contact_info({ identifier: 'lena.fischer@example.com' });`);
    expect(lena.attributes).toMatchObject({ FIRSTNAME: 'Lena', OPT_IN_SOURCE: 'autumn fair form' });
    expect(lena.listIds).toContain(out.listId);
    const left = await run(
      `return (await brevo.get_contacts_from_list({ listId: ${dirty.id}, limit: 500 })).contacts.map((c) => c.email);`,
    );
    for (const email of dirty.blocked) expect(left).not.toContain(email);
  });

  it('brevo-segments: every segment is sized and the filter frozen into a list of reachable contacts', async () => {
    const expected = await run(`
      const { segments } = await brevo.get_segments({});
      const counts = {};
      for (const s of segments)
        counts[s.id] = (await brevo.get_contacts({ segmentId: s.id, limit: 1000 })).contacts.length;
      const paris = (await brevo.get_contacts({ filter: 'equals(CITY,"Paris")', limit: 1000 })).contacts;
      return { counts, paris: paris.filter((c) => !c.emailBlacklisted).map((c) => c.email).sort() };`);
    const out = await run(await scriptOf('brevo-segments'));
    expect(Object.fromEntries(out.segments.map((s: Json) => [s.id, s.contacts]))).toEqual(expected.counts);
    expect(out.added).toEqual(expected.paris);
    expect(expected.paris.length).toBeGreaterThan(0);
    const members = await run(
      `return (await brevo.get_contacts_from_list({ listId: ${out.listId} })).contacts.map((c) => c.email).sort();`,
    );
    expect(members).toEqual(expected.paris);
  });

  it('brevo-crm-pipeline: the deal sits in the first stage with its company, an open task and a note', async () => {
    const out = await run(await scriptOf('brevo-crm-pipeline'));
    const [pipeline] = await run(`return await brevo.get_pipelines({});`);
    expect(out).toMatchObject({ pipeline: pipeline.pipeline_name, stage: pipeline.stages[0].name });
    expect(out.dealStage).toBe(pipeline.stages[0].id);
    expect(out.dealCompanies).toEqual([out.companyId]);
    expect(out.openTasks).toEqual(['Call Northwind Traders about the quote']);
    const notes = await run(`return await brevo.get_notes({ entity: 'deals', entityIds: '${out.dealId}' });`);
    expect(notes.map((n: Json) => n.id)).toContain(out.noteId);
  });

  it('brevo-sms-whatsapp: the SMS passes the rules and is delivered; a WhatsApp template goes out', async () => {
    const out = await run(await scriptOf('brevo-sms-whatsapp'));
    expect(out.sms).toMatchObject({ parts: 1, unicode: false });
    expect(out.sms.events).toContain('delivered');
    expect(out.whatsapp).toMatchObject({ sent: true, messageId: expect.any(String) });
    expect(out.whatsapp.events).toContain('sent');
    const { templates } = await run(`return await brevo.get_whatsapp_templates({});`);
    expect(templates.find((t: Json) => t.id === out.whatsapp.templateId)?.status).toBe('approved');
  });

  it('brevo-loyalty-coupons: the collection holds its codes; the member is enrolled and credited', async () => {
    const out = await run(await scriptOf('brevo-loyalty-coupons'));
    expect(out.coupons).toMatchObject({ name: 'WINTER10', total: 3, remaining: 3 });
    expect(out.loyalty.status).toBe('completed');
    const read = await run(`return await brevo.get_contact_balances({ pid: '${out.loyalty.pid}' });`);
    const mine = read.balances.find((b: Json) => b.contactId === out.loyalty.contactId);
    expect(mine?.value).toBe(120);
    const collection = await run(`return await brevo.get_coupon_collection({ id: '${out.coupons.collectionId}' });`);
    expect(collection).toMatchObject({ name: 'WINTER10', defaultCoupon: 'WINTER10', totalCoupons: 3 });
  });
});
