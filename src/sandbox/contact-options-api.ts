// Double opt-in and multiple-choice options with real effects: the confirmation email is logged
// with a link the emulator serves, and following it subscribes the contact to the lists asked for;
// deleting an option removes it from the attribute and from every contact's value.
import { randomUUID } from 'node:crypto';
import { applyUpdate, blankContact } from './contacts-api.js';
import { invalid, notFound, type SandboxRequest, routes } from './http.js';
import { admitContacts } from './limits.js';
import type { Store } from './store.js';
import { bodyOf, isEmail, optIntArray, optObject, reqInt, reqString } from './validate.js';

/** DOUBLE_OPT-IN's values: 1 Yes (confirmed), 2 No (waiting). */
const CONFIRMED = 1;
const WAITING = 2;

function doubleOptIn(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const email = reqString(body, 'email').toLowerCase();
  if (!isEmail(email)) throw invalid('email is not a valid email address');
  const include = optIntArray(body, 'includeListIds') ?? [];
  const exclude = optIntArray(body, 'excludeListIds') ?? [];
  if (!include.length) throw invalid('includeListIds should name at least one list');
  for (const id of [...include, ...exclude]) if (!store.lists.has(id)) throw invalid(`list ${id} does not exist`);
  const templateId = reqInt(body, 'templateId');
  const template = store.templates.get(templateId);
  if (!template) throw invalid(`templateId: template ${templateId} does not exist`);
  const redirectionUrl = reqString(body, 'redirectionUrl');
  const attributes = optObject(body, 'attributes') ?? {};

  let contact = store.contactByEmail(email);
  const created = !contact;
  if (!contact) {
    admitContacts(store);
    const fresh = blankContact(store, { email });
    applyUpdate(store, fresh, { attributes: { ...attributes, 'DOUBLE_OPT-IN': WAITING } }, 'create');
    fresh.id = store.nextId('contact');
    store.contacts.set(fresh.id, fresh);
    contact = fresh;
  } else applyUpdate(store, contact, { attributes }, 'update');

  const id = contact.id;
  const link = store.files.put({
    name: 'confirm',
    contentType: 'text/plain',
    onFollow: (s) => {
      const c = s.contacts.get(id);
      if (c) {
        c.attributes['DOUBLE_OPT-IN'] = CONFIRMED;
        for (const list of include) if (s.lists.has(list) && !c.listIds.includes(list)) c.listIds.push(list);
        c.listIds = c.listIds.filter((l) => !exclude.includes(l));
        c.modifiedAt = s.now();
      }
      return redirectionUrl;
    },
  });
  const now = store.now();
  store.recordEmail({
    messageId: `<${randomUUID()}@smtp-relay.sandbox.brevo.invalid>`,
    email,
    subject: template.subject,
    templateId,
    from: template.sender.email,
    tags: ['double-opt-in'],
    body: `${template.htmlContent}\n<p><a href="${link}">Confirm your subscription</a></p>`,
    attachmentCount: 0,
    events: [
      { name: 'sent', time: now },
      { name: 'delivered', time: now },
    ],
  });
  return { status: created ? 201 : 204 };
}

function deleteOption(req: SandboxRequest, store: Store) {
  const name = (req.params.multipleChoiceAttribute ?? '').toUpperCase();
  const option = req.params.multipleChoiceAttributeOption ?? '';
  const attribute = store.attributes.find((a) => a.name === name && a.type === 'multiple-choice');
  if (!attribute) throw notFound('Attribute does not exist');
  if (!attribute.multiCategoryOptions?.includes(option)) throw notFound(`Option ${option} does not exist`);
  attribute.multiCategoryOptions = attribute.multiCategoryOptions.filter((o) => o !== option);
  for (const c of store.contacts.values()) {
    const value = c.attributes[name];
    if (Array.isArray(value) && value.includes(option)) c.attributes[name] = value.filter((v) => v !== option);
  }
  return { status: 204 };
}

export const contactOptionRoutes = routes({
  'POST /contacts/doubleOptinConfirmation': doubleOptIn,
  'DELETE /contacts/attributes/{attributeType}/{multipleChoiceAttribute}/{multipleChoiceAttributeOption}': deleteOption,
});
