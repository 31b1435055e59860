// Sales CRM: companies, deals and pipelines, tasks, notes, files, company/deal attributes.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { freeRecord, sortOrder } from './shapes.js';

/** CRM objects (companies, deals, tasks, notes, files) are named by string ids. */
const id = { id: z.string() };

/** CRM lists page with limit/offset and no documented ceiling. */
const crmPage = { offset: z.int().optional(), limit: z.int().optional(), sort: sortOrder.optional() };

/** Notes and files are listed by the record they hang on, within a window in epoch milliseconds. */
const byEntity = {
  entity: z.enum(['companies', 'deals', 'contacts']).optional(),
  entityIds: z.string().optional().describe('Comma-separated'),
  dateFrom: z.int().optional(),
  dateTo: z.int().optional(),
  ...crmPage,
};

const companyFields = {
  attributes: freeRecord.optional().describe('Internal attribute names (see get_company_attributes) to values'),
  countryCode: z.int().optional().describe('Dialling code, when attributes has phone_number'),
  linkedContactsIds: z.array(z.int()).optional(),
  linkedDealsIds: z.array(z.string()).optional(),
};

const dealAttributes = freeRecord
  .optional()
  .describe(
    'Internal attribute names to values; deal_owner (user email or id), pipeline and deal_stage ' +
      '(ids from get_pipeline)',
  );

const reminder = z.strictObject({
  value: z.int(),
  unit: z.enum(['minutes', 'hours', 'weeks', 'days']),
  types: z.array(z.enum(['email', 'push'])),
});

const taskLinks = {
  notes: z.string().optional(),
  done: z.boolean().optional(),
  assignToId: z.string().optional().describe('User email or id'),
  contactsIds: z.array(z.int()).optional(),
  dealsIds: z.array(z.string()).optional(),
  companiesIds: z.array(z.string()).optional(),
  reminder: reminder.optional(),
};

const noteBody = {
  text: z.string().min(1).max(3000),
  contactIds: z.array(z.int()).optional(),
  dealIds: z.array(z.string()).optional(),
  companyIds: z.array(z.string()).optional(),
};

/** Company and deal imports: one CSV file plus import options, sent as multipart/form-data. */
const importBody = (fileName: string, keys: string) => ({
  file: z.base64().optional().describe(`Base64 CSV; header row of internal attribute names, e.g. ${keys}`),
  fileName: z.string().default(fileName),
  mapping: freeRecord
    .optional()
    .describe('Booleans: link_entities, unlink_entities, update_existing_records, unset_empty_attributes'),
});

export default defineToolset('crm', [
  // Companies
  {
    name: 'get_companies',
    title: 'List companies',
    description:
      'List CRM companies, filtered by attributes, linked contact or deal, or created/modified since a UTC date-time.',
    keywords: ['all companies', 'accounts', 'organizations', 'businesses', 'find a company'],
    method: 'GET',
    path: '/companies',
    query: {
      filters: z.string().optional().describe('JSON, e.g. {"attributes.owner":"<user id>"}'),
      linkedContactsIds: z.int().optional(),
      linkedDealsIds: z.string().optional(),
      modifiedSince: z.string().optional(),
      createdSince: z.string().optional(),
      page: z.int().optional(),
      limit: z.int().optional(),
      sort: sortOrder.optional(),
      sortBy: z.string().optional(),
    },
  },
  {
    name: 'create_company',
    title: 'Create company',
    description: 'Create a CRM company, optionally linked to contacts and deals. Returns its id.',
    keywords: ['new company', 'add organization', 'add business'],
    method: 'POST',
    path: '/companies',
    body: { name: z.string(), ...companyFields },
  },
  {
    name: 'get_company',
    title: 'Get company',
    description: 'One company with its attributes and linked contact and deal ids.',
    keywords: ['company details', 'company record'],
    method: 'GET',
    path: '/companies/{id}',
    pathParams: id,
  },
  {
    name: 'update_company',
    title: 'Update company',
    description:
      "Change a company's name or attributes. Linked id lists replace the current links; use link_unlink_company " +
      'to add or remove.',
    keywords: ['edit company', 'change company fields'],
    method: 'PATCH',
    path: '/companies/{id}',
    idempotent: true,
    pathParams: id,
    body: { name: z.string().optional(), ...companyFields },
  },
  {
    name: 'delete_company',
    title: 'Delete company',
    description: 'Delete a CRM company.',
    keywords: ['remove company'],
    method: 'DELETE',
    path: '/companies/{id}',
    pathParams: id,
  },
  {
    name: 'link_unlink_company',
    title: 'Link or unlink company',
    description: 'Add or remove links between a company and contacts or deals, keeping the other links.',
    keywords: ['associate contact with company', 'attach deal to company', 'detach from company'],
    method: 'PATCH',
    path: '/companies/link-unlink/{id}',
    idempotent: true,
    pathParams: id,
    body: {
      linkContactIds: z.array(z.int()).optional(),
      unlinkContactIds: z.array(z.int()).optional(),
      linkDealsIds: z.array(z.string()).optional(),
      unlinkDealsIds: z.array(z.string()).optional(),
    },
  },
  {
    name: 'get_company_attributes',
    title: 'List company attributes',
    description: 'Company attributes with internal names, types and options.',
    keywords: ['company fields', 'company properties', 'company custom fields'],
    method: 'GET',
    path: '/crm/attributes/companies',
  },
  {
    name: 'create_crm_attribute',
    title: 'Create company/deal attribute',
    description: 'Add a custom attribute to companies or deals; optionsLabels for single-select and multi-choice.',
    keywords: ['new deal field', 'new company field', 'custom field for deals', 'custom property'],
    method: 'POST',
    path: '/crm/attributes',
    body: {
      label: z.string(),
      attributeType: z.enum(['text', 'user', 'number', 'single-select', 'date', 'boolean', 'multi-choice']),
      description: z.string().optional(),
      optionsLabels: z.array(z.string()).optional(),
      objectType: z.enum(['companies', 'deals']),
    },
  },
  {
    name: 'import_companies',
    title: 'Import companies',
    description:
      'Create or update companies from a CSV file (company_id column to update). Runs in the background; ' +
      'returns a processId.',
    keywords: ['upload companies', 'companies csv'],
    method: 'POST',
    path: '/companies/import',
    body: importBody('companies.csv', 'company_id, associated_contact, associated_deal'),
    multipart: { fileField: 'file', fileNameField: 'fileName' },
  },
  // Deals and pipelines
  {
    name: 'get_deals',
    title: 'List deals',
    description: 'List deals, filtered by name, linked company or contact, or created/modified since a UTC date-time.',
    keywords: ['opportunities', 'pipeline deals', 'open deals', 'sales'],
    method: 'GET',
    path: '/crm/deals',
    query: {
      'filters_attributes.deal_name': z.string().optional(),
      filters_linkedCompaniesIds: z.string().optional(),
      filters_linkedContactsIds: z.string().optional(),
      modifiedSince: z.string().optional(),
      createdSince: z.string().optional(),
      ...crmPage,
    },
    wireNames: {
      'filters_attributes.deal_name': 'filters[attributes.deal_name]',
      filters_linkedCompaniesIds: 'filters[linkedCompaniesIds]',
      filters_linkedContactsIds: 'filters[linkedContactsIds]',
    },
  },
  {
    name: 'create_deal',
    title: 'Create deal',
    description: 'Create a deal, optionally in a pipeline stage and linked to contacts and companies. Returns its id.',
    keywords: ['new opportunity', 'new deal', 'new sale'],
    method: 'POST',
    path: '/crm/deals',
    body: {
      name: z.string(),
      attributes: dealAttributes,
      linkedContactsIds: z.array(z.int()).optional(),
      linkedCompaniesIds: z.array(z.string()).optional(),
    },
  },
  {
    name: 'get_deal',
    title: 'Get deal',
    description: 'One deal with its attributes, stage and linked contact and company ids.',
    keywords: ['deal details', 'opportunity details'],
    method: 'GET',
    path: '/crm/deals/{id}',
    pathParams: id,
  },
  {
    name: 'update_deal',
    title: 'Update deal',
    description:
      "Change a deal's name, attributes or stage. Linked id lists replace the current links; use " +
      'link_unlink_deal to add or remove.',
    keywords: ['move deal stage', 'edit deal', 'mark deal won', 'mark deal lost', 'change amount'],
    method: 'PATCH',
    path: '/crm/deals/{id}',
    idempotent: true,
    pathParams: id,
    body: {
      name: z.string().optional(),
      attributes: dealAttributes,
      linkedContactIds: z.array(z.int()).optional(),
      linkedCompaniesIds: z.array(z.string()).optional(),
    },
  },
  {
    name: 'delete_deal',
    title: 'Delete deal',
    description: 'Delete a deal.',
    keywords: ['remove opportunity', 'remove deal'],
    method: 'DELETE',
    path: '/crm/deals/{id}',
    pathParams: id,
  },
  {
    name: 'link_unlink_deal',
    title: 'Link or unlink deal',
    description: 'Add or remove links between a deal and contacts or companies, keeping the other links.',
    keywords: ['associate contact with deal', 'attach company to deal', 'detach from deal'],
    method: 'PATCH',
    path: '/crm/deals/link-unlink/{id}',
    idempotent: true,
    pathParams: id,
    body: {
      linkContactIds: z.array(z.int()).optional(),
      unlinkContactIds: z.array(z.int()).optional(),
      linkCompanyIds: z.array(z.string()).optional(),
      unlinkCompanyIds: z.array(z.string()).optional(),
    },
  },
  {
    name: 'get_deal_attributes',
    title: 'List deal attributes',
    description: 'Deal attributes with internal names, types and options.',
    keywords: ['deal fields', 'deal properties', 'opportunity fields'],
    method: 'GET',
    path: '/crm/attributes/deals',
  },
  {
    name: 'import_deals',
    title: 'Import deals',
    description:
      'Create or update deals from a CSV file (deal_id column to update). Runs in the background; returns a processId.',
    keywords: ['upload deals', 'deals csv', 'import opportunities'],
    method: 'POST',
    path: '/crm/deals/import',
    body: importBody('deals.csv', 'deal_id, associated_contact, associated_company'),
    multipart: { fileField: 'file', fileNameField: 'fileName' },
  },
  {
    name: 'get_pipelines',
    title: 'List pipelines',
    description: 'Every deal pipeline with its stages and their ids.',
    keywords: ['sales pipelines', 'stages', 'funnels'],
    method: 'GET',
    path: '/crm/pipeline/details/all',
  },
  {
    name: 'get_pipeline',
    title: 'Get pipeline',
    description: 'One deal pipeline with its stages and their ids.',
    keywords: ['stages of a pipeline', 'pipeline details'],
    method: 'GET',
    path: '/crm/pipeline/details/{pipelineID}',
    pathParams: { pipelineID: z.string() },
  },
  {
    name: 'get_pipeline_stages',
    title: 'Get pipeline stages',
    description: 'Deprecated: stages of the original pipeline only. Prefer get_pipelines or get_pipeline.',
    keywords: ['deal stages'],
    method: 'GET',
    path: '/crm/pipeline/details',
  },
  // Tasks
  {
    name: 'get_tasks',
    title: 'List tasks',
    description:
      'List CRM tasks by type, status, due date, assignee or linked record; filter_date range uses ' +
      'dateFrom/dateTo (epoch ms).',
    keywords: ['to-do list', 'reminders', 'follow-ups', 'open tasks', 'overdue tasks'],
    method: 'GET',
    path: '/crm/tasks',
    query: {
      filter_type: z.string().optional().describe('Task type id'),
      filter_status: z.enum(['done', 'undone']).optional(),
      filter_date: z.enum(['overdue', 'today', 'tomorrow', 'week', 'range']).optional(),
      filter_assignTo: z.string().optional().describe('User email or id'),
      filter_contacts: z.string().optional(),
      filter_deals: z.string().optional(),
      filter_companies: z.string().optional(),
      dateFrom: z.int().optional(),
      dateTo: z.int().optional(),
      ...crmPage,
      sortBy: z.string().optional(),
    },
    wireNames: {
      filter_type: 'filter[type]',
      filter_status: 'filter[status]',
      filter_date: 'filter[date]',
      filter_assignTo: 'filter[assignTo]',
      filter_contacts: 'filter[contacts]',
      filter_deals: 'filter[deals]',
      filter_companies: 'filter[companies]',
    },
  },
  {
    name: 'create_task',
    title: 'Create task',
    description: 'Create a CRM task of a type (get_task_types) due at a date-time; duration in milliseconds.',
    keywords: ['reminder', 'to-do', 'follow-up', 'schedule a call', 'schedule a meeting'],
    method: 'POST',
    path: '/crm/tasks',
    body: {
      name: z.string(),
      duration: z.int().min(0).optional(),
      taskTypeId: z.string(),
      date: z.iso.datetime({ offset: true }),
      ...taskLinks,
    },
  },
  {
    name: 'get_task',
    title: 'Get task',
    description: 'One CRM task with its due date, status and links.',
    keywords: ['task details', 'reminder details'],
    method: 'GET',
    path: '/crm/tasks/{id}',
    pathParams: id,
  },
  {
    name: 'update_task',
    title: 'Update task',
    description: "Change a task's fields or mark it done; duration in milliseconds.",
    keywords: ['mark done', 'complete task', 'reschedule task', 'edit reminder'],
    method: 'PATCH',
    path: '/crm/tasks/{id}',
    idempotent: true,
    pathParams: id,
    body: {
      name: z.string().optional(),
      duration: z.int().optional(),
      taskTypeId: z.string().optional(),
      date: z.iso.datetime({ offset: true }).optional(),
      ...taskLinks,
    },
  },
  {
    name: 'delete_task',
    title: 'Delete task',
    description: 'Delete a CRM task.',
    keywords: ['remove task', 'remove reminder'],
    method: 'DELETE',
    path: '/crm/tasks/{id}',
    pathParams: id,
  },
  {
    name: 'get_task_types',
    title: 'List task types',
    description: 'Task types (call, email, meeting...) with the ids create_task needs.',
    keywords: ['kinds of tasks', 'call', 'meeting', 'email', 'todo'],
    method: 'GET',
    path: '/crm/tasktypes',
  },
  // Notes
  {
    name: 'get_notes',
    title: 'List notes',
    description:
      'List CRM notes, optionally of given companies, deals or contacts, created between dateFrom ' +
      'and dateTo (epoch ms).',
    keywords: ['comments', 'notes on a deal', 'notes on a contact'],
    method: 'GET',
    path: '/crm/notes',
    query: byEntity,
  },
  {
    name: 'create_note',
    title: 'Create note',
    description: 'Add a text note to contacts, deals and/or companies.',
    keywords: ['add comment', 'write a note', 'log a call'],
    method: 'POST',
    path: '/crm/notes',
    body: noteBody,
  },
  {
    name: 'get_note',
    title: 'Get note',
    description: 'One CRM note with its text and linked records.',
    keywords: ['read note', 'note details'],
    method: 'GET',
    path: '/crm/notes/{id}',
    pathParams: id,
  },
  {
    name: 'update_note',
    title: 'Update note',
    description: "Replace a note's text and linked records.",
    keywords: ['edit note', 'change note'],
    method: 'PATCH',
    path: '/crm/notes/{id}',
    idempotent: true,
    pathParams: id,
    body: noteBody,
  },
  {
    name: 'delete_note',
    title: 'Delete note',
    description: 'Delete a CRM note.',
    keywords: ['remove note'],
    method: 'DELETE',
    path: '/crm/notes/{id}',
    pathParams: id,
  },
  // Files
  {
    name: 'get_files',
    title: 'List files',
    description:
      'List CRM files, optionally of given companies, deals or contacts, uploaded between dateFrom ' +
      'and dateTo (epoch ms).',
    keywords: ['documents', 'attachments', 'files of a deal'],
    method: 'GET',
    path: '/crm/files',
    query: byEntity,
  },
  {
    name: 'upload_file',
    title: 'Upload file',
    description: 'Attach a file (base64 content) to a deal, contact or company.',
    keywords: ['attach document', 'attach file', 'upload document', 'pdf'],
    method: 'POST',
    path: '/crm/files',
    body: {
      file: z.base64(),
      fileName: z.string().optional(),
      dealId: z.string().optional(),
      contactId: z.int().optional(),
      companyId: z.string().optional(),
    },
    multipart: { fileField: 'file', fileNameField: 'fileName' },
  },
  {
    name: 'download_file',
    title: 'Get file download link',
    description: 'A download URL for a CRM file, valid for 5 minutes (JSON, not the file itself).',
    keywords: ['download document', 'file link'],
    method: 'GET',
    path: '/crm/files/{id}',
    pathParams: id,
  },
  {
    name: 'get_file_details',
    title: 'Get file details',
    description: "A CRM file's name, size, author and linked records.",
    keywords: ['file info', 'file size', 'who uploaded'],
    method: 'GET',
    path: '/crm/files/{id}/data',
    pathParams: id,
  },
  {
    name: 'delete_file',
    title: 'Delete file',
    description: 'Delete a CRM file.',
    keywords: ['remove document', 'remove attachment'],
    method: 'DELETE',
    path: '/crm/files/{id}',
    pathParams: id,
  },
]);
