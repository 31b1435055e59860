// Folders and lists with real state: what is created can be read, listed (limit/offset, Brevo's
// subscriber counts), renamed, moved and deleted, and members added and removed.
import { invalid, missing, type SandboxRequest, routes } from './http.js';
import { campaignStatistics } from './campaign-stats.js';
import { filterContacts } from './contacts-api.js';
import type { Contact, Store } from './store.js';
import {
  bodyOf,
  countedPage,
  intParam,
  optBool,
  optIntArray,
  optString,
  optStringArray,
  paging,
  reqInt,
  reqString,
  sorted,
  type Body,
} from './validate.js';

function createFolder(req: SandboxRequest, store: Store) {
  const name = reqString(bodyOf(req), 'name');
  const id = store.nextId('folder');
  store.folders.set(id, { id, name });
  return { status: 201, body: { id } };
}

function getFolders(req: SandboxRequest, store: Store) {
  const window = paging(req, 10, 50);
  const folders = sorted(req, [...store.folders.values()]);
  return countedPage('folders', folders, window, (f) => store.folderView(f));
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
  const lists = sorted(
    req,
    [...store.lists.values()].filter((l) => l.folderId === folder.id),
  );
  return countedPage('lists', lists, window, (l) => {
    const { folderId: _f, ...view } = store.listView(l);
    return view;
  });
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
      const { listId: _l, ...stats } = campaignStatistics(store, c).campaignStats.find((s) => s.listId === list.id)!;
      return { campaignId: c.id, stats };
    });
  return {
    status: 200,
    body: { ...store.listView(list), createdAt: list.createdAt, campaignStats, dynamicList: false },
  };
}

function updateList(req: SandboxRequest, store: Store) {
  const list = store.list(intParam(req, 'listId'));
  const body = bodyOf(req);
  const name = optString(body, 'name');
  const folderId = body.folderId === undefined ? undefined : reqInt(body, 'folderId');
  if (name === undefined && folderId === undefined) throw missing('name');
  if (folderId !== undefined && !store.folders.has(folderId))
    throw invalid(`folderId: folder ${folderId} does not exist`);
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
  return countedPage('contacts', contacts, window, (c) => store.contactView(c));
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

/**
 * The definition contradicts itself here: success and failure are each oneOf [array of emails,
 * array of ids], and an empty array (`failure: []` when every contact was added, as Brevo
 * answers) matches both, which oneOf forbids. The sandbox answers `[]` as Brevo does.
 */
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
    if (!contact?.listIds.includes(list.id)) failure.push(value);
    else {
      drop(contact);
      success.push(value);
    }
  }
  if (!success.length) throw invalid('Contact already removed from list and/or does not exist');
  return { status: 201, body: { contacts: { success, failure } } };
}

// Attributes.

export const listRoutes = routes({
  'GET /contacts/segments': (req, store) => {
    const segments = sorted(req, [...store.segments.values()]);
    // The definition requires both name and segmentName on each segment: the same name twice.
    const view = (g: (typeof segments)[number]) => ({
      id: g.id,
      name: g.name,
      segmentName: g.name,
      categoryName: g.categoryName,
      updatedAt: g.updatedAt,
    });
    return countedPage('segments', segments, paging(req, 10, 50), view);
  },
  'GET /contacts/folders': getFolders,
  'POST /contacts/folders': createFolder,
  'GET /contacts/folders/{folderId}': (req, store) => ({
    status: 200,
    body: store.folderView(store.folder(intParam(req, 'folderId'))),
  }),
  'PUT /contacts/folders/{folderId}': (req, store) => {
    const folder = store.folder(intParam(req, 'folderId'));
    folder.name = reqString(bodyOf(req), 'name');
    return { status: 204 };
  },
  'DELETE /contacts/folders/{folderId}': deleteFolder,
  'GET /contacts/folders/{folderId}/lists': folderLists,
  'GET /contacts/lists': (req, store) => {
    const window = paging(req, 10, 50);
    const lists = sorted(req, [...store.lists.values()]);
    return countedPage('lists', lists, window, (l) => store.listView(l));
  },
  'POST /contacts/lists': createList,
  'GET /contacts/lists/{listId}': getList,
  'PUT /contacts/lists/{listId}': updateList,
  'DELETE /contacts/lists/{listId}': (req, store) => {
    removeList(store, store.list(intParam(req, 'listId')).id);
    return { status: 204 };
  },
  'GET /contacts/lists/{listId}/contacts': listContacts,
  'POST /contacts/lists/{listId}/contacts/add': addToList,
  'POST /contacts/lists/{listId}/contacts/remove': removeFromList,
});
