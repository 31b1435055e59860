// The emulator's store stays bounded (src/sandbox/limits.ts): contacts, attribute sizes and
// import rows are capped, and a write past a cap gets Brevo's { code, message } error naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/sandbox/limits.js';
import { startEmulator, type Emulator } from './support/emulator.js';

describe('the sandbox store is bounded', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('refuses an attribute value or a contact larger than the caps, naming the field', async () => {
    const long = 'x'.repeat(LIMITS.attributeValueChars + 1);
    expect(
      await emu.request('POST', '/contacts', { email: 'big@example.com', attributes: { NOTES: long } }),
    ).toMatchObject({
      status: 400,
      json: { code: 'out_of_range', message: expect.stringMatching(/^attributes\.NOTES is too long/) },
    });
    const quarter = 'y'.repeat(LIMITS.attributeValueChars);
    const many = Object.fromEntries(['A1', 'A2', 'A3', 'A4', 'A5'].map((k) => [k, quarter]));
    expect(await emu.request('POST', '/contacts', { email: 'big@example.com', attributes: many })).toMatchObject({
      status: 400,
      json: { code: 'out_of_range', message: expect.stringMatching(/per contact/) },
    });
    expect((await emu.request('GET', '/contacts/big%40example.com')).status).toBe(404);
    // Growing an existing contact past the cap is refused too.
    await emu.ok('POST', '/contacts', { email: 'big@example.com', attributes: { A1: quarter, A2: quarter } });
    expect(
      (
        await emu.request('PUT', '/contacts/big%40example.com', {
          attributes: { A3: quarter, A4: quarter, A5: quarter },
        })
      ).status,
    ).toBe(400);
  });

  it('reports an imported row with a value past the cap as invalid, and imports the rest', async () => {
    const { processId } = await emu.ok('POST', '/contacts/import', {
      jsonBody: [
        { email: 'fits@example.com', attributes: { FIRSTNAME: 'Fits' } },
        { email: 'toolong@example.com', attributes: { FIRSTNAME: 'z'.repeat(LIMITS.attributeValueChars + 1) } },
      ],
      listIds: [1],
    });
    const process = await emu.ok('GET', `/processes/${processId}`);
    const report = await (await fetch(process.info.import.invalid_emails)).text();
    expect(report).toMatch(/^LINE;VALUE;REASON\n2;toolong@example.com;line 2\.FIRSTNAME is too long/);
    expect((await emu.request('GET', '/contacts/fits%40example.com')).status).toBe(200);
    expect((await emu.request('GET', '/contacts/toolong%40example.com')).status).toBe(404);
  });

  it('refuses an import of more rows than the cap, and contacts past the cap', async () => {
    const rows = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com` }));
    expect(
      await emu.request('POST', '/contacts/import', { jsonBody: rows(LIMITS.importRows + 1, 'over'), listIds: [1] }),
    ).toMatchObject({ status: 400, json: { code: 'out_of_range', message: expect.stringMatching(/jsonBody holds/) } });

    const wide = `${Array.from({ length: LIMITS.importColumns + 1 }, (_, i) => `C${i}`).join(';')}\n`;
    expect(await emu.request('POST', '/contacts/import', { fileBody: wide, listIds: [1] })).toMatchObject({
      status: 400,
      json: { code: 'out_of_range', message: 'fileBody has 201 columns; the sandbox imports at most 200' },
    });

    const { count } = await emu.ok('GET', '/contacts?limit=1');
    const room = LIMITS.contacts - count;
    await emu.ok('POST', '/contacts/import', { jsonBody: rows(room, 'fill'), listIds: [1] });
    expect((await emu.ok('GET', '/contacts?limit=1')).count).toBe(LIMITS.contacts);
    const refused = {
      status: 400,
      json: { code: 'out_of_range', message: expect.stringMatching(/keeps at most 5000 contacts/) },
    };
    expect(await emu.request('POST', '/contacts', { email: 'one.more@example.com' })).toMatchObject(refused);
    expect(
      await emu.request('POST', '/contacts/import', { jsonBody: [{ email: 'one.more@example.com' }], listIds: [1] }),
    ).toMatchObject(refused);
    expect(
      await emu.request('POST', '/events', { event_name: 'x', identifiers: { email_id: 'one.more@example.com' } }),
    ).toMatchObject(refused);
    // Updating existing contacts still works at the cap, and deleting one makes room.
    await emu.ok('PUT', '/contacts/fill0%40example.com', { attributes: { FIRSTNAME: 'Still' } });
    await emu.ok('DELETE', '/contacts/fill0%40example.com');
    await emu.ok('POST', '/contacts', { email: 'one.more@example.com' });
  });
});
