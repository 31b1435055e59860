// Contacts, lists, folders and contact attributes.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email, freeRecord, page, sortOrder } from './shapes.js';

/** Contact attribute values as Brevo stores them: text, number, boolean, or multiple-choice options. */
const attributeValues = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]));

/** A contact is named by email, id, ext_id or phone; identifierType says which when it is ambiguous. */
const contactIdentifier = { identifier: z.union([z.string(), z.int()]) };
const identifierType = z.enum(['email_id', 'contact_id', 'ext_id', 'phone_id', 'whatsapp_id', 'landline_number_id']);

const listMembers = {
  emails: z.array(email).min(1).max(150).optional(),
  ids: z.array(z.int()).min(1).max(150).optional(),
  extIds: z.array(z.string()).min(1).max(150).optional(),
};

const enumeration = z.array(z.strictObject({ value: z.int(), label: z.string() }));

export default defineToolset('contacts', [
  {
    name: 'get_contacts',
    title: 'List contacts',
    description:
      'List contacts, optionally only those in listIds or a segmentId, created or modified since ' +
      'a date-time. filter takes Brevo\'s attribute syntax, e.g. equals(FIRSTNAME,"Ann").',
    keywords: [
      'all contacts',
      'subscribers',
      'customers',
      'audience',
      'search contacts',
      'contacts in a segment',
      'recently changed contacts',
    ],
    method: 'GET',
    path: '/contacts',
    query: {
      ...page(1000),
      modifiedSince: z.string().optional(),
      createdSince: z.string().optional(),
      sort: sortOrder.optional(),
      segmentId: z.int().optional(),
      listIds: z.array(z.int()).optional(),
      filter: z.string().optional(),
    },
  },
  {
    name: 'create_contact',
    title: 'Create contact',
    description:
      'Create a contact by email and/or ext_id (or SMS attribute), with attributes (keys in upper ' +
      'case, e.g. FIRSTNAME) and listIds. updateEnabled updates an existing contact instead of ' +
      'failing.',
    keywords: ['add a subscriber', 'new contact', 'add someone', 'sign up', 'upsert contact'],
    method: 'POST',
    path: '/contacts',
    body: {
      email: email.optional(),
      ext_id: z.string().optional(),
      attributes: attributeValues.optional(),
      emailBlacklisted: z.boolean().optional(),
      smsBlacklisted: z.boolean().optional(),
      listIds: z.array(z.int()).optional(),
      updateEnabled: z.boolean().optional(),
      smtpBlacklistSender: z.array(email).optional(),
    },
  },
  {
    name: 'create_doi_contact',
    title: 'Create contact with double opt-in',
    description:
      'Send a double opt-in confirmation (templateId) to an email; after the click the contact joins ' +
      'includeListIds and is sent to redirectionUrl.',
    keywords: ['double opt-in', 'confirmation email before adding', 'confirmed subscription', 'signup form'],
    method: 'POST',
    path: '/contacts/doubleOptinConfirmation',
    destructive: true,
    body: {
      email: email,
      attributes: attributeValues.optional(),
      includeListIds: z.array(z.int()),
      excludeListIds: z.array(z.int()).optional(),
      templateId: z.int(),
      redirectionUrl: z.url(),
    },
  },
  {
    name: 'update_batch_contacts',
    title: 'Update contacts in bulk',
    description: 'Update up to 100 contacts in one call; each names its contact by email, id, sms or ext_id.',
    keywords: ['update many contacts', 'bulk update', 'mass edit'],
    method: 'POST',
    path: '/contacts/batch',
    idempotent: true,
    body: {
      contacts: z
        .array(
          z.strictObject({
            email: email.optional(),
            id: z.int().optional(),
            sms: z.string().optional(),
            ext_id: z.string().optional(),
            attributes: freeRecord.optional(),
            emailBlacklisted: z.boolean().optional(),
            smsBlacklisted: z.boolean().optional(),
            listIds: z.array(z.int()).optional(),
            unlinkListIds: z.array(z.int()).optional(),
            smtpBlacklistSender: z.array(email).optional(),
          }),
        )
        .optional(),
    },
  },
  {
    name: 'request_contact_export',
    title: 'Export contacts',
    description:
      'Start a CSV export of contacts chosen by customContactFilter; returns a processId (see get_process ' +
      'for the file URL), or calls notifyUrl when done.',
    keywords: ['download contacts', 'contacts csv', 'export subscribers', 'export unsubscribed', 'backup contacts'],
    method: 'POST',
    path: '/contacts/export',
    body: {
      exportAttributes: z.array(z.string()).optional(),
      customContactFilter: z.strictObject({
        actionForContacts: z.enum(['allContacts', 'subscribed', 'unsubscribed', 'unsubscribedPerList']).optional(),
        actionForEmailCampaigns: z
          .enum(['openers', 'nonOpeners', 'clickers', 'nonClickers', 'unsubscribed', 'hardBounces', 'softBounces'])
          .optional(),
        actionForSmsCampaigns: z.enum(['hardBounces', 'softBounces', 'unsubscribed']).optional(),
        listId: z.int().optional(),
        emailCampaignId: z.int().optional(),
        smsCampaignId: z.int().optional(),
      }),
      notifyUrl: z.url().optional(),
      exportMandatoryAttributes: z.boolean().optional(),
      exportSubscriptionStatus: z.array(z.string()).optional(),
      exportMetadata: z.array(z.string()).optional(),
    },
  },
  {
    name: 'import_contacts',
    title: 'Import contacts',
    description:
      'Import contacts from fileUrl, fileBody (CSV text, header row of attribute names) or jsonBody ' +
      'into listIds or a newList. Runs in the background; returns a processId.',
    keywords: ['upload contacts', 'csv of contacts', 'bulk add contacts', 'import leads', 'spreadsheet'],
    method: 'POST',
    path: '/contacts/import',
    body: {
      fileUrl: z.url().optional(),
      fileBody: z.string().optional(),
      jsonBody: z.array(z.strictObject({ email: z.string().optional(), attributes: freeRecord.optional() })).optional(),
      listIds: z.array(z.int()).optional(),
      notifyUrl: z.url().optional(),
      newList: z.strictObject({ listName: z.string().optional(), folderId: z.int().optional() }).optional(),
      emailBlacklist: z.boolean().optional(),
      disableNotification: z.boolean().optional(),
      smsBlacklist: z.boolean().optional(),
      updateExistingContacts: z.boolean().optional(),
      emptyContactsAttributes: z.boolean().optional(),
    },
  },
  {
    name: 'get_contact_info',
    title: 'Get contact',
    description:
      'One contact with attributes, list ids and campaign statistics; startDate/endDate (YYYY-MM-DD) ' +
      'bound the statistics.',
    keywords: [
      'look up a contact',
      'find contact by email',
      'contact details',
      'contact profile',
      'subscriber details',
    ],
    method: 'GET',
    path: '/contacts/{identifier}',
    pathParams: contactIdentifier,
    query: {
      identifierType: z
        .enum(['email_id', 'phone_id', 'contact_id', 'ext_id', 'whatsapp_id', 'landline_number_id'])
        .optional(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
    },
  },
  {
    name: 'delete_contact',
    title: 'Delete contact',
    description: 'Delete a contact for good.',
    keywords: ['remove contact', 'erase subscriber', 'gdpr delete', 'forget contact'],
    method: 'DELETE',
    path: '/contacts/{identifier}',
    pathParams: contactIdentifier,
    query: { identifierType: identifierType.optional() },
  },
  {
    name: 'update_contact',
    title: 'Update contact',
    description:
      "Change a contact's attributes, ext_id, blocklist flags and lists (listIds adds, unlinkListIds removes).",
    keywords: [
      'edit contact',
      'change name',
      'change email',
      'unsubscribe',
      'blocklist',
      'blacklist',
      'opt out',
      'resubscribe',
      'move contact between lists',
    ],
    method: 'PUT',
    path: '/contacts/{identifier}',
    pathParams: contactIdentifier,
    query: { identifierType: identifierType.optional() },
    body: {
      attributes: attributeValues.optional(),
      ext_id: z.string().optional(),
      emailBlacklisted: z.boolean().optional(),
      smsBlacklisted: z.boolean().optional(),
      listIds: z.array(z.int()).optional(),
      unlinkListIds: z.array(z.int()).optional(),
      smtpBlacklistSender: z.array(email).optional(),
    },
  },
  {
    name: 'get_contact_stats',
    title: 'Get contact campaign stats',
    description:
      "A contact's email campaign activity (opens, clicks, bounces...) between startDate and endDate (YYYY-MM-DD).",
    keywords: [
      'contact engagement',
      'opens and clicks of a contact',
      'contact activity',
      'campaign history of a contact',
    ],
    method: 'GET',
    path: '/contacts/{identifier}/campaignStats',
    pathParams: contactIdentifier,
    query: { startDate: z.string().optional(), endDate: z.string().optional() },
  },
  {
    name: 'get_folders',
    title: 'List folders',
    description: 'List contact folders with their list counts.',
    keywords: ['all folders'],
    method: 'GET',
    path: '/contacts/folders',
    query: { ...page(50), sort: sortOrder.optional() },
  },
  {
    name: 'create_folder',
    title: 'Create folder',
    description: 'Create a folder to hold contact lists.',
    keywords: ['new folder'],
    method: 'POST',
    path: '/contacts/folders',
    body: { name: z.string().optional() },
  },
  {
    name: 'get_folder',
    title: 'Get folder',
    description: 'One contact folder with its list and contact counts.',
    keywords: ['folder details'],
    method: 'GET',
    path: '/contacts/folders/{folderId}',
    pathParams: { folderId: z.int() },
  },
  {
    name: 'update_folder',
    title: 'Rename folder',
    description: 'Rename a contact folder.',
    keywords: ['rename folder'],
    method: 'PUT',
    path: '/contacts/folders/{folderId}',
    pathParams: { folderId: z.int() },
    body: { name: z.string().optional() },
  },
  {
    name: 'delete_folder',
    title: 'Delete folder',
    description: 'Delete a folder and every list in it.',
    keywords: ['remove folder'],
    method: 'DELETE',
    path: '/contacts/folders/{folderId}',
    pathParams: { folderId: z.int() },
  },
  {
    name: 'get_folder_lists',
    title: 'List lists in folder',
    description: 'The contact lists in one folder.',
    keywords: ['lists inside a folder'],
    method: 'GET',
    path: '/contacts/folders/{folderId}/lists',
    pathParams: { folderId: z.int() },
    query: { ...page(50), sort: sortOrder.optional() },
  },
  {
    name: 'get_lists',
    title: 'List contact lists',
    description: 'List all contact lists with their subscriber counts.',
    keywords: ['all lists', 'mailing lists', 'audiences', 'subscriber lists'],
    method: 'GET',
    path: '/contacts/lists',
    query: { ...page(50), sort: sortOrder.optional() },
  },
  {
    name: 'create_list',
    title: 'Create list',
    description: 'Create a contact list in a folder. Returns its id.',
    keywords: ['new list', 'new mailing list', 'new audience'],
    method: 'POST',
    path: '/contacts/lists',
    body: { name: z.string(), folderId: z.int() },
  },
  {
    name: 'get_contacts_from_list',
    title: 'List contacts in list',
    description: 'The contacts of one list, optionally only those modified since a date-time.',
    keywords: ['members of a list', 'who is on a list', 'subscribers of a list', 'list members'],
    method: 'GET',
    path: '/contacts/lists/{listId}/contacts',
    pathParams: { listId: z.int() },
    query: { modifiedSince: z.string().optional(), ...page(500), sort: sortOrder.optional() },
  },
  {
    name: 'add_contact_to_list',
    title: 'Add contacts to list',
    description: 'Add existing contacts to a list by emails, ids or extIds (one kind per call, up to 150).',
    keywords: ['subscribe contacts to a list', 'put contacts on a list', 'add people to a list'],
    method: 'POST',
    path: '/contacts/lists/{listId}/contacts/add',
    idempotent: true,
    pathParams: { listId: z.int() },
    body: listMembers,
    atMostOneOf: ['emails', 'ids', 'extIds'],
  },
  {
    name: 'remove_contact_from_list',
    title: 'Remove contacts from list',
    description:
      'Remove contacts from a list by emails, ids or extIds (one kind per call, up to 150), or all: true to empty it.',
    keywords: ['unsubscribe from a list', 'take off a list', 'unlink from list', 'empty a list'],
    method: 'POST',
    path: '/contacts/lists/{listId}/contacts/remove',
    destructive: true,
    idempotent: true,
    pathParams: { listId: z.int() },
    body: { emails: listMembers.emails, ids: listMembers.ids, all: z.boolean().optional(), extIds: listMembers.extIds },
    atMostOneOf: ['emails', 'ids', 'all', 'extIds'],
  },
  {
    name: 'get_list',
    title: 'Get list',
    description:
      'One contact list with subscriber counts and campaign statistics; startDate/endDate (YYYY-MM-DD) ' +
      'bound the statistics.',
    keywords: ['list details', 'list size', 'how many subscribers in a list'],
    method: 'GET',
    path: '/contacts/lists/{listId}',
    pathParams: { listId: z.int() },
    query: { startDate: z.string().optional(), endDate: z.string().optional() },
  },
  {
    name: 'update_list',
    title: 'Update list',
    description: 'Rename a list or move it to another folder.',
    keywords: ['rename list', 'move list to folder'],
    method: 'PUT',
    path: '/contacts/lists/{listId}',
    pathParams: { listId: z.int() },
    body: { name: z.string().optional(), folderId: z.int().optional() },
  },
  {
    name: 'delete_list',
    title: 'Delete list',
    description: 'Delete a list (its contacts stay in the account).',
    keywords: ['remove list'],
    method: 'DELETE',
    path: '/contacts/lists/{listId}',
    pathParams: { listId: z.int() },
  },
  {
    name: 'get_attributes',
    title: 'List contact attributes',
    description: 'Every contact attribute with its category, type and options.',
    keywords: ['custom fields', 'contact fields', 'contact properties', 'what data we store'],
    method: 'GET',
    path: '/contacts/attributes',
  },
  {
    name: 'update_attribute',
    title: 'Update contact attribute',
    description:
      "Change a calculated or global attribute's formula (value), or a category attribute's options (enumeration).",
    keywords: ['edit custom field', 'add option to dropdown', 'change choices', 'change formula'],
    method: 'PUT',
    path: '/contacts/attributes/{attributeCategory}/{attributeName}',
    pathParams: {
      attributeCategory: z.enum(['category', 'calculated', 'global', 'normal']),
      attributeName: z.string(),
    },
    body: {
      value: z.string().optional(),
      enumeration: enumeration.optional(),
      multiCategoryOptions: z.array(z.string()).optional(),
    },
  },
  {
    name: 'create_attribute',
    title: 'Create contact attribute',
    description:
      'Create a contact attribute. normal needs a type; category needs enumeration; calculated and ' +
      'global need a value formula.',
    keywords: ['new custom field', 'new contact field', 'new property'],
    method: 'POST',
    path: '/contacts/attributes/{attributeCategory}/{attributeName}',
    pathParams: {
      attributeCategory: z.enum(['normal', 'transactional', 'category', 'calculated', 'global']),
      attributeName: z.string(),
    },
    body: {
      value: z.string().optional(),
      isRecurring: z.boolean().optional(),
      enumeration: enumeration.optional(),
      multiCategoryOptions: z.array(z.string()).optional(),
      type: z.enum(['text', 'date', 'float', 'boolean', 'id', 'category', 'multiple-choice', 'user']).optional(),
    },
  },
  {
    name: 'delete_attribute',
    title: 'Delete contact attribute',
    description: 'Delete a contact attribute and its values on every contact.',
    keywords: ['remove custom field', 'remove contact field'],
    method: 'DELETE',
    path: '/contacts/attributes/{attributeCategory}/{attributeName}',
    pathParams: {
      attributeCategory: z.enum(['normal', 'transactional', 'category', 'calculated', 'global']),
      attributeName: z.string(),
    },
  },
  {
    name: 'delete_multi_attribute_options',
    title: 'Delete attribute option',
    description: 'Remove one option from a multiple-choice contact attribute.',
    keywords: ['remove a choice', 'remove dropdown value', 'remove option from field'],
    method: 'DELETE',
    path: '/contacts/attributes/{attributeType}/{multipleChoiceAttribute}/{multipleChoiceAttributeOption}',
    pathParams: {
      attributeType: z.enum(['multiple-choice']),
      multipleChoiceAttribute: z.string(),
      multipleChoiceAttributeOption: z.string(),
    },
  },
  {
    name: 'get_segments',
    title: 'List segments',
    description: 'Contact segments with their category; an id serves as segmentId in get_contacts.',
    keywords: ['all segments', 'saved filters', 'dynamic lists'],
    method: 'GET',
    path: '/contacts/segments',
    query: { ...page(50), sort: sortOrder.optional() },
  },
]);
