// Code-mode script (run it with `execute`): size every segment, then freeze an attribute filter
// into a static list for a one-off send. Writes: create_list, add_contact_to_list.
const FILTER = 'equals(CITY,"Paris")';
const LIST_NAME = 'Paris customers (snapshot)';
const FOLDER_ID = 1;

const { segments = [] } = await brevo.get_segments({ limit: 50 });
const sizes = [];
for (const segment of segments) {
  const { count } = await brevo.get_contacts({ segmentId: segment.id, limit: 1 });
  const name = segment.segmentName ?? segment.name;
  sizes.push({ id: segment.id, name, category: segment.categoryName, contacts: count });
}

// Page through the filter's matches; a segment cannot be created over the API, a static list can.
const matched = [];
for (let offset = 0; ; offset += 500) {
  const page = await brevo.get_contacts({ filter: FILTER, limit: 500, offset });
  const found = page.contacts ?? [];
  matched.push(...found.filter((c) => c.email && !c.emailBlacklisted).map((c) => c.email));
  if (found.length < 500) break;
}
const { id: listId } = await brevo.create_list({ name: LIST_NAME, folderId: FOLDER_ID });
for (let i = 0; i < matched.length; i += 150)
  await brevo.add_contact_to_list({ listId, emails: matched.slice(i, i + 150) });
return { segments: sizes, filter: FILTER, listId, added: matched.sort() };
