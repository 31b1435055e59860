import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createContactBody = {
  email: 'ann.lee@example.com',
  attributes: { FIRSTNAME: 'Ann', LASTNAME: 'Lee', AGE: 34, VIP: true, INTERESTS: ['shoes', 'bags'] },
  listIds: [3],
  updateEnabled: true,
};

const createDoiContactBody = {
  email: 'new.reader@example.com',
  attributes: { FIRSTNAME: 'Rae' },
  includeListIds: [3, 7],
  templateId: 9,
  redirectionUrl: 'https://acme.test/thanks',
};

const updateBatchContactsBody = {
  contacts: [
    { email: 'ann.lee@example.com', attributes: { PLAN: 'gold' }, listIds: [7] },
    { id: 502, unlinkListIds: [3], emailBlacklisted: true },
  ],
};

const requestContactExportBody = {
  exportAttributes: ['email', 'FIRSTNAME'],
  customContactFilter: { actionForContacts: 'subscribed', listId: 3 },
  notifyUrl: 'https://hooks.acme.test/export-done',
};

const importContactsBody = {
  fileBody: 'EMAIL;FIRSTNAME\nann.lee@example.com;Ann\nbo@example.com;Bo',
  listIds: [3],
  updateExistingContacts: true,
  emptyContactsAttributes: false,
};

const updateAttributeBody = {
  enumeration: [
    { value: 1, label: 'Free' },
    { value: 2, label: 'Gold' },
  ],
};

describeRequests('contacts', [
  {
    tool: 'get_contacts',
    args: { listIds: [3, 7], limit: 100, offset: 200, sort: 'desc', modifiedSince: '2026-11-01T00:00:00.000Z' },
    expect: {
      method: 'GET',
      path: '/contacts',
      query: 'limit=100&offset=200&modifiedSince=2026-11-01T00:00:00.000Z&sort=desc&listIds=3&listIds=7',
    },
  },
  {
    tool: 'get_contacts',
    label: 'segment and attribute filter',
    args: { segmentId: 12, filter: 'equals(FIRSTNAME,"Ann")' },
    expect: { method: 'GET', path: '/contacts', query: 'segmentId=12&filter=equals(FIRSTNAME,"Ann")' },
  },
  {
    tool: 'create_contact',
    args: createContactBody,
    reply: { status: 201, json: { id: 501 } },
    expect: {
      method: 'POST',
      path: '/contacts',
      body: createContactBody,
    },
  },
  {
    tool: 'create_doi_contact',
    args: createDoiContactBody,
    reply: { status: 201 },
    expect: {
      method: 'POST',
      path: '/contacts/doubleOptinConfirmation',
      body: createDoiContactBody,
    },
  },
  {
    tool: 'update_batch_contacts',
    args: updateBatchContactsBody,
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/contacts/batch',
      body: updateBatchContactsBody,
    },
  },
  {
    tool: 'request_contact_export',
    args: requestContactExportBody,
    reply: { status: 202, json: { processId: 78 } },
    expect: {
      method: 'POST',
      path: '/contacts/export',
      body: requestContactExportBody,
    },
  },
  {
    tool: 'import_contacts',
    args: importContactsBody,
    reply: { status: 202, json: { processId: 79 } },
    expect: {
      method: 'POST',
      path: '/contacts/import',
      body: importContactsBody,
    },
  },
  {
    tool: 'import_contacts',
    label: 'JSON rows into a new list',
    args: {
      jsonBody: [{ email: 'cy@example.com', attributes: { FIRSTNAME: 'Cy' } }],
      newList: { listName: 'Webinar Nov', folderId: 1 },
    },
    reply: { status: 202, json: { processId: 80 } },
    expect: {
      method: 'POST',
      path: '/contacts/import',
      body: {
        jsonBody: [{ email: 'cy@example.com', attributes: { FIRSTNAME: 'Cy' } }],
        newList: { listName: 'Webinar Nov', folderId: 1 },
      },
    },
  },
  {
    tool: 'get_contact_info',
    args: { identifier: 'ann.lee@example.com', startDate: '2026-10-01', endDate: '2026-11-01' },
    expect: {
      method: 'GET',
      path: '/contacts/ann.lee%40example.com',
      query: 'startDate=2026-10-01&endDate=2026-11-01',
    },
  },
  {
    tool: 'get_contact_info',
    label: 'by ext_id',
    args: { identifier: 'crm-00042', identifierType: 'ext_id' },
    expect: { method: 'GET', path: '/contacts/crm-00042', query: 'identifierType=ext_id' },
  },
  {
    tool: 'delete_contact',
    args: { identifier: 502 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/contacts/502' },
  },
  {
    tool: 'update_contact',
    args: {
      identifier: '+33612345678',
      identifierType: 'phone_id',
      attributes: { FIRSTNAME: 'Annie' },
      listIds: [7],
      unlinkListIds: [3],
    },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/contacts/%2B33612345678',
      query: 'identifierType=phone_id',
      body: { attributes: { FIRSTNAME: 'Annie' }, listIds: [7], unlinkListIds: [3] },
    },
  },
  {
    tool: 'get_contact_stats',
    args: { identifier: 'ann.lee@example.com', startDate: '2026-09-01', endDate: '2026-11-01' },
    expect: {
      method: 'GET',
      path: '/contacts/ann.lee%40example.com/campaignStats',
      query: 'startDate=2026-09-01&endDate=2026-11-01',
    },
  },
  {
    tool: 'get_folders',
    args: { limit: 10, offset: 0, sort: 'desc' },
    expect: { method: 'GET', path: '/contacts/folders', query: 'limit=10&offset=0&sort=desc' },
  },
  {
    tool: 'create_folder',
    args: { name: 'Events 2026' },
    reply: { status: 201, json: { id: 4 } },
    expect: { method: 'POST', path: '/contacts/folders', body: { name: 'Events 2026' } },
  },
  { tool: 'get_folder', args: { folderId: 4 }, expect: { method: 'GET', path: '/contacts/folders/4' } },
  {
    tool: 'update_folder',
    args: { folderId: 4, name: 'Events' },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/contacts/folders/4', body: { name: 'Events' } },
  },
  {
    tool: 'delete_folder',
    args: { folderId: 4 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/contacts/folders/4' },
  },
  {
    tool: 'get_folder_lists',
    args: { folderId: 1, limit: 50 },
    expect: { method: 'GET', path: '/contacts/folders/1/lists', query: 'limit=50' },
  },
  {
    tool: 'get_lists',
    args: { limit: 50, offset: 50 },
    expect: { method: 'GET', path: '/contacts/lists', query: 'limit=50&offset=50' },
  },
  {
    tool: 'create_list',
    args: { name: 'Newsletter FR', folderId: 1 },
    reply: { status: 201, json: { id: 12 } },
    expect: { method: 'POST', path: '/contacts/lists', body: { name: 'Newsletter FR', folderId: 1 } },
  },
  {
    tool: 'get_contacts_from_list',
    args: { listId: 12, modifiedSince: '2026-11-20T00:00:00Z', limit: 500, sort: 'asc' },
    expect: {
      method: 'GET',
      path: '/contacts/lists/12/contacts',
      query: 'modifiedSince=2026-11-20T00:00:00Z&limit=500&sort=asc',
    },
  },
  {
    tool: 'add_contact_to_list',
    args: { listId: 12, emails: ['ann.lee@example.com', 'bo@example.com'] },
    reply: { status: 201, json: { contacts: { success: ['ann.lee@example.com', 'bo@example.com'], failure: [] } } },
    expect: {
      method: 'POST',
      path: '/contacts/lists/12/contacts/add',
      body: { emails: ['ann.lee@example.com', 'bo@example.com'] },
    },
  },
  {
    tool: 'remove_contact_from_list',
    args: { listId: 12, ids: [501, 502] },
    reply: { status: 201, json: { contacts: { success: [501, 502], failure: [] } } },
    expect: { method: 'POST', path: '/contacts/lists/12/contacts/remove', body: { ids: [501, 502] } },
  },
  {
    tool: 'remove_contact_from_list',
    label: 'empty the list',
    args: { listId: 12, all: true },
    expect: { method: 'POST', path: '/contacts/lists/12/contacts/remove', body: { all: true } },
  },
  {
    tool: 'get_list',
    args: { listId: 12, startDate: '2026-11-01', endDate: '2026-11-25' },
    expect: { method: 'GET', path: '/contacts/lists/12', query: 'startDate=2026-11-01&endDate=2026-11-25' },
  },
  {
    tool: 'update_list',
    args: { listId: 12, name: 'Newsletter (FR)', folderId: 2 },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/contacts/lists/12', body: { name: 'Newsletter (FR)', folderId: 2 } },
  },
  {
    tool: 'delete_list',
    args: { listId: 12 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/contacts/lists/12' },
  },
  { tool: 'get_attributes', args: {}, expect: { method: 'GET', path: '/contacts/attributes' } },
  {
    tool: 'update_attribute',
    args: { attributeCategory: 'category', attributeName: 'PLAN', ...updateAttributeBody },
    reply: { status: 204 },
    expect: {
      method: 'PUT',
      path: '/contacts/attributes/category/PLAN',
      body: updateAttributeBody,
    },
  },
  {
    tool: 'create_attribute',
    args: { attributeCategory: 'normal', attributeName: 'LOYALTY_TIER', type: 'text' },
    reply: { status: 201 },
    expect: { method: 'POST', path: '/contacts/attributes/normal/LOYALTY_TIER', body: { type: 'text' } },
  },
  {
    tool: 'delete_attribute',
    args: { attributeCategory: 'normal', attributeName: 'LOYALTY_TIER' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/contacts/attributes/normal/LOYALTY_TIER' },
  },
  {
    tool: 'delete_multi_attribute_options',
    args: {
      attributeType: 'multiple-choice',
      multipleChoiceAttribute: 'INTERESTS',
      multipleChoiceAttributeOption: 'home & garden',
    },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/contacts/attributes/multiple-choice/INTERESTS/home%20%26%20garden' },
  },
  {
    tool: 'get_segments',
    args: { limit: 25, offset: 50, sort: 'asc' },
    reply: {
      json: {
        segments: [{ id: 53, segmentName: 'Repeat buyers', categoryName: 'Sales', updatedAt: '2026-10-12T12:30:00Z' }],
        count: 1,
      },
    },
    expect: { method: 'GET', path: '/contacts/segments', query: 'limit=25&offset=50&sort=asc' },
  },
]);
