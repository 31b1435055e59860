// Unit tests of the request check (types, formats, bounds, anyOf, query and multipart text) and
// of the multipart reader, on the definitions in requests.json and on small schemas.
import { describe, expect, it } from 'vitest';
import { SandboxError } from './http.js';
import { multipartBoundary, parseMultipart, UploadedFile } from './multipart.js';
import { checkRequest, problemWith, specFor, type OperationSpec } from './request-check.js';

const check = (key: string, req: { params?: Record<string, string>; query?: string; body?: unknown }) =>
  checkRequest(specFor(key), { params: req.params ?? {}, query: new URLSearchParams(req.query ?? ''), body: req.body });

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('checkRequest on the official definitions', () => {
  it('has every contract operation, the tracker included', () => {
    for (const key of [
      'POST /smtp/email',
      'POST /crm/files',
      'GET /reseller/children',
      'POST /api/v2/trackEvent',
      'PATCH /crm/deals/{id}',
    ])
      expect(specFor(key), key).toBeDefined();
  });

  it('names a missing required field, nested ones by their path', () => {
    expect(refusal(() => check('POST /crm/deals', {}))).toEqual({
      code: 'missing_parameter',
      message: 'name is missing',
    });
    expect(refusal(() => check('POST /crm/deals', { body: {} }))).toEqual({
      code: 'missing_parameter',
      message: 'name is missing',
    });
    expect(
      refusal(() =>
        check('POST /smsCampaigns', { body: { name: 'x', sender: 'DemoShop', content: 'Hi', recipients: {} } }),
      ),
    ).toEqual({
      code: 'missing_parameter',
      message: 'recipients.listIds is missing',
    });
    expect(
      refusal(() =>
        check('POST /orders/status/batch', {
          body: {
            orders: [
              {
                id: '1',
                createdAt: 'x',
                updatedAt: 'x',
                status: 'completed',
                amount: 3,
                products: [{ productId: 'P1', quantity: 1 }],
              },
            ],
          },
        }),
      ),
    ).toEqual({
      code: 'missing_parameter',
      message: 'orders[0].products[0].price is missing',
    });
  });

  it('refuses wrong types, enums, formats and bounds with the field named', () => {
    expect(refusal(() => check('POST /contacts/lists', { body: { name: 'x', folderId: '1' } }))).toEqual({
      code: 'invalid_parameter',
      message: 'folderId should be an integer',
    });
    expect(
      refusal(() => check('POST /crm/tasks', { body: { name: 'Call', taskTypeId: 't', date: 'tomorrow' } })).message,
    ).toMatch(/^date is not a valid date-time/);
    expect(refusal(() => check('POST /crm/notes', { body: { text: '' } })).message).toBe('text should not be empty');
    expect(refusal(() => check('POST /smtp/email', { body: { to: [{ email: 'not-an-address' }] } })).message).toBe(
      'to[0].email is not a valid email address',
    );
    expect(refusal(() => check('GET /contacts', { query: 'limit=1001' })).message).toBe('limit should be at most 1000');
    expect(refusal(() => check('GET /contacts', { query: 'sort=up' })).message).toBe('sort should be one of asc, desc');
    expect(refusal(() => check('GET /contacts/lists/{listId}', { params: { listId: 'abc' } })).message).toBe(
      'listId should be an integer, got "abc"',
    );
    expect(
      refusal(() =>
        check('POST /transactionalSMS/sms', {
          body: { sender: 'A sender name too long', recipient: '33612345678', content: 'Hi' },
        }),
      ).message,
    ).toBe('sender should be at most 15 characters long');
  });

  it('reads query text as the type the definition says, arrays repeated or comma-separated', () => {
    expect(() => check('GET /contacts', { query: 'limit=10&offset=0&listIds=1&listIds=2' })).not.toThrow();
    expect(() => check('GET /contacts', { query: 'listIds=1,2' })).not.toThrow();
    expect(refusal(() => check('GET /contacts', { query: 'listIds=1,x' })).message).toBe(
      'listIds should be an integer, got "x"',
    );
    expect(refusal(() => check('GET /smtp/templates', { query: 'templateStatus=yes' })).message).toBe(
      'templateStatus should be true or false, got "yes"',
    );
    // string|integer path parameters take either.
    expect(() => check('GET /contacts/{identifier}', { params: { identifier: 'ann@example.com' } })).not.toThrow();
    expect(() => check('GET /contacts/{identifier}', { params: { identifier: '42' } })).not.toThrow();
  });

  it('accepts a body that fits any variant of a oneOf, and explains the closest one otherwise', () => {
    expect(() =>
      check('POST /whatsapp/sendMessage', {
        body: { senderNumber: '33612345678', contactNumbers: ['33698765432'], templateId: 3 },
      }),
    ).not.toThrow();
    // The text variant requires authType, which the definition never defines: not demanded.
    expect(() =>
      check('POST /whatsapp/sendMessage', {
        body: { senderNumber: '33612345678', contactNumbers: ['33698765432'], text: 'Hi' },
      }),
    ).not.toThrow();
    expect(
      refusal(() =>
        check('POST /whatsapp/sendMessage', {
          body: { senderNumber: '33612345678', contactNumbers: [3], templateId: 3 },
        }),
      ).message,
    ).toBe('contactNumbers[0] should be a string');
    expect(
      refusal(() =>
        check('POST /whatsapp/sendMessage', { body: { senderNumber: '33612345678', contactNumbers: ['33698765432'] } }),
      ).message,
    ).toBe('templateId is missing');
  });

  it('types multipart fields by the definition and wants the file as a file part', () => {
    const file = new UploadedFile('quote.pdf', 'application/pdf', Buffer.from('%PDF'));
    expect(check('POST /crm/files', { body: { file, contactId: '7', dealId: 'd1' } })).toEqual({
      file,
      contactId: 7,
      dealId: 'd1',
    });
    expect(refusal(() => check('POST /crm/files', { body: { dealId: 'd1' } }))).toEqual({
      code: 'missing_parameter',
      message: 'file is missing',
    });
    expect(refusal(() => check('POST /crm/files', { body: { file: 'not a file' } })).message).toBe(
      'file should be a file',
    );
    expect(refusal(() => check('POST /crm/files', { body: { file, contactId: 'seven' } })).message).toBe(
      'contactId should be an integer, got "seven"',
    );
    expect(check('POST /crm/deals/import', { body: { file, mapping: '{"link_entities":true}' } })).toMatchObject({
      mapping: { link_entities: true },
    });
  });

  it('leaves operations and fields the definition does not constrain alone', () => {
    const spec: OperationSpec = {
      body: { type: 'json', anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }] },
    };
    expect(
      checkRequest(spec, { params: {}, query: new URLSearchParams('unknown=1'), body: { a: 'x', extra: [1] } }),
    ).toEqual({ a: 'x', extra: [1] });
    expect(checkRequest(undefined, { params: {}, query: new URLSearchParams(), body: 5 })).toBe(5);
    expect(problemWith({ type: 'string', nullable: true }, null, 'x')).toBeUndefined();
    expect(problemWith({ type: 'string' }, null, 'x')?.message).toBe('x should be a string, not null');
  });
});

describe('parseMultipart', () => {
  it("reads what undici's FormData sends", async () => {
    const form = new FormData();
    form.append('dealId', '65f1c0de2a1b3c4d5e6f7a81');
    form.append(
      'file',
      new Blob([Buffer.from('line one\r\n--not a boundary\r\n')], { type: 'text/plain' }),
      'notes.txt',
    );
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    const type = request.headers.get('content-type')!;
    const fields = parseMultipart(Buffer.from(await request.arrayBuffer()), multipartBoundary(type)!);
    expect(fields?.dealId).toBe('65f1c0de2a1b3c4d5e6f7a81');
    const file = fields?.file as UploadedFile;
    expect(file).toBeInstanceOf(UploadedFile);
    expect([file.fileName, file.contentType, file.data.toString()]).toEqual([
      'notes.txt',
      'text/plain',
      'line one\r\n--not a boundary\r\n',
    ]);
  });

  it('refuses a body without its boundary or with a nameless part', () => {
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(parseMultipart(Buffer.from('no parts here'), 'b0und')).toBeUndefined();
    expect(
      parseMultipart(Buffer.from('--b0und\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b0und--\r\n'), 'b0und'),
    ).toBeUndefined();
  });
});
