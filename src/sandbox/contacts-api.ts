// Contacts with real state: what is created can be read (by email, id, ext_id or phone), listed
// (filters, limit/offset, counts), changed, batch-updated and deleted, and fails as Brevo fails.
import { contactCampaignStats } from './contact-activity.js';
import { invalid, missing, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { admitContacts, checkAttributeSizes } from './limits.js';
import type { Contact, Store } from './store.js';
import {
  bodyOf,
  countedPage,
  isEmail,
  optBool,
  optEmail,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  paging,
  since,
  sorted,
  type Body,
} from './validate.js';

const PHONE_ATTRIBUTES = ['SMS', 'WHATSAPP', 'LANDLINE_NUMBER'];

/** Attribute values keyed in upper case, as Brevo stores them; phone numbers without a leading +. */
function attributesOf(body: Body): Record<string, unknown> | undefined {
  const raw = optObject(body, 'attributes');
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key.toUpperCase();
    const ok =
      ['string', 'number', 'boolean'].includes(typeof value) ||
      value === null ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) throw invalid(`attributes.${key} should be a string, number, boolean or array of strings`);
    out[name] =
      PHONE_ATTRIBUTES.includes(name) && typeof value === 'string'
        ? value.replace(/^\+/, '').replace(/[\s-]/g, '')
        : value;
  }
  return out;
}

function checkLists(store: Store, ids: number[] | undefined, field: string): void {
  for (const id of ids ?? []) if (!store.lists.has(id)) throw invalid(`${field}: list ${id} does not exist`);
}

function duplicate(what: 'create' | 'update', identifier: string): SandboxError {
  const name = identifier === 'email' ? 'email' : identifier === 'ext_id' ? 'ext_id' : `${identifier} number`;
  return new SandboxError(
    400,
    'duplicate_parameter',
    `Unable to ${what} contact, ${name} is already associated with another Contact`,
    {
      metadata: { duplicate_identifiers: [identifier] },
    },
  );
}

/** Fails when another contact already holds this email, ext_id or phone number. */
function checkUnique(
  store: Store,
  what: 'create' | 'update',
  self: Contact | undefined,
  email?: string,
  extId?: string,
  attributes?: Record<string, unknown>,
): void {
  const other = (c: Contact | undefined) => c !== undefined && c !== self;
  if (email !== undefined && other(store.contactByEmail(email))) throw duplicate(what, 'email');
  if (extId !== undefined && other(store.contactByExtId(extId))) throw duplicate(what, 'ext_id');
  for (const name of PHONE_ATTRIBUTES) {
    const value = attributes?.[name];
    if (typeof value === 'string' && value && other(store.contactByAttribute(name, value))) throw duplicate(what, name);
  }
}

/** Applies an update body (PUT /contacts/{id}, the batch, or create with updateEnabled) to a contact. */
/** A new contact, not yet in the store: it is kept only once its changes have passed their checks. */
export function blankContact(store: Store, fields: Partial<Contact>): Contact {
  const now = store.now();
  return {
    id: 0,
    attributes: {},
    emailBlacklisted: false,
    smsBlacklisted: false,
    listIds: [],
    smtpBlacklistSender: [],
    createdAt: now,
    modifiedAt: now,
    ...fields,
  };
}

export function applyUpdate(store: Store, contact: Contact, body: Body, what: 'create' | 'update'): void {
  const attributes = attributesOf(body);
  const extId = optString(body, 'ext_id');
  const listIds = optIntArray(body, 'listIds');
  const unlinkListIds = optIntArray(body, 'unlinkListIds');
  const emailBlacklisted = optBool(body, 'emailBlacklisted');
  const smsBlacklisted = optBool(body, 'smsBlacklisted');
  const smtpBlacklistSender = optStringArray(body, 'smtpBlacklistSender');
  let newEmail: string | undefined;
  if (attributes && 'EMAIL' in attributes) {
    if (!isEmail(attributes.EMAIL)) throw invalid('attributes.EMAIL is not a valid email address');
    newEmail = attributes.EMAIL.toLowerCase();
    delete attributes.EMAIL;
  }
  checkLists(store, listIds, 'listIds');
  checkLists(store, unlinkListIds, 'unlinkListIds');
  checkUnique(store, what, contact, newEmail, extId, attributes);
  if (attributes) checkAttributeSizes(contact.attributes, attributes);

  if (newEmail !== undefined) contact.email = newEmail;
  if (extId !== undefined) contact.extId = extId;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    // An empty value clears the attribute.
    if (value === null || value === '') delete contact.attributes[name];
    else contact.attributes[name] = value;
  }
  if (emailBlacklisted !== undefined) contact.emailBlacklisted = emailBlacklisted;
  if (smsBlacklisted !== undefined) contact.smsBlacklisted = smsBlacklisted;
  if (smtpBlacklistSender)
    contact.smtpBlacklistSender = [...new Set([...contact.smtpBlacklistSender, ...smtpBlacklistSender])];
  for (const id of listIds ?? []) if (!contact.listIds.includes(id)) contact.listIds.push(id);
  if (unlinkListIds) contact.listIds = contact.listIds.filter((id) => !unlinkListIds.includes(id));
  contact.modifiedAt = store.now();
}

function createContact(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const email = optEmail(body, 'email');
  const extId = optString(body, 'ext_id');
  const attributes = attributesOf(body) ?? {};
  if (email === undefined && extId === undefined && !PHONE_ATTRIBUTES.some((a) => attributes[a]))
    throw missing('email');
  const existing =
    (email !== undefined && store.contactByEmail(email)) ||
    (extId !== undefined && store.contactByExtId(extId)) ||
    undefined;
  if (existing) {
    if (optBool(body, 'updateEnabled')) {
      const { email: _email, updateEnabled: _u, ...update } = body;
      applyUpdate(store, existing, update, 'update');
      return { status: 204 };
    }
    throw duplicate('create', email !== undefined && store.contactByEmail(email) ? 'email' : 'ext_id');
  }
  optBool(body, 'updateEnabled');
  admitContacts(store);
  const contact = blankContact(store, email !== undefined ? { email } : {});
  const { email: _email, updateEnabled: _u, ...update } = body;
  applyUpdate(store, contact, update, 'create');
  contact.id = store.nextId('contact');
  store.contacts.set(contact.id, contact);
  return { status: 201, body: { id: contact.id } };
}

/** A contact's email campaign activity as Brevo reports it ({} when there is none). */
const campaignActivity = contactCampaignStats;

const identifierType = (req: SandboxRequest) => req.query.get('identifierType');

export function filterContacts(req: SandboxRequest, contacts: Contact[]): Contact[] {
  return since(req, contacts, (c) => c.modifiedAt);
}

/** Brevo's contact filter, in the part the sandbox understands: equals(ATTRIBUTE,"value"). */
function attributeFilter(raw: string): (c: Contact) => boolean {
  const m = /^equals\(\s*([A-Za-z0-9_.-]+)\s*,\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)$/.exec(raw.trim());
  if (!m) throw invalid(`filter "${raw}" is not valid; write it as equals(ATTRIBUTE,"value")`);
  const name = m[1]!.replace(/^attributes\./i, '').toUpperCase();
  const value = m[2] ?? m[3] ?? m[4] ?? '';
  return (c) => {
    if (name === 'EMAIL') return c.email === value.toLowerCase();
    if (name === 'EXT_ID') return c.extId === value;
    const v = c.attributes[name];
    return v !== undefined && (Array.isArray(v) ? v.includes(value) : String(v) === value);
  };
}

function getContacts(req: SandboxRequest, store: Store) {
  const window = paging(req, 50, 1000);
  let contacts = filterContacts(req, [...store.contacts.values()]);
  const listIds = req.query
    .getAll('listIds')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  if (listIds.length) {
    const ids = listIds.map((v) => {
      if (!/^\d+$/.test(v)) throw invalid('listIds should be integers');
      return Number(v);
    });
    contacts = contacts.filter((c) => c.listIds.some((id) => ids.includes(id)));
  }
  const segmentId = req.query.get('segmentId');
  if (segmentId) {
    const segment = store.segments.get(Number(segmentId));
    if (!segment) throw notFound('Segment does not exist');
    contacts = contacts.filter((c) => segment.contactIds.includes(c.id));
  }
  const filter = req.query.get('filter');
  if (filter) contacts = contacts.filter(attributeFilter(filter));
  const ordered = sorted(req, contacts);
  return countedPage('contacts', ordered, window, (c) => store.contactView(c));
}

function updateBatch(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const items = body.contacts;
  if (items === undefined) throw missing('contacts');
  if (!Array.isArray(items) || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i)))
    throw invalid('contacts should be an array of objects');
  if (items.length > 100) throw invalid('contacts should hold at most 100 contacts');
  const missingIndexes: number[] = [];
  const found = (items as Body[]).map((item, index) => {
    const id = typeof item.id === 'number' ? String(item.id) : undefined;
    const email = typeof item.email === 'string' ? item.email : undefined;
    const sms = typeof item.sms === 'string' ? item.sms : undefined;
    const extId = typeof item.ext_id === 'string' ? item.ext_id : undefined;
    try {
      if (email !== undefined) return store.findContact(email, 'email_id');
      if (id !== undefined) return store.findContact(id, 'contact_id');
      if (extId !== undefined) return store.findContact(extId, 'ext_id');
      if (sms !== undefined) return store.findContact(sms, 'phone_id');
      throw invalid(`contacts[${index}] names no contact: give email, id, sms or ext_id`);
    } catch (error) {
      if (error instanceof SandboxError && error.status === 404) {
        missingIndexes.push(index);
        return undefined;
      }
      throw error;
    }
  });
  if (missingIndexes.length) throw notFound(`No contact found for indexes ${missingIndexes.join(',')}`);
  (items as Body[]).forEach((item, i) => {
    const { email: _e, id: _i, sms: _s, ...update } = item;
    applyUpdate(store, found[i]!, update, 'update');
  });
  return { status: 204 };
}

export const contactRoutes = routes({
  'GET /contacts': getContacts,
  'POST /contacts': createContact,
  'POST /contacts/batch': updateBatch,
  'GET /contacts/{identifier}': (req, store) => {
    const contact = store.findContact(req.params.identifier!, identifierType(req));
    return { status: 200, body: { ...store.contactView(contact), statistics: campaignActivity(store, contact) } };
  },
  'PUT /contacts/{identifier}': (req, store) => {
    applyUpdate(store, store.findContact(req.params.identifier!, identifierType(req)), bodyOf(req), 'update');
    return { status: 204 };
  },
  'DELETE /contacts/{identifier}': (req, store) => {
    const id = store.findContact(req.params.identifier!, identifierType(req)).id;
    store.contacts.delete(id);
    store.crm.forgetContact(id);
    return { status: 204 };
  },
  'GET /contacts/{identifier}/campaignStats': (req, store) => ({
    status: 200,
    body: campaignActivity(store, store.findContact(req.params.identifier!)),
  }),
});
