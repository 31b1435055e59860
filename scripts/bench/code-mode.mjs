// Code mode against the static tools, on multi-step tasks in the embedded sandbox (--sandbox).
// Each task is done both ways, from a fresh server (so a fresh demo account) each time:
//  - static: the tools of the toolsets the task needs are listed, and the calls a model would
//    make are made one by one, every answer read;
//  - code: search and execute are listed; the model searches, then writes one script.
// Tokens (o200k) count what a model reads and writes: the tool definitions (once per task, as if
// they were read once), each call's name and arguments, and each result. "Over turns" also counts
// what is read again on every turn, as a model reads the whole conversation before each call.
// Both ways must give the same answer; the wall time is the time of the calls, server start excluded.
import { deepStrictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';

const BIN = new URL('../../dist/cli.js', import.meta.url).pathname;
const tokens = (value) => encode(typeof value === 'string' ? value : JSON.stringify(value)).length;

async function connect(args, withTransport = false) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, '--sandbox', ...args],
    env: { PATH: process.env.PATH },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench-code-mode', version: '1' });
  await client.connect(transport);
  return withTransport ? { client, transport } : client;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * How long a one-call script takes: the first in a fresh server (engine start included), then warm ones; and the
 * server's peak RSS.
 */
async function runTimes(warmRuns) {
  const { client, transport } = await connect(['--code'], true);
  const code = 'return (await brevo.get_account()).companyName;';
  const time = async () => {
    const t0 = performance.now();
    const result = await client.callTool({ name: 'execute', arguments: { code } });
    if (result.isError) throw new Error(result.content[0].text);
    return performance.now() - t0;
  };
  const first = await time();
  const warm = [];
  for (let i = 0; i < warmRuns; i++) {
    // As a model would, with a moment between its calls: the spare engine gets ready.
    await new Promise((r) => setTimeout(r, 200));
    warm.push(await time());
  }
  const rss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${transport.pid}/status`, 'utf8'))[1]) / 1024;
  await client.close();
  return { first, warm: median(warm), rss };
}

/** A conversation with one server: what the model has read and written so far, and the time of the calls. */
class Conversation {
  constructor(client, definitions) {
    this.client = client;
    this.context = tokens(definitions);
    this.definitions = this.context;
    this.overTurns = 0;
    this.calls = 0;
    this.ms = 0;
  }

  async call(name, args, { expectError = false } = {}) {
    // Each call is a turn: the model reads everything so far, then writes the call.
    this.overTurns += this.context;
    const written = tokens({ name, arguments: args });
    const t0 = performance.now();
    const result = await this.client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
    this.ms += performance.now() - t0;
    const text = result.content.find((c) => c.type === 'text')?.text ?? '';
    if (!!result.isError !== expectError) throw new Error(`${name} ${expectError ? 'succeeded' : 'failed'}: ${text}`);
    this.context += written + tokens(text);
    this.overTurns += written;
    this.calls++;
    return text;
  }

  async json(name, args) {
    return JSON.parse(await this.call(name, args));
  }

  /** The final turn, where the model reads the last result and answers. */
  finish() {
    this.overTurns += this.context;
    return {
      tokens: this.context,
      overTurns: this.overTurns,
      definitions: this.definitions,
      calls: this.calls,
      ms: this.ms,
    };
  }
}

const TASKS = [
  {
    name: 'contacts in both VIP and newsletter lists',
    toolsets: ['contacts'],
    async static(c) {
      const { lists } = await c.json('get_lists', {});
      const id = (name) => lists.find((l) => l.name === name).id;
      const vip = await c.json('get_contacts_from_list', { listId: id('VIP customers') });
      const news = await c.json('get_contacts_from_list', { listId: id('Newsletter subscribers') });
      const inNews = new Set(news.contacts.map((x) => x.email));
      return vip.contacts
        .map((x) => x.email)
        .filter((e) => inNews.has(e))
        .sort();
    },
    searches: ['contact lists'],
    script: `const { lists } = await brevo.get_lists({});
const id = (name: string) => lists!.find((l) => l.name === name)!.id;
const [vip, news] = await Promise.all([brevo.get_contacts_from_list({ listId: id('VIP customers') }), brevo.get_contacts_from_list({ listId: id('Newsletter subscribers') })]);
const inNews = new Set(news.contacts.map((c) => c.email));
return vip.contacts.map((c) => c.email).filter((e) => inNews.has(e)).sort();`,
  },
  {
    name: 'members with a mobile number, per list',
    toolsets: ['contacts'],
    async static(c) {
      const { lists } = await c.json('get_lists', {});
      const out = {};
      for (const list of lists) {
        const { contacts } = await c.json('get_contacts_from_list', { listId: list.id, limit: 500 });
        out[list.name] = contacts.filter((x) => x.attributes.SMS).length;
      }
      return out;
    },
    searches: ['contact lists'],
    script: `const { lists } = await brevo.get_lists({});
const out: Record<string, number> = {};
for (const list of lists!) {
  const { contacts } = await brevo.get_contacts_from_list({ listId: list.id, limit: 500 });
  out[list.name] = contacts.filter((c) => c.attributes.SMS).length;
}
return out;`,
  },
  {
    name: 'a new list from a contact filter',
    toolsets: ['contacts'],
    async static(c) {
      const { folders } = await c.json('get_folders', {});
      const { contacts } = await c.json('get_contacts', { filter: 'equals(CITY,"Paris")' });
      const { id } = await c.json('create_list', { name: 'Paris customers', folderId: folders[0].id });
      await c.call('add_contact_to_list', { listId: id, emails: contacts.map((x) => x.email) });
      return { id, added: contacts.map((x) => x.email).sort() };
    },
    searches: ['contacts by attribute filter', 'create a list', 'add contacts to a list', 'folders'],
    script: `const { folders } = await brevo.get_folders({});
const { contacts } = await brevo.get_contacts({ filter: 'equals(CITY,"Paris")' });
const { id } = await brevo.create_list({ name: 'Paris customers', folderId: folders![0]!.id });
await brevo.add_contact_to_list({ listId: id, emails: contacts.map((c) => c.email!) });
return { id, added: contacts.map((c) => c.email).sort() };`,
  },
  {
    name: 'a template sent to a list, read back from the log',
    toolsets: ['contacts', 'transactional_email'],
    async static(c) {
      const { templates } = await c.json('get_smtp_templates', { templateStatus: true });
      const template = templates.find((t) => t.name === 'Order confirmation') ?? templates[0];
      const { lists } = await c.json('get_lists', {});
      const vip = lists.find((l) => l.name === 'VIP customers');
      const { contacts } = await c.json('get_contacts_from_list', { listId: vip.id });
      const sent = [];
      for (const x of contacts) {
        const answer = await c.json('send_transac_email', {
          templateId: template.id,
          to: [{ email: x.email }],
          params: { FIRSTNAME: x.attributes.FIRSTNAME, ORDER_ID: 'SPRING-1', TOTAL: '0.00' },
        });
        sent.push(answer.messageId);
      }
      const log = await c.json('get_transac_emails_list', { templateId: template.id, limit: 100 });
      return log.transactionalEmails
        .filter((e) => sent.includes(e.messageId))
        .map((e) => e.email)
        .sort();
    },
    searches: [
      'email templates',
      'send a transactional email with a template',
      'contact lists',
      'sent transactional emails',
    ],
    script: `const { templates } = await brevo.get_smtp_templates({ templateStatus: true });
const template = templates!.find((t) => t.name === 'Order confirmation') ?? templates![0]!;
const { lists } = await brevo.get_lists({});
const vip = lists!.find((l) => l.name === 'VIP customers')!;
const { contacts } = await brevo.get_contacts_from_list({ listId: vip.id });
const sent: string[] = [];
for (const c of contacts) {
  const answer = await brevo.send_transac_email({ templateId: template.id, to: [{ email: c.email! }], params: { FIRSTNAME: c.attributes.FIRSTNAME, ORDER_ID: 'SPRING-1', TOTAL: '0.00' } });
  sent.push(answer.messageId!);
}
const log = await brevo.get_transac_emails_list({ templateId: template.id, limit: 100 });
return log.transactionalEmails!.filter((e) => sent.includes(e.messageId)).map((e) => e.email).sort();`,
  },
  {
    name: 'who opened the order emails',
    toolsets: ['transactional_email'],
    async static(c) {
      const { templates } = await c.json('get_smtp_templates', {});
      const template = templates.find((t) => t.name === 'Order confirmation') ?? templates[0];
      const log = await c.json('get_transac_emails_list', { templateId: template.id });
      const out = {};
      for (const e of log.transactionalEmails) {
        const content = await c.json('get_transac_email_content', { uuid: e.uuid });
        out[e.email] = content.events.some((ev) => ev.name === 'opened');
      }
      return out;
    },
    // The second search names get_transac_email_content among its other matches; a model asks for it by name.
    searches: ['email templates', 'sent transactional emails', 'get_transac_email_content'],
    script: `const { templates } = await brevo.get_smtp_templates({});
const template = templates!.find((t) => t.name === 'Order confirmation') ?? templates![0]!;
const log = await brevo.get_transac_emails_list({ templateId: template.id });
const out: Record<string, boolean> = {};
for (const e of log.transactionalEmails!) {
  const content = await brevo.get_transac_email_content({ uuid: e.uuid });
  out[e.email] = content.events.some((ev) => ev.name === 'opened');
}
return out;`,
  },
  {
    // The kind of question code mode is for: several reads, a join, then writes.
    name: 'VIP customers the spring sale reached, into a follow-up list',
    toolsets: ['email_campaigns', 'contacts'],
    async static(c) {
      const { campaigns } = await c.json('get_email_campaigns', { status: 'sent' });
      const sale = campaigns.find((x) => /spring sale/i.test(x.name));
      const { lists } = await c.json('get_lists', {});
      const vip = lists.find((l) => l.name === 'VIP customers');
      const { contacts } = await c.json('get_contacts_from_list', { listId: vip.id });
      const reached = [];
      for (const x of contacts) {
        const info = await c.json('get_contact_info', { identifier: x.email });
        if (info.statistics?.messagesSent?.some((m) => m.campaignId === sale.id)) reached.push(x.email);
      }
      const { folders } = await c.json('get_folders', {});
      const { id } = await c.json('create_list', { name: 'Spring sale follow-up', folderId: folders[0].id });
      if (reached.length) await c.call('add_contact_to_list', { listId: id, emails: reached });
      return { listId: id, reached: reached.sort() };
    },
    searches: [
      'email campaigns',
      'contact campaign statistics',
      'contact lists',
      'folders',
      'create a list',
      'add contacts to a list',
    ],
    script: `const { campaigns } = await brevo.get_email_campaigns({ status: 'sent' });
const sale = campaigns!.find((x) => /spring sale/i.test(x.name))!;
const { lists } = await brevo.get_lists({});
const vip = lists!.find((l) => l.name === 'VIP customers')!;
const { contacts } = await brevo.get_contacts_from_list({ listId: vip.id });
const reached: string[] = [];
for (const c of contacts) {
  const info = await brevo.get_contact_info({ identifier: c.email! });
  if (info.statistics.messagesSent?.some((m) => m.campaignId === sale.id)) reached.push(c.email!);
}
const { folders } = await brevo.get_folders({});
const { id } = await brevo.create_list({ name: 'Spring sale follow-up', folderId: folders![0]!.id });
if (reached.length) await brevo.add_contact_to_list({ listId: id, emails: reached });
return { listId: id, reached: reached.sort() };`,
  },
  {
    name: 'a 404 told apart from other errors',
    toolsets: ['contacts'],
    async static(c) {
      const text = await c.call('get_contact_info', { identifier: 'nobody@example.com' }, { expectError: true });
      return /HTTP 404/.test(text) ? 'not a contact' : 'a contact';
    },
    searches: ['get a contact'],
    script: `try { await brevo.get_contact_info({ identifier: 'nobody@example.com' }); return 'a contact'; }
catch (e: any) { if (e.status === 404) return 'not a contact'; throw e; }`,
  },
];

async function runStatic(task) {
  const client = await connect(['--toolsets', task.toolsets.join(',')]);
  try {
    const c = new Conversation(client, await client.listTools());
    const answer = await task.static(c);
    return { answer, ...c.finish() };
  } finally {
    await client.close();
  }
}

async function runCode(task) {
  const client = await connect(['--code']);
  try {
    const c = new Conversation(client, await client.listTools());
    // The model writes calls only of operations whose declaration a search showed it in full.
    const declared = new Set();
    for (const query of task.searches) {
      const found = await c.call('search', { query });
      for (const m of found.matchAll(/^(\w+)\(args/gm)) declared.add(m[1]);
    }
    const unseen = [...new Set([...task.script.matchAll(/brevo\.(\w+)\(/g)].map((m) => m[1]))].filter(
      (name) => !declared.has(name),
    );
    if (unseen.length) throw new Error(`${task.name}: the script calls ${unseen.join(', ')}, which no search declared`);
    const text = await c.call('execute', { code: task.script });
    return { answer: JSON.parse(text.split('\n--- console ---\n')[0]), ...c.finish() };
  } finally {
    await client.close();
  }
}

export async function codeModeSection({ quick = false } = {}) {
  const rows = [];
  const sum = { static: { tokens: 0, overTurns: 0, ms: 0 }, code: { tokens: 0, overTurns: 0, ms: 0 } };
  for (const task of TASKS) {
    const s = await runStatic(task);
    const c = await runCode(task);
    deepStrictEqual(c.answer, s.answer, `${task.name}: code mode and the static tools disagree`);
    for (const [key, r] of [
      ['static', s],
      ['code', c],
    ]) {
      sum[key].tokens += r.tokens;
      sum[key].overTurns += r.overTurns;
      sum[key].ms += r.ms;
    }
    rows.push({
      task: task.name,
      'static calls': s.calls,
      'static tokens (once)': s.tokens,
      'code calls': c.calls,
      'code tokens (once)': c.tokens,
      ratio: (c.tokens / s.tokens).toFixed(2),
      'over turns (static/code)': `${s.overTurns}/${c.overTurns}`,
      'wall ms (static/code)': `${s.ms.toFixed(0)}/${c.ms.toFixed(0)}`,
    });
  }
  console.log(
    `code mode vs the static tools of the toolsets involved: ${TASKS.length} multi-step tasks in ` +
      `the sandbox, same answers both ways (tokens: o200k)`,
  );
  console.table(rows);
  const ratio = sum.code.tokens / sum.static.tokens;
  const turnsRatio = sum.code.overTurns / sum.static.overTurns;
  const verdict = (r) => `target <= 0.200 ${r <= 0.2 ? 'met' : 'NOT met'}`;
  console.log(
    `suite, what a model reads and writes over its turns (every turn reads the definitions and ` +
      `the conversation so far): ` +
      `static ${sum.static.overTurns} tokens, code ${sum.code.overTurns}: ratio ${turnsRatio.toFixed(3)} ` +
      `(${verdict(turnsRatio)})\n` +
      `suite, definitions counted once per task: static ${sum.static.tokens} tokens, code ${sum.code.tokens}: ` +
      `ratio ${ratio.toFixed(3)} (${verdict(ratio)})\n` +
      `suite, wall time of the calls: static ${sum.static.ms.toFixed(0)} ms, code ${sum.code.ms.toFixed(0)} ` +
      `ms (every task in a fresh server: each script run there is its first)`,
  );
  const runs = await runTimes(quick ? 5 : 20);
  console.log(
    `a one-call script: first run in a fresh server ${runs.first.toFixed(0)} ms (engine and type ` +
      `stripper load), later runs median ${runs.warm.toFixed(1)} ms; ` +
      `server peak RSS after them ${runs.rss.toFixed(1)} MB\n`,
  );
  return { ratio, turnsRatio, sum, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) await codeModeSection({ quick: process.env.BENCH_QUICK === '1' });
