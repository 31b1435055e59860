// The tracker (identify, trackEvent, trackLink, trackPage on /api/v2, with the ma-key) and the
// events API (POST /events): each lands on its contact, creating it when it is new and setting
// the attributes it carries, as Brevo does. Brevo offers no read of the events themselves, so
// what a read shows afterwards is the contact, its attributes and its lists.
import { applyUpdate, blankContact } from './contacts-api.js';
import { invalid, type SandboxRequest, routes } from './http.js';
import { admitContacts } from './limits.js';
import type { Contact, Store } from './store.js';
import { bodyOf, isEmail, optObject, optString, reqString, type Body } from './validate.js';

/** Applies attribute changes to the contact found, or to a new one kept only if they are valid. */
function land(store: Store, found: Contact | undefined, fields: Partial<Contact>, attributes?: Body): Contact {
  const contact = found ?? blankContact(store, fields);
  if (!found) admitContacts(store);
  applyUpdate(store, contact, attributes ? { attributes } : {}, found ? 'update' : 'create');
  if (!found) {
    contact.id = store.nextId('contact');
    store.contacts.set(contact.id, contact);
  }
  return contact;
}

function trackerEmail(body: Body): string {
  const email = reqString(body, 'email');
  if (!isEmail(email)) throw invalid('email is not a valid email address');
  return email.toLowerCase();
}

/** identify, trackEvent, trackLink, trackPage: the contact by email, with `attributes` or `properties` set. */
function tracked(attributesField: 'attributes' | 'properties', required?: 'event' | 'link' | 'page') {
  return (req: SandboxRequest, store: Store) => {
    const body = bodyOf(req);
    const email = trackerEmail(body);
    if (required) reqString(body, required);
    const eventdata = optObject(body, 'eventdata');
    if (eventdata) optString(eventdata, 'id');
    land(store, store.contactByEmail(email), { email }, optObject(body, attributesField));
    return { status: 204 };
  };
}

const IDENTIFIERS: Record<string, (store: Store, value: string) => Contact | undefined> = {
  email_id: (store, v) => store.contactByEmail(v),
  ext_id: (store, v) => store.contactByExtId(v),
  phone_id: (store, v) => store.contactByAttribute('SMS', v.replace(/^\+/, '')),
  whatsapp_id: (store, v) => store.contactByAttribute('WHATSAPP', v.replace(/^\+/, '')),
  landline_number_id: (store, v) => store.contactByAttribute('LANDLINE_NUMBER', v.replace(/^\+/, '')),
};

/** POST /events: the contact by its identifiers (created from them when new), contact_properties set. */
function createEvent(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  reqString(body, 'event_name');
  const date = optString(body, 'event_date');
  if (date !== undefined && Number.isNaN(Date.parse(date)))
    throw invalid('event_date is not a valid date-time (YYYY-MM-DDTHH:mm:ssZ)');
  const identifiers = optObject(body, 'identifiers') ?? {};
  const given = Object.entries(identifiers).filter(([, v]) => typeof v === 'string' && v !== '') as [string, string][];
  if (!given.length) throw invalid('identifiers should name the contact: email_id, ext_id, phone_id...');
  const email = identifiers.email_id;
  if (email !== undefined && !isEmail(email)) throw invalid('identifiers.email_id is not a valid email address');
  let found: Contact | undefined;
  for (const [name, value] of given) found ??= IDENTIFIERS[name]?.(store, value);
  const properties: Body = { ...(optObject(body, 'contact_properties') ?? {}) };
  const phones: Record<string, string> = {
    phone_id: 'SMS',
    whatsapp_id: 'WHATSAPP',
    landline_number_id: 'LANDLINE_NUMBER',
  };
  if (!found) for (const [name, value] of given) if (phones[name]) properties[phones[name]] ??= value;
  land(
    store,
    found,
    {
      ...(typeof email === 'string' ? { email: email.toLowerCase() } : {}),
      ...(typeof identifiers.ext_id === 'string' ? { extId: identifiers.ext_id } : {}),
    },
    Object.keys(properties).length ? properties : undefined,
  );
  return { status: 204 };
}

export const trackerRoutes = routes({
  'POST /api/v2/identify': tracked('attributes'),
  'POST /api/v2/trackEvent': tracked('properties', 'event'),
  'POST /api/v2/trackLink': tracked('properties', 'link'),
  'POST /api/v2/trackPage': tracked('properties', 'page'),
  'POST /events': createEvent,
});
