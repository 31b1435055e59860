import { expect } from 'vitest';
import { describeRequests } from '../../test/support/request-cases.js';
import { textOf } from '../../test/support/mcp.js';

const companyId = '629475917295261d9b1f4403';
const dealId = '61a5ce58c5d4795761045990';
const csv = (text: string) => ({ base64: Buffer.from(text).toString('base64'), bytes: Buffer.from(text) });
const companiesCsv = csv('name;domain;associated_contact\nAcme Corp;acme.test;ann.lee@example.com\n');
const dealsCsv = csv('deal_id;deal_name;amount\n61a5ce58c5d4795761045990;Acme renewal;12000\n');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

// What Brevo must receive as the body, where the arguments give it as it is.
const createCompanyBody = {
  name: 'Acme Corp',
  attributes: { domain: 'acme.test', industry: 'Retail', revenue: 1200000 },
  linkedContactsIds: [501, 502],
  linkedDealsIds: [dealId],
};

const createCrmAttributeBody = {
  label: 'Customer tier',
  attributeType: 'single-select',
  optionsLabels: ['Bronze', 'Silver', 'Gold'],
  objectType: 'companies',
};

const createDealBody = {
  name: 'Acme renewal 2027',
  attributes: {
    amount: 12000,
    deal_owner: 'sales@acme.test',
    pipeline: '6093d296ad1e9c5cf2140a58',
    deal_stage: '9e577ff7-8e42-4ab3-be26-2b5e01b42518',
  },
  linkedContactsIds: [501],
  linkedCompaniesIds: [companyId],
};

const createTaskBody = {
  name: 'Call Ann about renewal',
  taskTypeId: '61a88a2eb7a574180261234',
  date: '2026-12-03T10:00:00+01:00',
  duration: 1800000,
  assignToId: 'sales@acme.test',
  dealsIds: [dealId],
  reminder: { value: 30, unit: 'minutes', types: ['email', 'push'] },
};

describeRequests('crm', [
  // Companies
  {
    tool: 'get_companies',
    args: {
      filters: '{"attributes.owner":"6299dcf3874a14eacbc65c46"}',
      modifiedSince: '2026-11-01T00:00:00.000Z',
      page: 1,
      limit: 20,
      sort: 'asc',
      sortBy: 'name',
    },
    expect: {
      method: 'GET',
      path: '/companies',
      query:
        'filters={"attributes.owner":"6299dcf3874a14eacbc65c46"}&modifiedSince=2026-11-01T00:00:00.000Z&page=1&limit=20&sort=asc&sortBy=name',
    },
  },
  {
    tool: 'get_companies',
    label: 'by linked contact and deal',
    args: { linkedContactsIds: 501, linkedDealsIds: dealId },
    expect: { method: 'GET', path: '/companies', query: `linkedContactsIds=501&linkedDealsIds=${dealId}` },
  },
  {
    tool: 'create_company',
    args: createCompanyBody,
    reply: { status: 200, json: { id: companyId } },
    expect: {
      method: 'POST',
      path: '/companies',
      body: createCompanyBody,
    },
  },
  { tool: 'get_company', args: { id: companyId }, expect: { method: 'GET', path: `/companies/${companyId}` } },
  {
    tool: 'update_company',
    args: { id: companyId, attributes: { phone_number: '612345678' }, countryCode: 33 },
    expect: {
      method: 'PATCH',
      path: `/companies/${companyId}`,
      body: { attributes: { phone_number: '612345678' }, countryCode: 33 },
    },
  },
  {
    tool: 'delete_company',
    args: { id: companyId },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `/companies/${companyId}` },
  },
  {
    tool: 'link_unlink_company',
    args: { id: companyId, linkContactIds: [503], unlinkDealsIds: [dealId] },
    reply: { status: 204 },
    expect: {
      method: 'PATCH',
      path: `/companies/link-unlink/${companyId}`,
      body: { linkContactIds: [503], unlinkDealsIds: [dealId] },
    },
  },
  { tool: 'get_company_attributes', args: {}, expect: { method: 'GET', path: '/crm/attributes/companies' } },
  {
    tool: 'create_crm_attribute',
    args: createCrmAttributeBody,
    reply: { status: 200, json: { id: '61a5cd07ca1347c82306ad07' } },
    expect: {
      method: 'POST',
      path: '/crm/attributes',
      body: createCrmAttributeBody,
    },
  },
  {
    tool: 'import_companies',
    args: { file: companiesCsv.base64, mapping: { link_entities: true, update_existing_records: false } },
    reply: { status: 200, json: { processId: 50 } },
    expect: {
      method: 'POST',
      path: '/companies/import',
      form: { mapping: '{"link_entities":true,"update_existing_records":false}' },
      file: { field: 'file', name: 'companies.csv', content: companiesCsv.bytes },
    },
  },
  // Deals and pipelines
  {
    tool: 'get_deals',
    args: {
      'filters_attributes.deal_name': 'Acme renewal',
      filters_linkedCompaniesIds: companyId,
      limit: 10,
      offset: 20,
      sort: 'desc',
    },
    expect: {
      method: 'GET',
      path: '/crm/deals',
      query: `filters[attributes.deal_name]=Acme+renewal&filters[linkedCompaniesIds]=${companyId}&offset=20&limit=10&sort=desc`,
    },
  },
  {
    tool: 'get_deals',
    label: 'by contact, created since',
    args: { filters_linkedContactsIds: '501', createdSince: '2026-10-01T00:00:00+02:00' },
    expect: {
      method: 'GET',
      path: '/crm/deals',
      query: 'filters[linkedContactsIds]=501&createdSince=2026-10-01T00:00:00+02:00',
    },
  },
  {
    tool: 'create_deal',
    args: createDealBody,
    reply: { status: 201, json: { id: dealId } },
    expect: {
      method: 'POST',
      path: '/crm/deals',
      body: createDealBody,
    },
  },
  { tool: 'get_deal', args: { id: dealId }, expect: { method: 'GET', path: `/crm/deals/${dealId}` } },
  {
    tool: 'update_deal',
    args: {
      id: dealId,
      attributes: { deal_stage: 'a1b2c3d4-0000-4ab3-be26-2b5e01b42518' },
      linkedContactIds: [501, 504],
    },
    reply: { status: 204 },
    expect: {
      method: 'PATCH',
      path: `/crm/deals/${dealId}`,
      body: { attributes: { deal_stage: 'a1b2c3d4-0000-4ab3-be26-2b5e01b42518' }, linkedContactIds: [501, 504] },
    },
  },
  {
    tool: 'delete_deal',
    args: { id: dealId },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `/crm/deals/${dealId}` },
  },
  {
    tool: 'link_unlink_deal',
    args: { id: dealId, linkCompanyIds: [companyId], unlinkContactIds: [502] },
    reply: { status: 204 },
    expect: {
      method: 'PATCH',
      path: `/crm/deals/link-unlink/${dealId}`,
      body: { linkCompanyIds: [companyId], unlinkContactIds: [502] },
    },
  },
  { tool: 'get_deal_attributes', args: {}, expect: { method: 'GET', path: '/crm/attributes/deals' } },
  {
    tool: 'import_deals',
    args: {
      file: dealsCsv.base64,
      fileName: 'q4-deals.csv',
      mapping: { update_existing_records: true, unset_empty_attributes: false },
    },
    reply: { status: 200, json: { processId: 51 } },
    expect: {
      method: 'POST',
      path: '/crm/deals/import',
      form: { mapping: '{"update_existing_records":true,"unset_empty_attributes":false}' },
      file: { field: 'file', name: 'q4-deals.csv', content: dealsCsv.bytes },
    },
  },
  {
    tool: 'get_pipelines',
    args: {},
    reply: { json: [{ pipeline: '6093d296ad1e9c5cf2140a58', pipeline_name: 'Sales', stages: [] }] },
    expect: { method: 'GET', path: '/crm/pipeline/details/all' },
  },
  {
    tool: 'get_pipeline',
    args: { pipelineID: '6093d296ad1e9c5cf2140a58' },
    expect: { method: 'GET', path: '/crm/pipeline/details/6093d296ad1e9c5cf2140a58' },
  },
  { tool: 'get_pipeline_stages', args: {}, expect: { method: 'GET', path: '/crm/pipeline/details' } },
  // Tasks
  {
    tool: 'get_tasks',
    args: {
      filter_status: 'undone',
      filter_date: 'range',
      dateFrom: 1793491200000,
      dateTo: 1794096000000,
      filter_assignTo: 'sales@acme.test',
      limit: 50,
      sortBy: 'date',
    },
    expect: {
      method: 'GET',
      path: '/crm/tasks',
      query:
        'filter[status]=undone&filter[date]=range&filter[assignTo]=sales@acme.test&dateFrom=1793491200000&dateTo=1794096000000&limit=50&sortBy=date',
    },
  },
  {
    tool: 'get_tasks',
    label: 'by type and linked deal',
    args: {
      filter_type: '61a88a2eb7a574180261234',
      filter_deals: dealId,
      filter_companies: companyId,
      filter_contacts: '501',
    },
    expect: {
      method: 'GET',
      path: '/crm/tasks',
      query: `filter[type]=61a88a2eb7a574180261234&filter[contacts]=501&filter[deals]=${dealId}&filter[companies]=${companyId}`,
    },
  },
  {
    tool: 'create_task',
    args: createTaskBody,
    reply: { status: 201, json: { id: '61a5cd07ca1347c82306ad06' } },
    expect: {
      method: 'POST',
      path: '/crm/tasks',
      body: createTaskBody,
    },
  },
  {
    tool: 'get_task',
    args: { id: '61a5cd07ca1347c82306ad06' },
    expect: { method: 'GET', path: '/crm/tasks/61a5cd07ca1347c82306ad06' },
  },
  {
    tool: 'update_task',
    args: { id: '61a5cd07ca1347c82306ad06', done: true, notes: 'Renewal agreed, contract sent.' },
    reply: { status: 204 },
    expect: {
      method: 'PATCH',
      path: '/crm/tasks/61a5cd07ca1347c82306ad06',
      body: { done: true, notes: 'Renewal agreed, contract sent.' },
    },
  },
  {
    tool: 'delete_task',
    args: { id: '61a5cd07ca1347c82306ad06' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/crm/tasks/61a5cd07ca1347c82306ad06' },
  },
  { tool: 'get_task_types', args: {}, expect: { method: 'GET', path: '/crm/tasktypes' } },
  // Notes
  {
    tool: 'get_notes',
    args: {
      entity: 'deals',
      entityIds: `${dealId},61a5ce58c5d4795761045991`,
      dateFrom: 1793491200000,
      limit: 25,
      sort: 'desc',
    },
    expect: {
      method: 'GET',
      path: '/crm/notes',
      query: `entity=deals&entityIds=${dealId},61a5ce58c5d4795761045991&dateFrom=1793491200000&limit=25&sort=desc`,
    },
  },
  {
    tool: 'create_note',
    args: { text: 'Ann wants a 2-year term with quarterly billing.', contactIds: [501], dealIds: [dealId] },
    reply: { status: 201, json: { id: '61a5cd07ca1347c82306ad09' } },
    expect: {
      method: 'POST',
      path: '/crm/notes',
      body: { text: 'Ann wants a 2-year term with quarterly billing.', contactIds: [501], dealIds: [dealId] },
    },
  },
  {
    tool: 'get_note',
    args: { id: '61a5cd07ca1347c82306ad09' },
    expect: { method: 'GET', path: '/crm/notes/61a5cd07ca1347c82306ad09' },
  },
  {
    tool: 'update_note',
    args: { id: '61a5cd07ca1347c82306ad09', text: 'Ann wants a 2-year term, billed yearly.', companyIds: [companyId] },
    reply: { status: 204 },
    expect: {
      method: 'PATCH',
      path: '/crm/notes/61a5cd07ca1347c82306ad09',
      body: { text: 'Ann wants a 2-year term, billed yearly.', companyIds: [companyId] },
    },
  },
  {
    tool: 'delete_note',
    args: { id: '61a5cd07ca1347c82306ad09' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/crm/notes/61a5cd07ca1347c82306ad09' },
  },
  // Files
  {
    tool: 'get_files',
    args: { entity: 'companies', entityIds: companyId, offset: 0, limit: 50 },
    expect: { method: 'GET', path: '/crm/files', query: `entity=companies&entityIds=${companyId}&offset=0&limit=50` },
  },
  {
    tool: 'upload_file',
    args: { file: pdf.toString('base64'), fileName: 'acme-quote.pdf', dealId, contactId: 501 },
    reply: { status: 201, json: { name: 'acme-quote.pdf', dealId, contactId: 501, size: pdf.length } },
    expect: {
      method: 'POST',
      path: '/crm/files',
      form: { dealId, contactId: '501' },
      file: { field: 'file', name: 'acme-quote.pdf', content: pdf },
    },
  },
  {
    tool: 'download_file',
    args: { id: '61a5cf0ec5d4795761045a01' },
    reply: { json: { fileUrl: 'https://storage.googleapis.com/brevo-app-crm/acme-quote.pdf?X-Goog-Expires=300' } },
    expect: { method: 'GET', path: '/crm/files/61a5cf0ec5d4795761045a01' },
    check: ({ result }) => expect(textOf(result)).toContain('"fileUrl"'),
  },
  {
    tool: 'get_file_details',
    args: { id: '61a5cf0ec5d4795761045a01' },
    expect: { method: 'GET', path: '/crm/files/61a5cf0ec5d4795761045a01/data' },
  },
  {
    tool: 'delete_file',
    args: { id: '61a5cf0ec5d4795761045a01' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/crm/files/61a5cf0ec5d4795761045a01' },
  },
]);
