// Code-mode script (run it with `execute`): make sure the attributes exist, add people who opted
// in to a new list with their consent recorded, then take blocklisted and unsubscribed members off
// a list. Writes: create_attribute, create_list, create_contact, remove_contact_from_list.
// For more than about 100 people use import_contacts instead of create_contact (see SKILL.md).
const NEW_LIST = 'Autumn fair sign-ups';
const FOLDER_ID = 1;
const LIST_TO_CLEAN = 'Newsletter subscribers';
const CONSENT = { OPT_IN_SOURCE: 'autumn fair form', OPT_IN_DATE: new Date().toISOString().slice(0, 10) };
const PEOPLE = [
  { email: 'lena.fischer@example.com', attributes: { FIRSTNAME: 'Lena', LASTNAME: 'Fischer' } },
  { email: 'omar.haddad@example.com', attributes: { FIRSTNAME: 'Omar', LASTNAME: 'Haddad' } },
];

// Attributes must exist before a contact can carry them.
const { attributes = [] } = await brevo.get_attributes({});
const known = new Set(attributes.filter((a) => a.category === 'normal').map((a) => a.name));
const wanted = { OPT_IN_SOURCE: 'text', OPT_IN_DATE: 'date', FIRSTNAME: 'text', LASTNAME: 'text' };
const createdAttributes = [];
for (const [name, type] of Object.entries(wanted)) {
  if (known.has(name)) continue;
  await brevo.create_attribute({ attributeCategory: 'normal', attributeName: name, type });
  createdAttributes.push(name);
}

const { id: listId } = await brevo.create_list({ name: NEW_LIST, folderId: FOLDER_ID });
for (const person of PEOPLE)
  await brevo.create_contact({
    email: person.email,
    attributes: { ...person.attributes, ...CONSENT },
    listIds: [listId],
    updateEnabled: true,
  });
const added = await brevo.get_contacts_from_list({ listId, limit: 500 });

// Hygiene: a member blocklisted for email, or unsubscribed from the list, is taken off it.
const { lists = [] } = await brevo.get_lists({ limit: 50 });
const dirty = lists.find((l) => l.name === LIST_TO_CLEAN);
if (!dirty) throw new Error(`No list named ${LIST_TO_CLEAN}`);
const members = [];
for (let offset = 0; ; offset += 500) {
  const page = await brevo.get_contacts_from_list({ listId: dirty.id, limit: 500, offset });
  members.push(...(page.contacts ?? []));
  if ((page.contacts ?? []).length < 500) break;
}
const leaving = members
  .filter((c) => c.emailBlacklisted || (c.listUnsubscribed ?? []).includes(dirty.id))
  .map((c) => c.email);
for (let i = 0; i < leaving.length; i += 150)
  await brevo.remove_contact_from_list({ listId: dirty.id, emails: leaving.slice(i, i + 150) });
const after = await brevo.get_contacts_from_list({ listId: dirty.id, limit: 500 });
return {
  listId,
  createdAttributes,
  members: (added.contacts ?? []).map((c) => c.email).sort(),
  cleaned: { listId: dirty.id, before: members.length, removed: leaving.sort(), after: after.count },
};
