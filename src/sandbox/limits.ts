// What one emulator process keeps at most, so that no sequence of requests can make it grow
// without bound (issue 20: 100 contacts with a 9 MB attribute took 1.25 GB). A write past a cap is
// refused with 400 out_of_range, as Brevo refuses a value outside what it accepts (its 403
// permission_denied means the account may not do a thing at all, which is not what a cap says);
// export files past theirs expire oldest first, as Brevo's do.
import { SandboxError } from './http.js';
import type { Contact, Store } from './store.js';

export const LIMITS = {
  /** Contacts in the account (the demo has 48). */
  contacts: 5_000,
  /** Characters of one attribute value (a text, or the items of a multiple-choice list together). */
  attributeValueChars: 4_000,
  /** Characters of all attribute values of one contact together. */
  contactAttributeChars: 16_000,
  /** Bytes of all files the emulator serves together (exports, reports); oldest expire first. */
  fileBytes: 16 * 1024 * 1024,
  /** Processes kept (imports and exports); the oldest are forgotten first. */
  processes: 500,
  /** Rows of one import. */
  importRows: 5_000,
  /** Columns of an imported CSV file. */
  importColumns: 200,
  /** Transactional emails logged (what get_transac_emails_list shows); the oldest go first. */
  loggedEmails: 20_000,
  /** Characters of the logged emails' bodies together; the oldest go first. */
  emailLogChars: 32 * 1024 * 1024,
  /** Rows of the email event log; the oldest go first. */
  loggedEvents: 100_000,
} as const;

/** The refusal of a write past one of the sandbox's own caps; the message names the cap. */
export const pastCap = (message: string) => new SandboxError(400, 'out_of_range', message);

/** The refusal when the emulator holds as many objects of a kind as it keeps. */
export const capReached = (what: string, max: number) =>
  pastCap(
    `The sandbox keeps at most ${max} ${what}; delete some before creating more (this limit is the emulator's own)`,
  );

/** Refuses adding `adding` more when `kept` are kept and the sandbox keeps at most `max` of `what`. */
export function checkCap(kept: number, max: number, what: string, adding = 1): void {
  if (kept + adding > max) throw capReached(what, max);
}

const size = (value: unknown): number =>
  Array.isArray(value) ? value.reduce((n: number, v) => n + String(v).length, 0) : String(value ?? '').length;

/** Refuses a new contact once the account holds as many as the sandbox keeps. */
export function admitContacts(store: Store, more = 1): void {
  if (store.contacts.size + more > LIMITS.contacts)
    throw pastCap(
      `The sandbox keeps at most ${LIMITS.contacts} contacts; this account holds ${store.contacts.size}. ` +
        'Delete some contacts first.',
    );
}

/** Refuses attribute values that would make one contact larger than the sandbox keeps. */
export function checkAttributeSizes(
  current: Contact['attributes'],
  changes: Record<string, unknown>,
  field = 'attributes',
): void {
  for (const [name, value] of Object.entries(changes))
    if (size(value) > LIMITS.attributeValueChars)
      throw pastCap(
        `${field}.${name} is too long: the sandbox keeps at most ${LIMITS.attributeValueChars} characters per value`,
      );
  const merged = { ...current, ...changes };
  const total = Object.values(merged).reduce((n: number, v) => n + size(v), 0);
  if (total > LIMITS.contactAttributeChars)
    throw pastCap(
      `${field} are too long together: the sandbox keeps at most ${LIMITS.contactAttributeChars} characters of ` +
        'attribute values per contact',
    );
}

/** Drops the oldest logged emails and events past the caps of the transactional log. */
export function trimEmailLog(store: Store): void {
  let chars = store.emails.reduce((n, e) => n + e.body.length, 0);
  let drop = 0;
  while (
    drop < store.emails.length &&
    (chars > LIMITS.emailLogChars || store.emails.length - drop > LIMITS.loggedEmails)
  ) {
    chars -= store.emails[drop]!.body.length;
    drop++;
  }
  if (drop) store.emails.splice(0, drop);
  if (store.events.length > LIMITS.loggedEvents) store.events.splice(0, store.events.length - LIMITS.loggedEvents);
}
