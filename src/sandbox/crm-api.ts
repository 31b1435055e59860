// The CRM's companies, deals and pipelines with real state: create, read, list (filters,
// paging), update, link and unlink (kept on both sides: a company's deals are the deals linked to
// it), move deals through their pipeline's stages, delete (and unlink everywhere), CSV imports.
import { foundIn, invalid, missing, notFound, SandboxError, type SandboxRequest, routes } from './http.js';
import { objectId, type Company, type CrmAttribute, type Deal, type Pipeline } from './crm-store.js';
import { UploadedFile } from './multipart.js';
import type { Store } from './store.js';
import {
  bodyOf,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  reqString,
  since,
  sorted,
  type Body,
} from './validate.js';

// Lookups and links.

export function company(store: Store, id: string): Company {
  return foundIn(store.crm.companies, id, 'Company not found');
}

export function deal(store: Store, id: string): Deal {
  return foundIn(store.crm.deals, id, 'Deal not found');
}

/** Contact ids that must exist (a link to a missing contact is refused as Brevo does). */
export function checkContacts(store: Store, ids: number[] | undefined, field: string): number[] {
  for (const id of ids ?? []) if (!store.contacts.has(id)) throw invalid(`${field}: contact ${id} does not exist`);
  return ids ?? [];
}

/** The deal ids a request links to, each of which must exist. */
export const existingDeals = (store: Store, ids: string[] | undefined, field: string) =>
  checkIds(ids, (id) => store.crm.deals.has(id), 'deal', field);

/** The company ids a request links to, each of which must exist. */
export const existingCompanies = (store: Store, ids: string[] | undefined, field: string) =>
  checkIds(ids, (id) => store.crm.companies.has(id), 'company', field);

function checkIds(ids: string[] | undefined, exists: (id: string) => boolean, kind: string, field: string): string[] {
  for (const id of ids ?? []) if (!exists(id)) throw invalid(`${field}: ${kind} ${id} does not exist`);
  return ids ?? [];
}

const add = <T>(list: T[], items: T[]) => {
  for (const item of items) if (!list.includes(item)) list.push(item);
};
const remove = <T>(list: T[], items: T[]) => {
  for (const item of items) if (list.includes(item)) list.splice(list.indexOf(item), 1);
};

/** Links deals to a company on both sides (or unlinks them). */
function linkDeals(store: Store, c: Company, dealIds: string[], link: boolean): void {
  for (const id of dealIds) {
    const d = deal(store, id);
    (link ? add : remove)(c.dealIds, [id]);
    (link ? add : remove)(d.companyIds, [c.id]);
  }
}

// Pipelines.

export function defaultPipeline(store: Store): Pipeline {
  return store.crm.pipelines[0]!;
}

/**
 * The pipeline and stage a deal's attributes name, checked; unset ones come from the current values or the default
 * pipeline.
 */
function placeDeal(store: Store, attributes: Record<string, unknown>, current?: Record<string, unknown>): void {
  const pipelineId = String(attributes.pipeline ?? current?.pipeline ?? defaultPipeline(store).id);
  const pipeline = store.crm.pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) throw invalid(`attributes.pipeline: pipeline ${pipelineId} does not exist`);
  const stageId = String(
    attributes.deal_stage ??
      (attributes.pipeline !== undefined ? pipeline.stages[0]!.id : (current?.deal_stage ?? pipeline.stages[0]!.id)),
  );
  if (!pipeline.stages.some((s) => s.id === stageId))
    throw invalid(`attributes.deal_stage: stage ${stageId} is not a stage of pipeline "${pipeline.name}"`);
  attributes.pipeline = pipeline.id;
  attributes.deal_stage = stageId;
}

function checkAttributes(store: Store, kind: 'deals' | 'companies', attributes: Record<string, unknown>): void {
  const known = store.crm.attributes[kind];
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = known.find((a) => a.internalName === name);
    if (!attribute)
      throw invalid(
        `attributes.${name} is not a ${kind === 'deals' ? 'deal' : 'company'} attribute (see get_${kind === 'deals' ? 'deal' : 'company'}_attributes)`,
      );
    if (attribute.attributeTypeName === 'number' && value !== null && typeof value !== 'number')
      throw invalid(`attributes.${name} should be a number`);
    if (
      attribute.attributeTypeName === 'single-select' &&
      value !== null &&
      !attribute.attributeOptions.some((o) => o.key === value)
    ) {
      throw invalid(`attributes.${name} should be one of ${attribute.attributeOptions.map((o) => o.key).join(', ')}`);
    }
  }
}

// Companies.

function createCompany(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const attributes = { ...(optObject(body, 'attributes') ?? {}) };
  checkAttributes(store, 'companies', attributes);
  const contactIds = checkContacts(store, optIntArray(body, 'linkedContactsIds'), 'linkedContactsIds');
  const dealIds = existingDeals(store, optStringArray(body, 'linkedDealsIds'), 'linkedDealsIds');
  const now = store.now();
  const c: Company = {
    id: objectId('company', store.nextId('company')),
    attributes: { ...attributes, name },
    contactIds: [...contactIds],
    dealIds: [],
    createdAt: now,
    modifiedAt: now,
  };
  if (body.countryCode !== undefined) c.attributes.country_code = body.countryCode;
  store.crm.companies.set(c.id, c);
  linkDeals(store, c, dealIds, true);
  return { status: 200, body: { id: c.id } };
}

function updateCompany(req: SandboxRequest, store: Store) {
  const c = company(store, req.params.id!);
  const body = bodyOf(req);
  const attributes = optObject(body, 'attributes') ?? {};
  checkAttributes(store, 'companies', attributes);
  const name = optString(body, 'name');
  const contactIds = optIntArray(body, 'linkedContactsIds');
  const dealIds = optStringArray(body, 'linkedDealsIds');
  checkContacts(store, contactIds, 'linkedContactsIds');
  existingDeals(store, dealIds, 'linkedDealsIds');
  Object.assign(c.attributes, attributes);
  if (name !== undefined) c.attributes.name = name;
  if (body.countryCode !== undefined) c.attributes.country_code = body.countryCode;
  // Lists given here replace the links.
  if (contactIds) c.contactIds = [...contactIds];
  if (dealIds) {
    linkDeals(store, c, [...c.dealIds], false);
    linkDeals(store, c, dealIds, true);
  }
  c.modifiedAt = store.now();
  return { status: 200, body: store.crm.companyView(c) };
}

function getCompanies(req: SandboxRequest, store: Store) {
  let items = [...store.crm.companies.values()];
  const filters = req.query.get('filters');
  if (filters) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(filters);
    } catch {
      throw invalid('filters should be a JSON object such as {"attributes.name":"Maison Verte"}');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw invalid('filters should be a JSON object such as {"attributes.name":"Maison Verte"}');
    for (const [key, value] of Object.entries(parsed as Body)) {
      const name = key.replace(/^attributes\./, '');
      items = items.filter((c) => sameValue(c.attributes[name], value));
    }
  }
  const contactId = req.query.get('linkedContactsIds');
  if (contactId) items = items.filter((c) => c.contactIds.includes(Number(contactId)));
  const dealId = req.query.get('linkedDealsIds');
  if (dealId) items = items.filter((c) => c.dealIds.includes(dealId));
  items = since(req, items, (c) => c.modifiedAt);
  items = sortedBy(req, items, (c) => c.attributes);
  // page counts pages from 1 (0 reads as the first page too).
  const { limit } = paging(req, 50, 1000);
  const pageNumber = Math.max(1, Number(req.query.get('page') ?? 1));
  return {
    status: 200,
    body: { items: items.slice((pageNumber - 1) * limit, pageNumber * limit).map((c) => store.crm.companyView(c)) },
  };
}

/** Filters compare text without case, and find a name from part of it. */
function sameValue(actual: unknown, wanted: unknown): boolean {
  if (typeof actual === 'string' && typeof wanted === 'string')
    return actual.toLowerCase().includes(wanted.toLowerCase());
  return String(actual) === String(wanted);
}

/** sort (desc by creation by default) and sortBy, an attribute name. */
function sortedBy<T>(req: SandboxRequest, items: T[], attributes: (item: T) => Record<string, unknown>): T[] {
  const by = req.query.get('sortBy') ?? req.query.get('sort_by');
  const ordered = sorted(req, items);
  if (!by) return ordered;
  const desc = (req.query.get('sort') ?? 'desc') === 'desc';
  const key = (item: T) => attributes(item)[by.replace(/^attributes\./, '')];
  return [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
    return desc ? -order : order;
  });
}

function deleteCompany(req: SandboxRequest, store: Store) {
  const c = company(store, req.params.id!);
  linkDeals(store, c, [...c.dealIds], false);
  store.crm.companies.delete(c.id);
  for (const a of [...store.crm.tasks.values(), ...store.crm.notes.values()]) remove(a.companyIds, [c.id]);
  for (const f of store.crm.files.values()) if (f.companyId === c.id) delete f.companyId;
  return { status: 204 };
}

// Deals.

function createDeal(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const attributes = { ...(optObject(body, 'attributes') ?? {}) };
  checkAttributes(store, 'deals', attributes);
  placeDeal(store, attributes);
  const contactIds = checkContacts(store, optIntArray(body, 'linkedContactsIds'), 'linkedContactsIds');
  const companyIds = existingCompanies(store, optStringArray(body, 'linkedCompaniesIds'), 'linkedCompaniesIds');
  const now = store.now();
  const d: Deal = {
    id: objectId('deal', store.nextId('deal')),
    attributes: { deal_owner: store.account.email, ...attributes, deal_name: name },
    contactIds: [...contactIds],
    companyIds: [],
    createdAt: now,
    modifiedAt: now,
    stageUpdatedAt: now,
  };
  store.crm.deals.set(d.id, d);
  for (const id of companyIds) linkDeals(store, company(store, id), [d.id], true);
  return { status: 201, body: { id: d.id } };
}

function updateDeal(req: SandboxRequest, store: Store) {
  const d = deal(store, req.params.id!);
  const body = bodyOf(req);
  const attributes = { ...(optObject(body, 'attributes') ?? {}) };
  checkAttributes(store, 'deals', attributes);
  const stageBefore = d.attributes.deal_stage;
  if (attributes.pipeline !== undefined || attributes.deal_stage !== undefined)
    placeDeal(store, attributes, d.attributes);
  const name = optString(body, 'name');
  // The definition names the contacts linkedContactIds here, linkedContactsIds on create.
  const contactIds = optIntArray(body, 'linkedContactIds');
  const companyIds = optStringArray(body, 'linkedCompaniesIds');
  checkContacts(store, contactIds, 'linkedContactIds');
  existingCompanies(store, companyIds, 'linkedCompaniesIds');
  Object.assign(d.attributes, attributes);
  if (name !== undefined) d.attributes.deal_name = name;
  if (contactIds) d.contactIds = [...contactIds];
  if (companyIds) {
    for (const id of [...d.companyIds]) linkDeals(store, company(store, id), [d.id], false);
    for (const id of companyIds) linkDeals(store, company(store, id), [d.id], true);
  }
  d.modifiedAt = store.now();
  if (d.attributes.deal_stage !== stageBefore) d.stageUpdatedAt = d.modifiedAt;
  return { status: 204 };
}

function getDeals(req: SandboxRequest, store: Store) {
  let items = [...store.crm.deals.values()];
  for (const [key, value] of req.query) {
    const attribute = /^filters\[attributes\.(.+)\]$/.exec(key)?.[1];
    if (attribute) items = items.filter((d) => sameValue(d.attributes[attribute], value));
  }
  const companyId = req.query.get('filters[linkedCompaniesIds]');
  if (companyId) items = items.filter((d) => d.companyIds.includes(companyId));
  const contactId = req.query.get('filters[linkedContactsIds]');
  if (contactId) items = items.filter((d) => d.contactIds.includes(Number(contactId)));
  items = sortedBy(
    req,
    since(req, items, (d) => d.modifiedAt),
    (d) => d.attributes,
  );
  const now = store.now();
  return { status: 200, body: { items: page(items, paging(req, 50, 1000)).map((d) => store.crm.dealView(d, now)) } };
}

function linkUnlinkDeal(req: SandboxRequest, store: Store) {
  const d = deal(store, req.params.id!);
  const body = bodyOf(req);
  add(d.contactIds, checkContacts(store, optIntArray(body, 'linkContactIds'), 'linkContactIds'));
  remove(d.contactIds, optIntArray(body, 'unlinkContactIds') ?? []);
  for (const id of existingCompanies(store, optStringArray(body, 'linkCompanyIds'), 'linkCompanyIds'))
    linkDeals(store, company(store, id), [d.id], true);
  for (const id of optStringArray(body, 'unlinkCompanyIds') ?? [])
    if (store.crm.companies.has(id)) linkDeals(store, company(store, id), [d.id], false);
  d.modifiedAt = store.now();
  return { status: 204 };
}

function linkUnlinkCompany(req: SandboxRequest, store: Store) {
  const c = company(store, req.params.id!);
  const body = bodyOf(req);
  add(c.contactIds, checkContacts(store, optIntArray(body, 'linkContactIds'), 'linkContactIds'));
  remove(c.contactIds, optIntArray(body, 'unlinkContactIds') ?? []);
  linkDeals(store, c, existingDeals(store, optStringArray(body, 'linkDealsIds'), 'linkDealsIds'), true);
  linkDeals(
    store,
    c,
    (optStringArray(body, 'unlinkDealsIds') ?? []).filter((i) => store.crm.deals.has(i)),
    false,
  );
  c.modifiedAt = store.now();
  return { status: 204 };
}

function deleteDeal(req: SandboxRequest, store: Store) {
  const d = deal(store, req.params.id!);
  for (const id of [...d.companyIds]) linkDeals(store, company(store, id), [d.id], false);
  store.crm.deals.delete(d.id);
  for (const a of [...store.crm.tasks.values(), ...store.crm.notes.values()]) remove(a.dealIds, [d.id]);
  for (const f of store.crm.files.values()) if (f.dealId === d.id) delete f.dealId;
  return { status: 204 };
}

// CSV imports: the first row names attributes; each further row creates (or, with an id, updates) one.

function csvRows(file: unknown): Record<string, string>[] {
  if (!(file instanceof UploadedFile)) throw missing('file');
  const lines = file.data
    .toString('utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const cells = (line: string) =>
    [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) =>
      (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '')).trim(),
    );
  const [head, ...rows] = lines.map(cells);
  if (!head?.length) throw invalid('file: the CSV has no header row');
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i] ?? ''])));
}

function importRows(req: SandboxRequest, store: Store, kind: 'deals' | 'companies') {
  const rows = csvRows(bodyOf(req).file);
  const nameField = kind === 'deals' ? 'deal_name' : 'name';
  const idField = kind === 'deals' ? 'deal_id' : 'company_id';
  const now = store.now();
  for (const row of rows) {
    const attributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!value || key === idField || key.startsWith('associated_')) continue;
      const attribute = store.crm.attributes[kind].find((a) => a.internalName === key);
      attributes[key] =
        attribute?.attributeTypeName === 'number' && !Number.isNaN(Number(value)) ? Number(value) : value;
    }
    const existing = row[idField]
      ? kind === 'deals'
        ? store.crm.deals.get(row[idField])
        : store.crm.companies.get(row[idField])
      : undefined;
    if (existing) {
      Object.assign(existing.attributes, attributes);
      existing.modifiedAt = now;
    } else if (kind === 'deals') {
      placeDeal(store, attributes);
      const d: Deal = {
        id: objectId('deal', store.nextId('deal')),
        attributes: { deal_owner: store.account.email, ...attributes },
        contactIds: [],
        companyIds: [],
        createdAt: now,
        modifiedAt: now,
        stageUpdatedAt: now,
      };
      if (!d.attributes[nameField]) throw invalid(`file: a row has no ${nameField}`);
      store.crm.deals.set(d.id, d);
    } else {
      if (!attributes[nameField]) throw invalid(`file: a row has no ${nameField}`);
      const c: Company = {
        id: objectId('company', store.nextId('company')),
        attributes,
        contactIds: [],
        dealIds: [],
        createdAt: now,
        modifiedAt: now,
      };
      store.crm.companies.set(c.id, c);
    }
  }
  return { status: 200, body: { processId: store.nextId('process') } };
}

// Attributes of deals and companies.

function createCrmAttribute(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const label = reqString(body, 'label');
  const kind = reqString(body, 'objectType') as 'deals' | 'companies';
  const type = reqString(body, 'attributeType');
  const internalName = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (store.crm.attributes[kind].some((a) => a.internalName === internalName))
    throw new SandboxError(400, 'duplicate_parameter', `Attribute ${internalName} already exists`);
  const options = optStringArray(body, 'optionsLabels') ?? [];
  if ((type === 'single-select' || type === 'multi-choice') && !options.length) throw missing('optionsLabels');
  const attribute: CrmAttribute = {
    internalName,
    label,
    attributeTypeName: type,
    attributeOptions: options.map((o) => ({ key: o.toLowerCase().replace(/[^a-z0-9]+/g, '_'), value: o })),
    isRequired: false,
  };
  store.crm.attributes[kind].push(attribute);
  return { status: 200, body: { id: objectId('attribute', store.nextId('crm-attribute')) } };
}

export const crmRoutes = routes({
  'GET /companies': getCompanies,
  'POST /companies': createCompany,
  'GET /companies/{id}': (req, store) => ({ status: 200, body: store.crm.companyView(company(store, req.params.id!)) }),
  'PATCH /companies/{id}': updateCompany,
  'DELETE /companies/{id}': deleteCompany,
  'PATCH /companies/link-unlink/{id}': linkUnlinkCompany,
  'POST /companies/import': (req, store) => importRows(req, store, 'companies'),
  'GET /crm/attributes/companies': (_req, store) => ({
    status: 200,
    body: structuredClone(store.crm.attributes.companies),
  }),
  'GET /crm/deals': getDeals,
  'POST /crm/deals': createDeal,
  'GET /crm/deals/{id}': (req, store) => ({
    status: 200,
    body: store.crm.dealView(deal(store, req.params.id!), store.now()),
  }),
  'PATCH /crm/deals/{id}': updateDeal,
  'DELETE /crm/deals/{id}': deleteDeal,
  'PATCH /crm/deals/link-unlink/{id}': linkUnlinkDeal,
  'POST /crm/deals/import': (req, store) => importRows(req, store, 'deals'),
  'GET /crm/attributes/deals': (_req, store) => ({ status: 200, body: structuredClone(store.crm.attributes.deals) }),
  'POST /crm/attributes': createCrmAttribute,
  'GET /crm/pipeline/details': (_req, store) => ({ status: 200, body: store.crm.pipelineView(defaultPipeline(store)) }),
  'GET /crm/pipeline/details/all': (_req, store) => ({
    status: 200,
    body: store.crm.pipelines.map((p) => store.crm.pipelineView(p)),
  }),
  'GET /crm/pipeline/details/{pipelineID}': (req, store) => {
    const pipeline = store.crm.pipelines.find((p) => p.id === req.params.pipelineID);
    if (!pipeline) throw notFound('Pipeline not found');
    return { status: 200, body: [store.crm.pipelineView(pipeline)] };
  },
});
