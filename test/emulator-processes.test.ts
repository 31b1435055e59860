// The emulator's processes over HTTP: notifyUrl called back on loopback when a process ends,
// processes paged newest first, transactional webhook events exported from the email log.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './support/emulator.js';

describe('emulator processes', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('calls notifyUrl on loopback with the finished process', async () => {
    const received: unknown[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/done`;
      const { processId } = await emu.ok('POST', '/contacts/import', {
        jsonBody: [{ email: 'hook.test@example.com' }],
        listIds: [1],
        notifyUrl: url,
      });
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toEqual({
        method: 'POST',
        type: 'application/json',
        body: { id: processId, status: 'completed', name: 'IMPORTUSER' },
      });
    } finally {
      hook.close();
    }
  });

  it('imports by phone number: a row with only SMS updates its contact; a number taken twice is reported', async () => {
    const emma = await emu.ok('GET', '/contacts/emma.martin%40example.com');
    const { processId } = await emu.ok('POST', '/contacts/import', {
      fileBody: [
        'EMAIL;SMS;FIRSTNAME',
        `;+${emma.attributes.SMS};Emmy`,
        'new.phone@example.com;+33 6 11 22 33 44;New',
        'other.phone@example.com;33611223344;Other',
        ';;Nobody',
      ].join('\n'),
      listIds: [3],
    });
    expect((await emu.ok('GET', '/contacts/emma.martin%40example.com')).attributes.FIRSTNAME).toBe('Emmy');
    expect((await emu.ok('GET', '/contacts/new.phone%40example.com')).attributes.SMS).toBe('33611223344');
    expect((await emu.request('GET', '/contacts/other.phone%40example.com')).status).toBe(404);
    const { info } = await emu.ok('GET', `/processes/${processId}`);
    expect(await (await fetch(info.import.duplicate_phone_id)).text()).toBe('LINE;IDENTIFIER\n4;33611223344\n');
    expect(await (await fetch(info.import.invalid_emails)).text()).toBe(
      'LINE;VALUE;REASON\n5;;no EMAIL, EXT_ID or phone number\n',
    );
  });

  it('pages processes newest first and counts them all', async () => {
    for (let i = 0; i < 3; i++)
      await emu.ok('POST', '/contacts/export', { customContactFilter: { actionForContacts: 'allContacts' } });
    const { processes, count } = await emu.ok('GET', '/processes?limit=2');
    expect(processes).toHaveLength(2);
    expect(processes[0].id).toBeGreaterThan(processes[1].id);
    expect(count).toBeGreaterThanOrEqual(4);
    const asc = await emu.ok('GET', '/processes?limit=1&sort=asc');
    expect(asc.processes[0].name).toBe('IMPORTUSER');
    expect((await emu.request('GET', '/processes?limit=51')).status).toBe(400);
  });

  it('exports transactional webhook events from the email log, and 404s an unknown webhook', async () => {
    const { processId } = await emu.ok('POST', '/webhooks/export', {
      type: 'transactional',
      event: 'delivered',
      notifyURL: 'https://hooks.demoshop.example/x',
      days: 30,
    });
    const { export_url } = await emu.ok('GET', `/processes/${processId}`);
    const rows = (await (await fetch(export_url)).text()).trim().split('\n');
    expect(rows[0]).toBe('DATE;EVENT;EMAIL;SUBJECT;MESSAGE_ID;DETAIL');
    const delivered = (await emu.ok('GET', '/smtp/statistics/events?event=delivered&days=30&limit=5000')).events;
    expect(rows.length - 1).toBe(delivered.length);
    expect(
      await emu.request('POST', '/webhooks/export', {
        type: 'marketing',
        event: 'click',
        notifyURL: 'https://hooks.demoshop.example/x',
        webhookId: 99,
      }),
    ).toMatchObject({ status: 404, json: { code: 'document_not_found' } });
  });
});
