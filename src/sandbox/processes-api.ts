// Background processes with real effects: contact imports (jsonBody, CSV in fileBody, or a file
// this emulator serves at fileUrl) create and update contacts and lists; exports (contacts,
// campaign recipients, webhook events) write a CSV the emulator serves at the export_url they
// report. Each runs to completion at once; get_process shows its true name, status and result.
import { parse } from 'csv-parse/sync';
import { isOfType, openerIp, eventTime, type RecipientsType } from './contact-activity.js';
import type { Process, ProcessName } from './core-store.js';
import { toCsv } from './files.js';
import { blankContact } from './contacts-api.js';
import { invalid, missing, notFound, type SandboxRequest, routes } from './http.js';
import { admitContacts, checkAttributeSizes, LIMITS, pastCap } from './limits.js';
import { notifyLoopback } from './notify.js';
import { fates } from './campaign-stats.js';
import { DAY, type Contact, type Store } from './store.js';
import {
  bodyOf,
  countedPage,
  intParam,
  isEmail,
  optBool,
  optInt,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  paging,
  reqString,
  sorted,
  type Body,
} from './validate.js';

function startProcess(store: Store, name: ProcessName, result: Partial<Process>, notifyUrl?: string): Process {
  const process: Process = {
    id: store.nextId('process'),
    name,
    status: 'completed',
    createdAt: store.now(),
    ...result,
  };
  store.processes.set(process.id, process);
  // Brevo forgets old processes too; the sandbox keeps the latest ones.
  for (const id of store.processes.keys()) {
    if (store.processes.size <= LIMITS.processes) break;
    store.processes.delete(id);
  }
  if (notifyUrl) notifyLoopback(notifyUrl, processView(process));
  return process;
}

export function processView(p: Process) {
  return {
    id: p.id,
    status: p.status,
    name: p.name,
    ...(p.exportUrl !== undefined ? { export_url: p.exportUrl } : {}),
    ...(p.importReports ? { info: { import: { ...p.importReports } } } : {}),
  };
}

// ---- Imports

interface Row {
  /** Line of the file (1 is the header) or index in jsonBody (1-based). */
  line: number;
  values: Record<string, string>;
}

/** CSV text as Brevo reads it: a header row of attribute names, ';' (or ',', or tab) between fields. */
function csvRows(text: string, field: string): Row[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    throw invalid(`${field} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...body] = records;
  if (!header?.length) throw invalid(`${field} has no header row (EMAIL;FIRSTNAME;...)`);
  if (body.length > LIMITS.importRows)
    throw pastCap(`${field} holds ${body.length} rows; the sandbox imports at most ${LIMITS.importRows}`);
  if (header.length > LIMITS.importColumns)
    throw pastCap(`${field} has ${header.length} columns; the sandbox imports at most ${LIMITS.importColumns}`);
  const names = header.map((h) => h.toUpperCase());
  return body.map((cells, i) => ({
    line: i + 2,
    values: Object.fromEntries(names.map((name, j) => [name, cells[j] ?? ''])),
  }));
}

function jsonRows(items: unknown[], field: string): Row[] {
  if (items.length > LIMITS.importRows)
    throw pastCap(`${field} holds ${items.length} contacts; the sandbox imports at most ${LIMITS.importRows}`);
  return items.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw invalid(`${field}[${i}] should be an object`);
    const { email, attributes } = item as Body;
    const values: Record<string, string> = {};
    if (attributes !== undefined) {
      if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
        throw invalid(`${field}[${i}].attributes should be an object`);
      for (const [k, v] of Object.entries(attributes)) values[k.toUpperCase()] = v === null ? '' : String(v);
    }
    if (email !== undefined) values.EMAIL = String(email);
    return { line: i + 1, values };
  });
}

/** The rows to import from jsonBody, fileBody or fileUrl (exactly one of them). */
function importRows(body: Body, store: Store): Row[] {
  const sources = ['fileUrl', 'fileBody', 'jsonBody'].filter((k) => body[k] !== undefined && body[k] !== null);
  if (!sources.length) throw missing('fileUrl, fileBody or jsonBody');
  if (sources.length > 1)
    throw invalid(`give only one of fileUrl, fileBody and jsonBody, not ${sources.join(' and ')}`);
  if (body.jsonBody !== undefined) {
    if (!Array.isArray(body.jsonBody)) throw invalid('jsonBody should be an array of {email, attributes}');
    return jsonRows(body.jsonBody, 'jsonBody');
  }
  if (body.fileBody !== undefined) return csvRows(reqString(body, 'fileBody'), 'fileBody');
  const url = reqString(body, 'fileUrl');
  const file = store.files.at(url);
  if (!file?.data)
    throw invalid(
      'fileUrl: the sandbox reaches no network; it imports only files it serves itself ' +
        `(${store.files.origin}/files/...), such as an export. Put the rows in fileBody or jsonBody instead.`,
    );
  const text = file.data.toString('utf8');
  if (/^\s*\[/.test(text)) {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      throw invalid('fileUrl: the file is not valid JSON');
    }
    if (!Array.isArray(items)) throw invalid('fileUrl: a JSON file should hold an array of {email, attributes}');
    return jsonRows(items, 'fileUrl');
  }
  return csvRows(text, 'fileUrl');
}

const IDENTIFIER_COLUMNS = ['EMAIL', 'EXT_ID', 'CONTACT_ID', 'CONTACT ID'];
const PHONES = ['SMS', 'WHATSAPP', 'LANDLINE_NUMBER'];

function importContacts(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const listIds = optIntArray(body, 'listIds') ?? [];
  const newList = optObject(body, 'newList');
  const notifyUrl = optString(body, 'notifyUrl');
  const emailBlacklist = optBool(body, 'emailBlacklist') ?? false;
  const smsBlacklist = optBool(body, 'smsBlacklist') ?? false;
  const update = optBool(body, 'updateExistingContacts') ?? true;
  const emptyAttributes = optBool(body, 'emptyContactsAttributes') ?? false;
  optBool(body, 'disableNotification');
  if (!listIds.length && !newList) throw missing('listIds');
  for (const id of listIds) if (!store.lists.has(id)) throw invalid(`listIds: list ${id} does not exist`);
  let newListName: string | undefined;
  let newListFolder: number | undefined;
  if (newList) {
    newListName = reqString(newList, 'listName');
    newListFolder = optInt(newList, 'folderId');
    if (newListFolder === undefined) throw missing('newList.folderId');
    if (!store.folders.has(newListFolder)) throw invalid(`newList.folderId: folder ${newListFolder} does not exist`);
  }
  const rows = importRows(body, store);

  // Attributes the account does not have are ignored, as Brevo does.
  const known = new Set(
    store.attributes.filter((a) => a.category === 'normal' || a.category === 'category').map((a) => a.name),
  );
  const invalidRows: [number, string, string][] = [];
  const duplicates: [number, string][] = [];
  const phoneDuplicates: [number, string][] = [];
  const seenPhones = new Set<string>();
  const seen = new Set<string>();
  const plan: { row: Row; contact?: Contact; email?: string; extId?: string; attributes: Record<string, unknown> }[] =
    [];
  for (const row of rows) {
    const rawEmail = (row.values.EMAIL ?? '').trim();
    const extId = (row.values.EXT_ID ?? '').trim() || undefined;
    if (rawEmail && !isEmail(rawEmail)) {
      invalidRows.push([row.line, rawEmail, 'invalid email address']);
      continue;
    }
    const email = rawEmail ? rawEmail.toLowerCase() : undefined;
    const key = email ?? (extId !== undefined ? `ext:${extId}` : undefined);
    if (key !== undefined && seen.has(key)) {
      duplicates.push([row.line, email ?? extId ?? '']);
      continue;
    }
    if (key !== undefined) seen.add(key);
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row.values)) {
      if (IDENTIFIER_COLUMNS.includes(name) || !known.has(name)) continue;
      const text = value.trim();
      if (text === '' && !emptyAttributes) continue;
      attributes[name] = PHONES.includes(name) ? text.replace(/^\+/, '').replace(/[\s-]/g, '') : text;
    }
    const phones = PHONES.filter((p) => typeof attributes[p] === 'string' && attributes[p] !== '');
    if (!email && !extId && !phones.length) {
      invalidRows.push([row.line, '', 'no EMAIL, EXT_ID or phone number']);
      continue;
    }
    const byPhone = phones.map((p) => store.contactByAttribute(p, String(attributes[p]))).find((c) => c);
    const contact =
      (email && store.contactByEmail(email)) ||
      (extId && store.contactByExtId(extId)) ||
      (!email && !extId ? byPhone : undefined) ||
      undefined;
    // A number another contact holds, or an earlier row took, cannot be given to this one.
    const taken = phones.find((p) => {
      const owner = store.contactByAttribute(p, String(attributes[p]));
      return (owner && owner !== contact) || seenPhones.has(`${p}:${attributes[p]}`);
    });
    if (taken) {
      phoneDuplicates.push([row.line, String(attributes[taken])]);
      continue;
    }
    for (const p of phones) seenPhones.add(`${p}:${attributes[p]}`);
    try {
      checkAttributeSizes(contact?.attributes ?? {}, attributes, `line ${row.line}`);
    } catch (error) {
      invalidRows.push([row.line, email ?? extId ?? '', error instanceof Error ? error.message : String(error)]);
      continue;
    }
    plan.push({ row, contact, email, extId, attributes });
  }
  admitContacts(store, plan.filter((p) => !p.contact).length);

  if (newListName !== undefined) {
    const id = store.nextId('list');
    store.lists.set(id, { id, name: newListName, folderId: newListFolder!, createdAt: store.now() });
    listIds.push(id);
  }
  const now = store.now();
  for (const { contact: existing, email, extId, attributes } of plan) {
    const contact =
      existing ??
      blankContact(store, {
        id: store.nextId('contact'),
        ...(email !== undefined ? { email } : {}),
        ...(extId !== undefined ? { extId } : {}),
        // One time for the whole import, as before any row is applied.
        createdAt: now,
      });
    if (!existing || update) {
      for (const [name, value] of Object.entries(attributes)) {
        if (value === '') delete contact.attributes[name];
        else contact.attributes[name] = value;
      }
      if (emailBlacklist) contact.emailBlacklisted = true;
      if (smsBlacklist) contact.smsBlacklisted = true;
    }
    for (const id of listIds) if (!contact.listIds.includes(id)) contact.listIds.push(id);
    contact.modifiedAt = now;
    store.contacts.set(contact.id, contact);
  }

  const importReports: Record<string, string> = {};
  if (invalidRows.length)
    importReports.invalid_emails = store.files.put({
      name: 'invalid_emails.csv',
      contentType: 'text/csv',
      data: toCsv(['LINE', 'VALUE', 'REASON'], invalidRows),
    });
  if (duplicates.length)
    importReports.duplicate_email_id = store.files.put({
      name: 'duplicate_email_id.csv',
      contentType: 'text/csv',
      data: toCsv(['LINE', 'IDENTIFIER'], duplicates),
    });
  if (phoneDuplicates.length)
    importReports.duplicate_phone_id = store.files.put({
      name: 'duplicate_phone_id.csv',
      contentType: 'text/csv',
      data: toCsv(['LINE', 'IDENTIFIER'], phoneDuplicates),
    });
  const process = startProcess(
    store,
    'IMPORTUSER',
    Object.keys(importReports).length ? { importReports } : {},
    notifyUrl,
  );
  return { status: 202, body: { processId: process.id } };
}

// ---- Exports

const SUBSCRIPTION_COLUMNS: Record<string, (c: Contact) => boolean> = {
  email_marketing: (c) => !c.emailBlacklisted,
  sms_marketing: (c) => !c.smsBlacklisted,
};

const METADATA_COLUMNS: Record<string, (c: Contact) => unknown> = {
  _created_at: (c) => c.createdAt,
  _modified_at: (c) => c.modifiedAt,
  ext_id: (c) => c.extId,
  contact_id: (c) => c.id,
};

function campaignFates(store: Store, campaignId: number, field: string) {
  const campaign = store.campaigns.get(campaignId);
  if (!campaign) throw notFound('Campaign ID does not exist');
  if (!campaign.sentDate)
    throw invalid(`${field}: campaign ${campaignId} has not been sent, so it has no recipients yet`);
  return { campaign, fates: fates(store, campaign) };
}

function exportContacts(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const filter = optObject(body, 'customContactFilter');
  if (!filter) throw missing('customContactFilter');
  const notifyUrl = optString(body, 'notifyUrl');
  const attributes = (optStringArray(body, 'exportAttributes') ?? []).map((a) => a.toUpperCase());
  const mandatory = optBool(body, 'exportMandatoryAttributes') ?? true;
  const subscription = optStringArray(body, 'exportSubscriptionStatus') ?? [];
  const metadata = optStringArray(body, 'exportMetadata') ?? [];
  for (const s of subscription)
    if (!SUBSCRIPTION_COLUMNS[s])
      throw invalid(`exportSubscriptionStatus: ${s} should be one of ${Object.keys(SUBSCRIPTION_COLUMNS).join(', ')}`);
  for (const m of metadata)
    if (!METADATA_COLUMNS[m])
      throw invalid(`exportMetadata: ${m} should be one of ${Object.keys(METADATA_COLUMNS).join(', ')}`);

  const forContacts = optString(filter, 'actionForContacts');
  const forEmail = optString(filter, 'actionForEmailCampaigns') as RecipientsType | undefined;
  const forSms = optString(filter, 'actionForSmsCampaigns');
  const listId = optInt(filter, 'listId');
  if (!forContacts && !forEmail && !forSms)
    throw missing('customContactFilter.actionForContacts, actionForEmailCampaigns or actionForSmsCampaigns');
  if (listId !== undefined && !store.lists.has(listId)) throw notFound('List ID does not exist');
  let contacts = [...store.contacts.values()];
  if (listId !== undefined) contacts = contacts.filter((c) => c.listIds.includes(listId));
  if (forContacts === 'subscribed') contacts = contacts.filter((c) => !c.emailBlacklisted);
  if (forContacts === 'unsubscribed') contacts = contacts.filter((c) => c.emailBlacklisted);
  if (forContacts === 'unsubscribedPerList') {
    if (listId === undefined) throw missing('customContactFilter.listId');
    contacts = contacts.filter((c) => c.emailBlacklisted);
  }
  if (forEmail) {
    const campaignId = optInt(filter, 'emailCampaignId');
    if (campaignId === undefined) throw missing('customContactFilter.emailCampaignId');
    const { fates: all } = campaignFates(store, campaignId, 'customContactFilter.emailCampaignId');
    const ids = new Set(all.filter(([c, e]) => c && isOfType(e, forEmail)).map(([c]) => c!.id));
    contacts = contacts.filter((c) => ids.has(c.id));
  }
  if (forSms) {
    const campaignId = optInt(filter, 'smsCampaignId');
    if (campaignId === undefined) throw missing('customContactFilter.smsCampaignId');
    const sms = store.messaging.smsCampaigns.get(campaignId);
    if (!sms) throw notFound('Campaign ID does not exist');
    const ids = new Set(
      sms.fates
        .filter((f) => (forSms === 'unsubscribed' ? f.unsubscribed : f.result === forSms.replace(/s$/, '')))
        .map((f) => f.contactId),
    );
    contacts = contacts.filter((c) => ids.has(c.id));
  }

  const columns = [...new Set([...(mandatory ? ['EMAIL'] : []), ...attributes])];
  const header = [...columns, ...subscription.map((s) => s.toUpperCase()), ...metadata.map((m) => m.toUpperCase())];
  const rows = contacts.map((c) => [
    ...columns.map((name) => (name === 'EMAIL' ? c.email : c.attributes[name])),
    ...subscription.map((s) => (SUBSCRIPTION_COLUMNS[s]!(c) ? 'subscribed' : 'unsubscribed')),
    ...metadata.map((m) => METADATA_COLUMNS[m]!(c)),
  ]);
  const exportUrl = store.files.put({
    name: 'contacts-export.csv',
    contentType: 'text/csv',
    data: toCsv(header, rows),
  });
  const process = startProcess(store, 'SEARCH_EXPORT_USERS_API', { exportUrl }, notifyUrl);
  return { status: 202, body: { processId: process.id } };
}

const RECIPIENT_TYPES: RecipientsType[] = [
  'all',
  'nonClickers',
  'nonOpeners',
  'clickers',
  'openers',
  'softBounces',
  'hardBounces',
  'unsubscribed',
];

function exportRecipients(req: SandboxRequest, store: Store) {
  const campaignId = intParam(req, 'campaignId');
  const body = bodyOf(req);
  const type = reqString(body, 'recipientsType') as RecipientsType;
  if (!RECIPIENT_TYPES.includes(type)) throw invalid(`recipientsType should be one of ${RECIPIENT_TYPES.join(', ')}`);
  const notifyUrl = optString(body, 'notifyURL');
  const { campaign, fates: all } = campaignFates(store, campaignId, 'campaignId');
  const rows = all
    .filter(([c, e]) => c && isOfType(e, type))
    .map(([c, e]) => [
      c!.email,
      c!.attributes.FIRSTNAME,
      c!.attributes.LASTNAME,
      e.bounce ? `${e.bounce} bounce` : 'delivered',
      e.bounce ? 0 : (e.opens ?? 0),
      e.bounce ? 0 : (e.clicks?.length ?? 0),
      e.bounce ? '' : [...new Set(e.clicks ?? [])].join(' '),
      !e.bounce && (e.opens ?? 0) > 0 ? eventTime(campaign, c!.id) : '',
      !e.bounce && (e.opens ?? 0) > 0 ? openerIp(c!.id) : '',
      !e.bounce && e.unsubscribed ? 'yes' : 'no',
    ]);
  const header = [
    'EMAIL',
    'FIRSTNAME',
    'LASTNAME',
    'STATUS',
    'OPENS',
    'CLICKS',
    'LINKS',
    'FIRST_OPEN',
    'IP',
    'UNSUBSCRIBED',
  ];
  const exportUrl = store.files.put({
    name: `campaign-${campaign.id}-${type}.csv`,
    contentType: 'text/csv',
    data: toCsv(header, rows),
  });
  const process = startProcess(store, 'CAMPAIGN_USER_DETAILS', { exportUrl }, notifyUrl);
  return { status: 202, body: { processId: process.id } };
}

/** The event names of a webhook export, as the email event log names them. */
const LOGGED: Record<string, string[]> = {
  request: ['requests'],
  delivered: ['delivered'],
  opened: ['opened'],
  uniqueOpened: ['opened'],
  click: ['clicks'],
  hardBounce: ['hardBounces'],
  softBounce: ['softBounces'],
  spam: ['spam'],
  invalid: ['invalid'],
  deferred: ['deferred'],
  blocked: ['blocked'],
  unsubscribed: ['unsubscribed'],
  error: ['error'],
  invalid_parameter: [],
  missing_parameter: [],
  loadedByProxy: [],
};

function exportWebhookEvents(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const event = reqString(body, 'event');
  const type = reqString(body, 'type');
  const notifyUrl = reqString(body, 'notifyURL');
  const webhookId = optInt(body, 'webhookId');
  const email = optString(body, 'email')?.toLowerCase();
  const days = optInt(body, 'days');
  const startDate = optString(body, 'startDate');
  const endDate = optString(body, 'endDate');
  optInt(body, 'messageId');
  if (webhookId !== undefined) store.webhook(webhookId);
  if ((startDate === undefined) !== (endDate === undefined))
    throw invalid('startDate and endDate go together (YYYY-MM-DD)');
  const now = store.clock().getTime();
  const from = startDate ? Date.parse(`${startDate}T00:00:00Z`) : now - (days ?? 7) * DAY;
  const to = endDate ? Date.parse(`${endDate}T23:59:59Z`) : now;
  if (Number.isNaN(from) || Number.isNaN(to)) throw invalid('startDate and endDate should be dates (YYYY-MM-DD)');
  const wanted = (name: string) => event === 'allEvents' || (LOGGED[event] ?? []).includes(name);

  const rows: [string, string, string, string, string, string][] = [];
  if (type === 'transactional') {
    const firstOpen = new Set<string>();
    for (const e of store.events) {
      if (event === 'uniqueOpened' && e.event === 'opened') {
        if (firstOpen.has(e.messageId)) continue;
        firstOpen.add(e.messageId);
      }
      rows.push([e.date, e.event, e.email, e.subject, e.messageId, e.link ?? e.reason ?? '']);
    }
  } else {
    for (const campaign of store.campaigns.values()) {
      if (!campaign.sentDate) continue;
      for (const [contact, e] of fates(store, campaign)) {
        if (!contact?.email) continue;
        const add = (name: string, at: string, detail = '') =>
          rows.push([at, name, contact.email!, campaign.subject ?? campaign.name, `campaign-${campaign.id}`, detail]);
        if (e.bounce) add(e.bounce === 'hard' ? 'hardBounces' : 'softBounces', campaign.sentDate);
        else add('delivered', campaign.sentDate);
        if (!e.bounce && (e.opens ?? 0) > 0) add('opened', eventTime(campaign, contact.id));
        for (const [i, url] of (e.bounce ? [] : (e.clicks ?? [])).entries())
          add('clicks', eventTime(campaign, contact.id, 2 + i), url);
        if (!e.bounce && e.unsubscribed) add('unsubscribed', eventTime(campaign, contact.id, 10));
        if (!e.bounce && e.complaint) add('spam', eventTime(campaign, contact.id, 30));
      }
    }
  }
  const picked = rows
    .filter(([date, name, address]) => {
      const t = Date.parse(date);
      return wanted(name) && t >= from && t <= to && (email === undefined || address === email);
    })
    .sort((a, b) => (body.sort === 'asc' ? a[0].localeCompare(b[0]) : b[0].localeCompare(a[0])));
  const exportUrl = store.files.put({
    name: `webhook-events-${type}.csv`,
    contentType: 'text/csv',
    data: toCsv(['DATE', 'EVENT', 'EMAIL', 'SUBJECT', 'MESSAGE_ID', 'DETAIL'], picked),
  });
  const process = startProcess(store, 'EXPORT_WEBHOOK', { exportUrl }, notifyUrl);
  return { status: 202, body: { processId: process.id } };
}

export const processRoutes = routes({
  'POST /contacts/import': importContacts,
  'POST /contacts/export': exportContacts,
  'POST /emailCampaigns/{campaignId}/exportRecipients': exportRecipients,
  'POST /webhooks/export': exportWebhookEvents,
  'GET /processes': (req, store) => {
    const window = paging(req, 10, 50);
    const all = sorted(req, [...store.processes.values()]);
    return countedPage('processes', all, window, processView);
  },
  'GET /processes/{processId}': (req, store) => {
    const process = store.processes.get(intParam(req, 'processId'));
    if (!process) throw notFound('Process ID does not exist');
    return { status: 200, body: processView(process) };
  },
});
