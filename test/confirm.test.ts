// --confirm: destructive tools ask the person first; no answer, no request.
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

describe('confirmation before irreversible actions', () => {
  let fake: FakeBrevo;
  let asking: Connected;
  let mute: Connected;
  let answer: ElicitResult = { action: 'accept', content: { confirm: true } };
  const questions: string[] = [];

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    asking = await connectStdio({
      apiUrl: fake.url,
      args: ['--confirm'],
      capabilities: { capabilities: { elicitation: { form: {} } } },
    });
    asking.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      questions.push(request.params.message);
      return answer;
    });
    mute = await connectStdio({ apiUrl: fake.url, env: { BREVO_CONFIRM: '1' } });
  });
  afterAll(async () => {
    await asking?.close();
    await mute?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    questions.length = 0;
  });

  it('asks with a plain summary and goes ahead when the person confirms', async () => {
    answer = { action: 'accept', content: { confirm: true } };
    fake.route('DELETE', '/contacts/lists/12', { status: 204 });
    const result = await asking.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
    expect(result.isError).toBeFalsy();
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/Delete list: listId 12/);
    expect(fake.requests).toHaveLength(1);
  });

  it('sends nothing when the person declines or cancels', async () => {
    for (const action of ['decline', 'cancel'] as const) {
      answer = { action };
      const result = await asking.client.callTool({
        name: 'send_transac_email',
        arguments: { to: [{ email: 'b@example.com' }], subject: 'Hi', textContent: 'Hi' },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Nothing was sent/);
    }
    answer = { action: 'accept', content: { confirm: false } };
    const unticked = await asking.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
    expect(textOf(unticked)).toMatch(/did not confirm/);
    expect(fake.requests).toHaveLength(0);
  });

  it('does not ask for reads or reversible writes, nor for invalid arguments', async () => {
    await asking.client.callTool({ name: 'get_lists', arguments: {} });
    await asking.client.callTool({ name: 'create_list', arguments: { name: 'x', folderId: 1 } });
    const invalid = await asking.client.callTool({ name: 'delete_list', arguments: { listId: 'twelve' } });
    expect(textOf(invalid)).toMatch(/listId/);
    expect(questions).toHaveLength(0);
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses destructive tools for a client that cannot be asked', async () => {
    const result = await mute.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/--confirm.*elicitation/s);
    expect(fake.requests).toHaveLength(0);
    const read = await mute.client.callTool({ name: 'get_lists', arguments: {} });
    expect(read.isError).toBeFalsy();
  });
});
