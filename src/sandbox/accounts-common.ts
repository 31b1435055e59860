// What the account-level areas of the emulator (corporate, reseller, organization users,
// conversations) share: state kept per Store without widening the Store class, Brevo-like ids and
// tokens, bounded strings, and the rules for the people invited into an account.
import { randomBytes } from 'node:crypto';
import { invalid, SandboxError } from './http.js';
import { checkCap } from './limits.js';
import { DAY, iso, type Store } from './store.js';
import { isEmail, reqString, type Body } from './validate.js';

/**
 * One area's state for each Store, made (and seeded) on first use. Kept beside the Store rather
 * than on it, so each area lives in its own files.
 */
export function perStore<T>(make: (store: Store) => T): (store: Store) => T {
  const states = new WeakMap<Store, T>();
  return (store) => {
    let state = states.get(store);
    if (!state) {
      state = make(store);
      states.set(store, state);
    }
    return state;
  };
}

/** A date `days` before now on the store's clock, in Brevo's timestamp form. */
export function agoOf(store: Store): (days: number, hours?: number) => string {
  const start = store.clock().getTime();
  return (days, hours = 0) => iso(new Date(start - days * DAY - hours * 3_600_000));
}

/** A 24-digit hex id, like Brevo's group and invitation ids. */
export const hexId = () => randomBytes(12).toString('hex');

/** An opaque token the emulator issues (SSO): random, never a working login. */
export const sessionToken = () => randomBytes(18).toString('hex');

/** A v3 API key in Brevo's format. It opens nothing: the emulator accepts only its own key. */
export const apiKeyV3 = () => `xkeysib-${randomBytes(32).toString('hex')}-${randomBytes(8).toString('base64url')}`;

/** Brevo-style 17-character ids of conversation messages. */
export function shortId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
  return [...randomBytes(17)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A string field, bounded: longer than `max` characters is refused naming the field. */
export function bounded(value: string, field: string, max: number): string {
  if (value.length > max) throw invalid(`${field} should be at most ${max} characters long`);
  return value;
}

/** Someone invited into an account: a corporate admin user or an organization user. */
interface Member {
  owner: boolean;
  status: 'active' | 'pending';
}

/**
 * Refuses an invitation to someone already invited or already in (`joined` says as what), and one
 * past the cap on people and invitations together.
 */
export function checkInvitation(
  people: Map<string, Member>,
  email: string,
  joined: string,
  cap: { max: number; what: string },
): void {
  const existing = people.get(email);
  if (existing)
    throw new SandboxError(
      400,
      'duplicate_parameter',
      existing.status === 'pending'
        ? `${email} already has a pending invitation: resend it instead`
        : `${email} is already ${joined}`,
    );
  checkCap(people.size, cap.max, cap.what);
}

/** The owner's access and permissions are not for others to change: 403, as Brevo answers. */
export function notTheOwner(member: Member, what: 'access' | 'permissions'): void {
  if (!member.owner) return;
  const message =
    what === 'access' ? "The owner's access cannot be revoked" : "The owner's permissions cannot be changed";
  throw new SandboxError(403, 'permission_denied', message);
}

/** An email as an identity: trimmed and lower-cased. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** A field the definition leaves untyped, read as a non-empty string (bounded). */
export function looseString(body: Body, field: string, max: number): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw invalid(`${field} should be a string`);
  const text = String(value);
  if (text.trim() === '') throw invalid(`${field} should not be empty`);
  return bounded(text, field, max);
}

/** The body's required email field: a valid address, at most 254 characters, lower-cased. */
export function emailField(body: Body, field = 'email'): string {
  const email = bounded(reqString(body, field).trim(), field, 254);
  if (!isEmail(email)) throw invalid(`${field} is not a valid email address`);
  return emailKey(email);
}
