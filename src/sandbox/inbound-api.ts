// Inbound email: the messages the account's inbound domain received (seeded: customers writing to
// support), listed and read by uuid, with attachments downloadable by their token. Brevo gives the
// token in its inbound webhook; the sandbox also shows it with the attachment, the only way to reach it here.
import { randomUUID } from 'node:crypto';
import type { InboundEmail } from './core-store.js';
import { invalid, notFound, type SandboxRequest, routes } from './http.js';
import { SHOP_DOMAIN, type Ago } from './seed-people.js';
import { DAY, type Store } from './store.js';
import { page, paging, queryDate } from './validate.js';

function listInbound(req: SandboxRequest, store: Store) {
  const window = paging(req, 100, 500);
  const sender = req.query.get('sender')?.toLowerCase();
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start === undefined) !== (end === undefined)) throw invalid('startDate and endDate go together (YYYY-MM-DD)');
  const sort = req.query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalid('sort should be asc or desc');
  const found = store.inbound
    .filter(
      (e) =>
        (!sender || e.sender === sender) &&
        (!start || Date.parse(e.receivedAt) >= start.getTime()) &&
        (!end || Date.parse(e.receivedAt) < end.getTime() + DAY),
    )
    .sort((a, b) => (sort === 'asc' ? 1 : -1) * a.receivedAt.localeCompare(b.receivedAt));
  return {
    status: 200,
    body: {
      events: page(found, window).map((e) => ({
        uuid: e.uuid,
        date: e.receivedAt,
        sender: e.sender,
        recipient: e.recipient,
      })),
    },
  };
}

function inboundView(e: InboundEmail) {
  return {
    receivedAt: e.receivedAt,
    deliveredAt: e.deliveredAt,
    recipient: e.recipient,
    sender: e.sender,
    messageId: e.messageId,
    subject: e.subject,
    attachments: e.attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      contentId: a.contentId,
      contentLength: a.data.length,
      downloadToken: a.downloadToken,
    })),
    logs: e.logs.map((l) => ({ ...l })),
  };
}

export const inboundRoutes = routes({
  'GET /inbound/events': listInbound,
  'GET /inbound/events/{uuid}': (req, store) => {
    const found = store.inbound.find((e) => e.uuid === req.params.uuid);
    if (!found) throw notFound('Inbound event does not exist');
    return { status: 200, body: inboundView(found) };
  },
  'GET /inbound/attachments/{downloadToken}': (req, store) => {
    for (const e of store.inbound)
      for (const a of e.attachments)
        if (a.downloadToken === req.params.downloadToken)
          return { status: 200, raw: { data: a.data, contentType: a.contentType, fileName: a.name } };
    throw notFound('Attachment does not exist');
  },
});

/** Three customers wrote to support; one message carries a photo and an invoice. */
export function seedInbound(store: Store, ago: Ago): void {
  const recipient = `support@reply.${SHOP_DOMAIN}`;
  const mail = (
    sender: string,
    days: number,
    subject: string,
    attachments: InboundEmail['attachments'],
    failed = false,
  ) => {
    const receivedAt = ago(days, 2);
    const deliveredAt = new Date(Date.parse(receivedAt) + 4_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    store.inbound.push({
      uuid: randomUUID(),
      receivedAt,
      deliveredAt,
      sender,
      recipient,
      messageId: `<${randomUUID()}@mail.example>`,
      subject,
      attachments,
      logs: [
        { date: receivedAt, type: 'received' },
        { date: deliveredAt, type: 'processed' },
        { date: deliveredAt, type: failed ? 'webhookFailed' : 'webhookDelivered' },
      ],
    });
  };
  const attachment = (name: string, contentType: string, text: string): InboundEmail['attachments'][number] => ({
    name,
    contentType,
    contentId: randomUUID().replace(/-/g, '').slice(0, 24),
    data: Buffer.from(text, 'utf8'),
    downloadToken: randomUUID().replace(/-/g, ''),
  });
  mail('emma.martin@example.com', 9, 'Question about my order DS-10012', []);
  mail('lucas.bernard@example.com', 5, 'Scarf arrived damaged', [
    attachment('photo-description.txt', 'text/plain', 'A pulled thread along the edge of the indigo linen scarf.\n'),
    attachment('invoice-DS-10020.txt', 'text/plain', 'Demo Shop invoice DS-10020: indigo linen scarf, 39.00 EUR\n'),
  ]);
  mail('olivia.smith@example.com', 1, 'Gift wrapping?', [], true);
}
