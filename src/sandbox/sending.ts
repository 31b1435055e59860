// What every send shares: who may send (validated senders, authenticated domains), credits,
// Brevo's template language ({{params.X}}, {{contact.X}}), and the date windows of reports.
import { invalid, missing, SandboxError, type SandboxRequest } from './http.js';
import { DAY, type Contact, type SenderRef, type Store } from './store.js';
import { isEmail, optInt, optObject, optString, queryDate, queryIntValue, type Body } from './validate.js';

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Whether the account authenticated this sending domain (its senders need no code). */
export function domainAuthenticated(store: Store, domain: string): boolean {
  return store.domains.get(domain)?.authenticated ?? false;
}

/** A sender object from a body ({name?, email?} or {id}), as stored on templates and campaigns. */
export function senderRefOf(store: Store, body: Body, key: string, required: boolean): SenderRef | undefined {
  const raw = optObject(body, key);
  if (!raw) {
    if (required) throw missing(key);
    return undefined;
  }
  const id = optInt(raw, 'id');
  if (id !== undefined) {
    const sender = store.senders.get(id);
    if (!sender) throw invalid(`${key}.id: sender ${id} does not exist`);
    return { name: sender.name, email: sender.email, id: sender.id };
  }
  const email = optString(raw, 'email');
  if (email === undefined) throw missing(`${key} email`);
  if (!isEmail(email)) throw invalid(`${key}.email is not a valid email address`);
  const name = optString(raw, 'name') ?? store.account.companyName;
  const known = [...store.senders.values()].find((s) => s.email === email.toLowerCase());
  return { name, email: email.toLowerCase(), ...(known ? { id: known.id } : {}) };
}

/** Brevo refuses to send from an address that is neither a validated sender nor on an authenticated domain. */
export function checkSendingRights(store: Store, sender: SenderRef): void {
  const known = [...store.senders.values()].find((s) => s.email === sender.email);
  if (known?.active || domainAuthenticated(store, domainOf(sender.email))) return;
  throw invalid(
    `Sending has been rejected because the sender you used ${sender.email} is not valid. Validate ` +
      `your sender or authenticate your domain`,
  );
}

/** Takes credits for a send: email from the subscription plan, SMS from the SMS plan; 402 when short. */
export function spendCredits(store: Store, count: number, channel: 'email' | 'sms' = 'email'): number {
  const plan =
    channel === 'sms'
      ? store.account.plan.find((p) => p.type === 'sms')
      : (store.account.plan.find((p) => p.type === 'subscription' || p.type === 'free') ?? store.account.plan[0]);
  if (!plan)
    throw new SandboxError(
      402,
      'not_enough_credits',
      `The account has no ${channel === 'sms' ? 'SMS' : 'email'} credits`,
    );
  if (plan.credits < count)
    throw new SandboxError(
      402,
      'not_enough_credits',
      `Not enough credits to send this ${channel === 'sms' ? 'SMS' : 'email'}: ${count} needed, ${plan.credits} left`,
    );
  plan.credits -= count;
  return plan.credits;
}

function lookup(path: string, source: unknown): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Body)[k] : undefined), source);
}

/** Brevo's template language, in its common part: {{params.X}} and {{contact.X}}. */
export function render(text: string, params: Body, contact: Contact | undefined): string {
  return text.replace(
    /\{\{\s*(params|contact)\.([A-Za-z0-9_.-]+)\s*(?:\|[^}]*)?\}\}/g,
    (_, scope: string, path: string) => {
      const value =
        scope === 'params'
          ? lookup(path, params)
          : path.toUpperCase() === 'EMAIL'
            ? contact?.email
            : contact?.attributes[path.toUpperCase()];
      return value === undefined || value === null
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    },
  );
}

/** The [from, to] window of a report: startDate+endDate (YYYY-MM-DD, both), days back, or the last `fallbackDays`. */
export function reportWindow(req: SandboxRequest, store: Store, fallbackDays: number, maxDays?: number): [Date, Date] {
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  const days = queryIntValue(req, 'days');
  const now = store.clock();
  if (days !== undefined && (start || end)) throw invalid('days cannot be used with startDate and endDate');
  if ((start && !end) || (!start && end)) throw missing(start ? 'endDate' : 'startDate');
  if (start && end) {
    if (end < start) throw invalid('endDate should not be before startDate');
    if (maxDays !== undefined && end.getTime() - start.getTime() > maxDays * DAY)
      throw invalid(`The period between startDate and endDate should be at most ${maxDays} days`);
    return [start, new Date(end.getTime() + DAY - 1)];
  }
  const back = days ?? fallbackDays;
  if (back < 0) throw invalid('days should be 0 or more');
  return [new Date(now.getTime() - back * DAY), now];
}

export const within = (date: string, [from, to]: [Date, Date]) => {
  const t = new Date(date).getTime();
  return t >= from.getTime() && t <= to.getTime();
};

/** Each day (YYYY-MM-DD, UTC) of a report window, oldest first. */
export function eachDay([from, to]: [Date, Date]): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from.toISOString().slice(0, 10)}T00:00:00Z`); t <= to.getTime(); t += DAY)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
