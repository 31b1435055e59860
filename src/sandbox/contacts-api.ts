// Contacts, lists, folders and contact attributes with real state: what is created can be read,
// listed (limit/offset, counts), changed and deleted, and fails as Brevo fails.
import { invalid, missing, notFound, SandboxError, type Route, type SandboxRequest } from './http.js';
import type { Attribute, AttributeCategory, Contact, Store } from './store.js';
import {
  bodyOf,
  intParam,
  isEmail,
  optBool,
  optEmail,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  reqInt,
  reqString,
  sorted,
  type Body,
} from './validate.js';

const PHONE_ATTRIBUTES = ['SMS', 'WHATSAPP', 'LANDLINE_NUMBER'];
const CATEGORIES: AttributeCategory[] = ['normal', 'transactional', 'category', 'calculated', 'global'];
const ATTRIBUTE_TYPES = ['text', 'date', 'float', 'boolean', 'id', 'category', 'multiple-choice', 'user'];

/** Attribute values keyed in upper case, as Brevo stores them; phone numbers without a leading +. */
function attributesOf(body: Body): Record<string, unknown> | undefined {
  const raw = optObject(body, 'attributes');
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key.toUpperCase();
    const ok = ['string', 'number', 'boolean'].includes(typeof value) || value === null || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) throw invalid(`attributes.${key} should be a string, number, boolean or array of strings`);
    out[name] = PHONE_ATTRIBUTES.includes(name) && typeof value === 'string' ? value.replace(/^\+/, '').replace(/[\s-]/g, '') : value;
  }
  return out;
}

function checkLists(store: Store, ids: number[] | undefined, field: string): void {
  for (const id of ids ?? []) if (!store.lists.has(id)) throw invalid(`${field}: list ${id} does not exist`);
}

function duplicate(what: 'create' | 'update', identifier: string): SandboxError {
  const name = identifier === 'email' ? 'email' : identifier === 'ext_id' ? 'ext_id' : `${identifier} number`;
  return new SandboxError(400, 'duplicate_parameter', `Unable to ${what} contact, ${name} is already associated with another Contact`, {
    metadata: { duplicate_identifiers: [identifier] },
  });
}

/** Fails when another contact already holds this email, ext_id or phone number. */
function checkUnique(store: Store, what: 'create' | 'update', self: Contact | undefined, email?: string, extId?: string, attributes?: Record<string, unknown>): void {
  const other = (c: Contact | undefined) => c !== undefined && c !== self;
  if (email !== undefined && other(store.contactByEmail(email))) throw duplicate(what, 'email');
  if (extId !== undefined && other(store.contactByExtId(extId))) throw duplicate(what, 'ext_id');
  for (const name of PHONE_ATTRIBUTES) {
    const value = attributes?.[name];
    if (typeof value === 'string' && value && other(store.contactByAttribute(name, value))) throw duplicate(what, name);
  }
}

/** Applies an update body (PUT /contacts/{id}, the batch, or create with updateEnabled) to a contact. */
function applyUpdate(store: Store, contact: Contact, body: Body, what: 'create' | 'update'): void {
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

  if (newEmail !== undefined) contact.email = newEmail;
  if (extId !== undefined) contact.extId = extId;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    // An empty value clears the attribute.
    if (value === null || value === '') delete contact.attributes[name];
    else contact.attributes[name] = value;
  }
  if (emailBlacklisted !== undefined) contact.emailBlacklisted = emailBlacklisted;
  if (smsBlacklisted !== undefined) contact.smsBlacklisted = smsBlacklisted;
  if (smtpBlacklistSender) contact.smtpBlacklistSender = [...new Set([...contact.smtpBlacklistSender, ...smtpBlacklistSender])];
  for (const id of listIds ?? []) if (!contact.listIds.includes(id)) contact.listIds.push(id);
  if (unlinkListIds) contact.listIds = contact.listIds.filter((id) => !unlinkListIds.includes(id));
  contact.modifiedAt = store.now();
}

function createContact(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const email = optEmail(body, 'email');
  const extId = optString(body, 'ext_id');
  const attributes = attributesOf(body) ?? {};
  if (email === undefined && extId === undefined && !PHONE_ATTRIBUTES.some((a) => attributes[a])) throw missing('email');
  const existing = (email !== undefined && store.contactByEmail(email)) || (extId !== undefined && store.contactByExtId(extId)) || undefined;
  if (existing) {
    if (optBool(body, 'updateEnabled')) {
      const { email: _email, updateEnabled: _u, ...update } = body;
      applyUpdate(store, existing, update, 'update');
      return { status: 204 };
    }
    throw duplicate('create', email !== undefined && store.contactByEmail(email) ? 'email' : 'ext_id');
  }
  optBool(body, 'updateEnabled');
  const now = store.now();
  const contact: Contact = {
    id: 0,
    ...(email !== undefined ? { email } : {}),
    attributes: {},
    emailBlacklisted: false,
    smsBlacklisted: false,
    listIds: [],
    smtpBlacklistSender: [],
    createdAt: now,
    modifiedAt: now,
  };
  const { email: _email, updateEnabled: _u, ...update } = body;
  applyUpdate(store, contact, update, 'create');
  contact.id = store.nextId('contact');
  store.contacts.set(contact.id, contact);
  return { status: 201, body: { id: contact.id } };
}

/** A contact's email campaign activity as Brevo reports it ({} when there is none). */
function campaignActivity(store: Store, contact: Contact) {
  const sent = [...store.campaigns.values()].filter((c) => c.sentDate && c.sentTo?.includes(contact.id));
  if (!sent.length) return {};
  const events = sent.map((c) => ({ campaignId: c.id, eventTime: c.sentDate! }));
  return { messagesSent: events, delivered: events.map((e) => ({ ...e })) };
}

const identifierType = (req: SandboxRequest) => req.query.get('identifierType');

function filterContacts(req: SandboxRequest, contacts: Contact[]): Contact[] {
  let out = contacts;
  for (const name of ['modifiedSince', 'createdSince'] as const) {
    const raw = req.query.get(name);
    if (!raw) continue;
    const since = new Date(raw);
    if (Number.isNaN(since.getTime())) throw invalid(`${name} is not a valid date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)`);
    out = out.filter((c) => new Date(name === 'modifiedSince' ? c.modifiedAt : c.createdAt) >= since);
  }
  return out;
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
  const listIds = req.query.getAll('listIds').flatMap((v) => v.split(',')).filter(Boolean);
  if (listIds.length) {
    const ids = listIds.map((v) => {
      if (!/^\d+$/.test(v)) throw invalid('listIds should be integers');
      return Number(v);
    });
    contacts = contacts.filter((c) => c.listIds.some((id) => ids.includes(id)));
  }
  if (req.query.get('segmentId')) contacts = []; // the demo account has no segments with members
  const filter = req.query.get('filter');
  if (filter) contacts = contacts.filter(attributeFilter(filter));
  const ordered = sorted(req, contacts);
  return { status: 200, body: { contacts: page(ordered, window).map((c) => store.contactView(c)), count: ordered.length } };
}

function updateBatch(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const items = body.contacts;
  if (items === undefined) throw missing('contacts');
  if (!Array.isArray(items) || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i))) throw invalid('contacts should be an array of objects');
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

// Folders and lists.

function createFolder(req: SandboxRequest, store: Store) {
  const name = reqString(bodyOf(req), 'name');
  const id = store.nextId('folder');
  store.folders.set(id, { id, name });
  return { status: 201, body: { id } };
}

function getFolders(req: SandboxRequest, store: Store) {
  const window = paging(req, 10, 50);
  const folders = sorted(req, [...store.folders.values()]);
  return { status: 200, body: { folders: page(folders, window).map((f) => store.folderView(f)), count: folders.length } };
}

function deleteFolder(req: SandboxRequest, store: Store) {
  const folder = store.folder(intParam(req, 'folderId'));
  for (const list of [...store.lists.values()]) if (list.folderId === folder.id) removeList(store, list.id);
  store.folders.delete(folder.id);
  return { status: 204 };
}

function folderLists(req: SandboxRequest, store: Store) {
  const folder = store.folder(intParam(req, 'folderId'));
  const window = paging(req, 10, 50);
  const lists = sorted(req, [...store.lists.values()].filter((l) => l.folderId === folder.id));
  return {
    status: 200,
    body: {
      lists: page(lists, window).map((l) => {
        const { folderId: _f, ...view } = store.listView(l);
        return view;
      }),
      count: lists.length,
    },
  };
}

function removeList(store: Store, listId: number): void {
  store.lists.delete(listId);
  for (const c of store.contacts.values()) c.listIds = c.listIds.filter((id) => id !== listId);
}

function createList(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const folderId = reqInt(body, 'folderId');
  if (!store.folders.has(folderId)) throw invalid(`folderId: folder ${folderId} does not exist`);
  const id = store.nextId('list');
  store.lists.set(id, { id, name, folderId, createdAt: store.now() });
  return { status: 201, body: { id } };
}

function getList(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const campaignStats = [...store.campaigns.values()]
    .filter((c) => c.sentDate && c.recipients.lists.includes(list.id))
    .map((c) => {
      const { listId: _l, ...stats } = c.campaignStats.find((s) => s.listId === list.id) ?? c.globalStats;
      return { campaignId: c.id, stats };
    });
  return { status: 200, body: { ...store.listView(list), createdAt: list.createdAt, campaignStats, dynamicList: false } };
}

function updateList(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const body = bodyOf(req);
  const name = optString(body, 'name');
  const folderId = body.folderId === undefined ? undefined : reqInt(body, 'folderId');
  if (name === undefined && folderId === undefined) throw missing('name');
  if (folderId !== undefined && !store.folders.has(folderId)) throw invalid(`folderId: folder ${folderId} does not exist`);
  if (name !== undefined) {
    if (!name.trim()) throw invalid('name should not be empty');
    list.name = name;
  }
  if (folderId !== undefined) list.folderId = folderId;
  return { status: 204 };
}

function listContacts(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const window = paging(req, 50, 500);
  const contacts = sorted(req, filterContacts(req, store.members(list.id)));
  return { status: 200, body: { contacts: page(contacts, window).map((c) => store.contactView(c)), count: contacts.length } };
}

type Selector = { key: 'all' } | { key: 'emails' | 'ids' | 'extIds'; values: (string | number)[] };

/** The one member selector of an add/remove body: emails, ids or extIds (or all, for remove). */
function memberSelector(body: Body, allowAll: boolean): Selector {
  const keys = ['emails', 'ids', 'extIds', ...(allowAll ? ['all' as const] : [])] as const;
  const given = keys.filter((k) => body[k] !== undefined);
  if (given.length === 0) throw missing(allowAll ? 'emails, ids, extIds or all' : 'emails, ids or extIds');
  if (given.length > 1) throw invalid(`give only one of ${given.join(', ')}`);
  const key = given[0]!;
  if (key === 'all') {
    if (optBool(body, 'all') !== true) throw invalid('all should be true');
    return { key };
  }
  const values = key === 'ids' ? optIntArray(body, key)! : optStringArray(body, key)!;
  if (values.length === 0 || values.length > 150) throw invalid(`${key} should hold between 1 and 150 items`);
  return { key, values };
}

function findMember(store: Store, key: 'emails' | 'ids' | 'extIds', value: string | number): Contact | undefined {
  if (key === 'ids') return store.contacts.get(Number(value));
  if (key === 'emails') return store.contactByEmail(String(value));
  return store.contactByExtId(String(value));
}

function addToList(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const selector = memberSelector(bodyOf(req), false);
  if (selector.key === 'all') throw invalid('all is not accepted here');
  const success: (string | number)[] = [];
  const failure: (string | number)[] = [];
  for (const value of selector.values) {
    const contact = findMember(store, selector.key, value);
    if (!contact || contact.listIds.includes(list.id)) failure.push(value);
    else {
      contact.listIds.push(list.id);
      contact.modifiedAt = store.now();
      success.push(value);
    }
  }
  if (!success.length) throw invalid('Contact already in list and/or does not exist');
  return { status: 201, body: { contacts: { success, failure } } };
}

function removeFromList(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const selector = memberSelector(bodyOf(req), true);
  const drop = (c: Contact) => {
    c.listIds = c.listIds.filter((id) => id !== list.id);
    c.modifiedAt = store.now();
  };
  if (selector.key === 'all') {
    const members = store.members(list.id);
    members.forEach(drop);
    return { status: 201, body: { contacts: { total: members.length, processId: store.nextId('process') } } };
  }
  const success: (string | number)[] = [];
  const failure: (string | number)[] = [];
  for (const value of selector.values) {
    const contact = findMember(store, selector.key, value);
    if (!contact || !contact.listIds.includes(list.id)) failure.push(value);
    else {
      drop(contact);
      success.push(value);
    }
  }
  if (!success.length) throw invalid('Contact already removed from list and/or does not exist');
  return { status: 201, body: { contacts: { success, failure } } };
}

// Attributes.

function attributeParams(req: SandboxRequest): { category: AttributeCategory; name: string } {
  const category = req.params.attributeCategory as AttributeCategory;
  if (!CATEGORIES.includes(category)) throw invalid(`attributeCategory should be one of ${CATEGORIES.join(', ')}`);
  const name = (req.params.attributeName ?? '').toUpperCase();
  if (!/^[A-Z0-9_.-]+$/.test(name)) throw invalid('attributeName may hold only letters, digits, _, . and -');
  return { category, name };
}

function findAttribute(store: Store, category: AttributeCategory, name: string): Attribute {
  const attribute = store.attributes.find((a) => a.name === name && a.category === category);
  if (!attribute) throw notFound('Attribute does not exist');
  return attribute;
}

function enumerationOf(body: Body): Attribute['enumeration'] {
  const value = body.enumeration;
  if (value === undefined) return undefined;
  const ok = Array.isArray(value) && value.every((e) => e && typeof e === 'object' && Number.isInteger((e as Body).value) && typeof (e as Body).label === 'string');
  if (!ok) throw invalid('enumeration should be an array of {value: integer, label: string}');
  return (value as { value: number; label: string }[]).map((e) => ({ value: e.value, label: e.label }));
}

function createAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const body = bodyOf(req);
  if (store.attributes.some((a) => a.name === name)) throw new SandboxError(400, 'duplicate_parameter', `Attribute ${name} already exists`);
  const attribute: Attribute = { name, category };
  const type = optString(body, 'type');
  if (type !== undefined && !ATTRIBUTE_TYPES.includes(type)) throw invalid(`type should be one of ${ATTRIBUTE_TYPES.join(', ')}`);
  if (category === 'category') {
    attribute.enumeration = enumerationOf(body);
    if (!attribute.enumeration?.length) throw missing('enumeration');
    attribute.type = 'text';
  } else if (category === 'calculated' || category === 'global') {
    attribute.calculatedValue = reqString(body, 'value');
    attribute.type = 'float';
    const recurring = optBool(body, 'isRecurring');
    if (recurring !== undefined) attribute.isRecurring = recurring;
  } else {
    attribute.type = type ?? 'text';
    if (type === 'multiple-choice') {
      attribute.multiCategoryOptions = optStringArray(body, 'multiCategoryOptions');
      if (!attribute.multiCategoryOptions?.length) throw missing('multiCategoryOptions');
    }
  }
  store.attributes.push(attribute);
  return { status: 201 };
}

function updateAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const attribute = findAttribute(store, category, name);
  const body = bodyOf(req);
  const value = optString(body, 'value');
  const enumeration = enumerationOf(body);
  const options = optStringArray(body, 'multiCategoryOptions');
  if (value === undefined && enumeration === undefined && options === undefined) throw missing('value');
  if (value !== undefined) {
    if (category !== 'calculated' && category !== 'global') throw invalid('value can be changed only on calculated and global attributes');
    attribute.calculatedValue = value;
  }
  if (enumeration !== undefined) {
    if (category !== 'category') throw invalid('enumeration can be changed only on category attributes');
    attribute.enumeration = enumeration;
  }
  if (options !== undefined) attribute.multiCategoryOptions = [...new Set([...(attribute.multiCategoryOptions ?? []), ...options])];
  return { status: 204 };
}

function deleteAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const attribute = findAttribute(store, category, name);
  store.attributes.splice(store.attributes.indexOf(attribute), 1);
  for (const c of store.contacts.values()) delete c.attributes[name];
  return { status: 204 };
}

function attributeView(a: Attribute) {
  return {
    name: a.name,
    category: a.category,
    ...(a.type !== undefined ? { type: a.type } : {}),
    ...(a.enumeration ? { enumeration: a.enumeration.map((e) => ({ ...e })) } : {}),
    ...(a.calculatedValue !== undefined ? { calculatedValue: a.calculatedValue } : {}),
  };
}

export const contactRoutes: Route[] = [
  ['GET', '/contacts', getContacts],
  ['POST', '/contacts', createContact],
  ['POST', '/contacts/batch', updateBatch],
  ['GET', '/contacts/{identifier}', (req, store) => {
    const contact = store.findContact(req.params.identifier!, identifierType(req));
    return { status: 200, body: { ...store.contactView(contact), statistics: campaignActivity(store, contact) } };
  }],
  ['PUT', '/contacts/{identifier}', (req, store) => {
    applyUpdate(store, store.findContact(req.params.identifier!, identifierType(req)), bodyOf(req), 'update');
    return { status: 204 };
  }],
  ['DELETE', '/contacts/{identifier}', (req, store) => {
    store.contacts.delete(store.findContact(req.params.identifier!, identifierType(req)).id);
    return { status: 204 };
  }],
  ['GET', '/contacts/{identifier}/campaignStats', (req, store) => ({ status: 200, body: campaignActivity(store, store.findContact(req.params.identifier!)) })],

  ['GET', '/contacts/folders', getFolders],
  ['POST', '/contacts/folders', createFolder],
  ['GET', '/contacts/folders/{folderId}', (req, store) => ({ status: 200, body: store.folderView(store.folder(intParam(req, 'folderId'))) })],
  ['PUT', '/contacts/folders/{folderId}', (req, store) => {
    const folder = store.folder(intParam(req, 'folderId'));
    folder.name = reqString(bodyOf(req), 'name');
    return { status: 204 };
  }],
  ['DELETE', '/contacts/folders/{folderId}', deleteFolder],
  ['GET', '/contacts/folders/{folderId}/lists', folderLists],

  ['GET', '/contacts/lists', (req, store) => {
    const window = paging(req, 10, 50);
    const lists = sorted(req, [...store.lists.values()]);
    return { status: 200, body: { lists: page(lists, window).map((l) => store.listView(l)), count: lists.length } };
  }],
  ['POST', '/contacts/lists', createList],
  ['GET', '/contacts/lists/{listId}', getList],
  ['PUT', '/contacts/lists/{listId}', updateList],
  ['DELETE', '/contacts/lists/{listId}', (req, store) => {
    removeList(store, store.list(intParam(req, 'listId')).id);
    return { status: 204 };
  }],
  ['GET', '/contacts/lists/{listId}/contacts', listContacts],
  ['POST', '/contacts/lists/{listId}/contacts/add', addToList],
  ['POST', '/contacts/lists/{listId}/contacts/remove', removeFromList],

  ['GET', '/contacts/attributes', (_req, store) => ({ status: 200, body: { attributes: store.attributes.map(attributeView) } })],
  ['POST', '/contacts/attributes/{attributeCategory}/{attributeName}', createAttribute],
  ['PUT', '/contacts/attributes/{attributeCategory}/{attributeName}', updateAttribute],
  ['DELETE', '/contacts/attributes/{attributeCategory}/{attributeName}', deleteAttribute],
];
