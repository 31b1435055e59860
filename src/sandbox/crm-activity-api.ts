// CRM tasks, notes and files with real state, attached to deals, companies and contacts: create,
// read, list (by linked object, date, status, type; paging), update, delete. A deal's and a
// company's activity counters and dates follow them.
import { foundIn, invalid, missing, type SandboxRequest, routes } from './http.js';
import { checkContacts, company, deal, existingCompanies, existingDeals } from './crm-api.js';
import { objectId, type CrmFile, type Note, type Task } from './crm-store.js';
import { UploadedFile } from './multipart.js';
import { DAY, type Store } from './store.js';
import {
  bodyOf,
  optBool,
  optInt,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  reqString,
  setGiven,
  sorted,
  type Body,
} from './validate.js';

function task(store: Store, id: string): Task {
  return foundIn(store.crm.tasks, id, 'Task not found');
}

function note(store: Store, id: string): Note {
  return foundIn(store.crm.notes, id, 'Note not found');
}

function file(store: Store, id: string): CrmFile {
  return foundIn(store.crm.files, id, 'File not found');
}

/** The deals, companies and contacts an activity is attached to, each checked. */
function links(store: Store, body: Body, names: { contacts: string; deals: string; companies: string }) {
  return {
    contactIds:
      optIntArray(body, names.contacts) && checkContacts(store, optIntArray(body, names.contacts), names.contacts),
    dealIds: existingDeals(store, optStringArray(body, names.deals), names.deals),
    companyIds: existingCompanies(store, optStringArray(body, names.companies), names.companies),
    given: { deals: body[names.deals] !== undefined, companies: body[names.companies] !== undefined },
  };
}

function touch(store: Store, dealIds: string[], companyIds: string[]): void {
  const now = store.now();
  for (const id of dealIds) deal(store, id).modifiedAt = now;
  for (const id of companyIds) company(store, id).modifiedAt = now;
}

// Tasks.

function taskFields(store: Store, body: Body, t: Task): void {
  const typeId = optString(body, 'taskTypeId');
  if (typeId !== undefined && !store.crm.taskTypes.some((tt) => tt.id === typeId))
    throw invalid(`taskTypeId: task type ${typeId} does not exist (see get_task_types)`);
  const date = optString(body, 'date');
  const linked = links(store, body, { contacts: 'contactsIds', deals: 'dealsIds', companies: 'companiesIds' });
  const reminder = optObject(body, 'reminder');
  const name = optString(body, 'name');
  if (name !== undefined) t.name = name;
  if (typeId !== undefined) t.taskTypeId = typeId;
  if (date !== undefined) t.date = new Date(date).toISOString();
  setGiven(t, {
    duration: optInt(body, 'duration'),
    notes: optString(body, 'notes'),
    done: optBool(body, 'done'),
    assignToId: optString(body, 'assignToId'),
  });
  if (reminder) t.reminder = reminder as Task['reminder'];
  if (linked.contactIds) t.contactIds = [...linked.contactIds];
  if (linked.given.deals) t.dealIds = [...linked.dealIds];
  if (linked.given.companies) t.companyIds = [...linked.companyIds];
  touch(store, t.dealIds, t.companyIds);
}

function createTask(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const t: Task = {
    id: objectId('task', store.nextId('task')),
    taskTypeId: reqString(body, 'taskTypeId'),
    name: reqString(body, 'name'),
    date: reqString(body, 'date'),
    done: false,
    contactIds: [],
    dealIds: [],
    companyIds: [],
    createdAt: store.now(),
  };
  taskFields(store, body, t);
  store.crm.tasks.set(t.id, t);
  return { status: 201, body: { id: t.id } };
}

/** A comma-separated filter of ids (filter[deals]=a,b). */
const idsIn = (raw: string | null) =>
  raw
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function getTasks(req: SandboxRequest, store: Store) {
  let items = [...store.crm.tasks.values()];
  const q = (name: string) => req.query.get(name);
  const now = store.clock().getTime();
  const startOfDay = now - (now % DAY);
  if (q('filter[type]')) items = items.filter((t) => t.taskTypeId === q('filter[type]'));
  if (q('filter[status]')) items = items.filter((t) => t.done === (q('filter[status]') === 'done'));
  if (q('filter[assignTo]')) items = items.filter((t) => t.assignToId === q('filter[assignTo]'));
  const contacts = idsIn(q('filter[contacts]'))?.map(Number);
  if (contacts) items = items.filter((t) => t.contactIds.some((id) => contacts.includes(id)));
  const deals = idsIn(q('filter[deals]'));
  if (deals) items = items.filter((t) => t.dealIds.some((id) => deals.includes(id)));
  const companies = idsIn(q('filter[companies]'));
  if (companies) items = items.filter((t) => t.companyIds.some((id) => companies.includes(id)));
  const from = q('dateFrom') ? Number(q('dateFrom')) : undefined;
  const to = q('dateTo') ? Number(q('dateTo')) : undefined;
  const windows: Record<string, [number, number]> = {
    overdue: [0, now],
    today: [startOfDay, startOfDay + DAY],
    tomorrow: [startOfDay + DAY, startOfDay + 2 * DAY],
    week: [startOfDay, startOfDay + 7 * DAY],
    range: [from ?? 0, to ?? Number.MAX_SAFE_INTEGER],
  };
  const when = q('filter[date]');
  if (when) {
    if (when === 'range' && from === undefined && to === undefined) throw missing('dateFrom');
    const [start, end] = windows[when]!;
    items = items.filter(
      (t) => Date.parse(t.date) >= start && Date.parse(t.date) < end && (when !== 'overdue' || !t.done),
    );
  } else if (from !== undefined || to !== undefined) {
    items = items.filter(
      (t) => Date.parse(t.date) >= (from ?? 0) && Date.parse(t.date) <= (to ?? Number.MAX_SAFE_INTEGER),
    );
  }
  const sortBy = q('sortBy');
  if (sortBy && !['name', 'date', 'createdAt'].includes(sortBy))
    throw invalid('sortBy should be name, date or createdAt');
  const desc = (q('sort') ?? 'desc') === 'desc';
  const ordered = sortBy
    ? [...items].sort(
        (a, b) => (desc ? -1 : 1) * String(a[sortBy as 'name']).localeCompare(String(b[sortBy as 'name'])),
      )
    : sorted(req, items);
  return { status: 200, body: { items: page(ordered, paging(req, 50, 1000)).map((t) => store.crm.taskView(t)) } };
}

// Notes.

const author = (store: Store) => ({
  email: store.account.email,
  name: `${store.account.firstName} ${store.account.lastName}`,
});

function noteFields(store: Store, body: Body, n: Note): void {
  n.text = reqString(body, 'text');
  const linked = links(store, body, { contacts: 'contactIds', deals: 'dealIds', companies: 'companyIds' });
  if (linked.contactIds) n.contactIds = [...linked.contactIds];
  if (linked.given.deals) n.dealIds = [...linked.dealIds];
  if (linked.given.companies) n.companyIds = [...linked.companyIds];
  touch(store, n.dealIds, n.companyIds);
}

/** Activities on the entities named by entity + entityIds, within dateFrom/dateTo (ms), newest first. */
function byEntity<T extends { contactIds: number[]; dealIds: string[]; companyIds: string[]; createdAt: string }>(
  req: SandboxRequest,
  items: T[],
): T[] {
  const entity = req.query.get('entity');
  const ids = idsIn(req.query.get('entityIds'));
  let out = items;
  if (ids && !entity) throw missing('entity');
  if (entity && ids) {
    out = out.filter((a) =>
      entity === 'contacts'
        ? a.contactIds.some((id) => ids.includes(String(id)))
        : (entity === 'deals' ? a.dealIds : a.companyIds).some((id) => ids.includes(id)),
    );
  }
  const from = req.query.get('dateFrom');
  const to = req.query.get('dateTo');
  if (from) out = out.filter((a) => Date.parse(a.createdAt) >= Number(from));
  if (to) out = out.filter((a) => Date.parse(a.createdAt) <= Number(to));
  return sorted(req, out);
}

// Files.

function uploadFile(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const upload = body.file;
  if (!(upload instanceof UploadedFile)) throw missing('file');
  const dealId = optString(body, 'dealId');
  const companyId = optString(body, 'companyId');
  const contactId = optInt(body, 'contactId');
  if (dealId !== undefined) deal(store, dealId);
  if (companyId !== undefined) company(store, companyId);
  if (contactId !== undefined) checkContacts(store, [contactId], 'contactId');
  const f: CrmFile = {
    id: objectId('file', store.nextId('file')),
    name: upload.fileName,
    size: upload.data.length,
    contentType: upload.contentType,
    ...(dealId !== undefined ? { dealId } : {}),
    ...(companyId !== undefined ? { companyId } : {}),
    ...(contactId !== undefined ? { contactId } : {}),
    createdAt: store.now(),
  };
  store.crm.files.set(f.id, f);
  touch(store, dealId ? [dealId] : [], companyId ? [companyId] : []);
  return { status: 201, body: store.crm.fileView(f) };
}

const asLinks = (f: CrmFile) => ({
  ...f,
  contactIds: f.contactId !== undefined ? [f.contactId] : [],
  dealIds: f.dealId ? [f.dealId] : [],
  companyIds: f.companyId ? [f.companyId] : [],
});

export const crmActivityRoutes = routes({
  // The definition says "Returns all the Task types" but gives the schema of one: the list it is.
  'GET /crm/tasktypes': (_req, store) => ({ status: 200, body: store.crm.taskTypes.map((t) => ({ ...t })) }),
  'GET /crm/tasks': getTasks,
  'POST /crm/tasks': createTask,
  'GET /crm/tasks/{id}': (req, store) => ({ status: 200, body: store.crm.taskView(task(store, req.params.id!)) }),
  'PATCH /crm/tasks/{id}': (req, store) => {
    taskFields(store, bodyOf(req), task(store, req.params.id!));
    return { status: 204 };
  },
  'DELETE /crm/tasks/{id}': (req, store) => {
    store.crm.tasks.delete(task(store, req.params.id!).id);
    return { status: 204 };
  },
  'GET /crm/notes': (req, store) => ({
    status: 200,
    body: page(byEntity(req, [...store.crm.notes.values()]), paging(req, 50, 1000)).map((n) =>
      store.crm.noteView(n, author(store)),
    ),
  }),
  'POST /crm/notes': (req, store) => {
    const now = store.now();
    const n: Note = {
      id: objectId('note', store.nextId('note')),
      text: '',
      contactIds: [],
      dealIds: [],
      companyIds: [],
      createdAt: now,
      updatedAt: now,
    };
    noteFields(store, bodyOf(req), n);
    store.crm.notes.set(n.id, n);
    return { status: 200, body: { id: n.id } };
  },
  'GET /crm/notes/{id}': (req, store) => ({
    status: 200,
    body: store.crm.noteView(note(store, req.params.id!), author(store)),
  }),
  'PATCH /crm/notes/{id}': (req, store) => {
    const n = note(store, req.params.id!);
    noteFields(store, bodyOf(req), n);
    n.updatedAt = store.now();
    return { status: 204 };
  },
  'DELETE /crm/notes/{id}': (req, store) => {
    store.crm.notes.delete(note(store, req.params.id!).id);
    return { status: 204 };
  },
  'GET /crm/files': (req, store) => {
    const files = byEntity(req, [...store.crm.files.values()].map(asLinks));
    return { status: 200, body: page(files, paging(req, 50, 1000)).map((f) => store.crm.fileView(f)) };
  },
  'POST /crm/files': uploadFile,
  'GET /crm/files/{id}': (req, store) => {
    const f = file(store, req.params.id!);
    // A signed download link, valid a short while, as Brevo gives.
    return {
      status: 200,
      body: {
        fileUrl: `https://storage.googleapis.com/brevo-crm-files/demoshop/${f.id}/${encodeURIComponent(f.name)}?X-Goog-Expires=900`,
      },
    };
  },
  'GET /crm/files/{id}/data': (req, store) => ({ status: 200, body: store.crm.fileView(file(store, req.params.id!)) }),
  'DELETE /crm/files/{id}': (req, store) => {
    store.crm.files.delete(file(store, req.params.id!).id);
    return { status: 204 };
  },
});
