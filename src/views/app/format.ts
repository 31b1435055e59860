// Numbers, shares and dates written for people, in the host's locale and time zone when it gives them.

let locale: string | undefined;
let timeZone: string | undefined;

/** Takes the host's locale and time zone, ignoring values the browser does not know. */
export function setLocale(hostLocale?: string, hostTimeZone?: string): void {
  try {
    locale = hostLocale ? new Intl.NumberFormat(hostLocale).resolvedOptions().locale : undefined;
  } catch {
    locale = undefined;
  }
  try {
    timeZone = hostTimeZone
      ? new Intl.DateTimeFormat('en', { timeZone: hostTimeZone }).resolvedOptions().timeZone
      : undefined;
  } catch {
    timeZone = undefined;
  }
}

/** A finite number from anything Brevo may send (numbers, numeric strings); 0 otherwise. */
export function num(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

export function int(value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function amount(value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** part / whole as a percentage with one decimal, or an en dash when there is no whole. */
export function share(part: number, whole: number): string {
  if (!whole) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

/** A date-time (or a YYYY-MM-DD day) as a short date; the text itself when it is not a date. */
export function date(value: unknown, withTime = false): string {
  if (typeof value !== 'string' || !value) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(withTime && !day ? { timeStyle: 'short' } : {}),
    // A calendar day stays that day wherever the reader is.
    timeZone: day ? 'UTC' : timeZone,
  }).format(parsed);
}

/** A YYYY-MM month as "Mar 2026". */
export function month(yyyyMm: string): string {
  const parsed = new Date(`${yyyyMm}-01T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return yyyyMm;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(parsed);
}

/** A YYYY-MM-DD day as "Mar 4", for crowded axes. */
export function shortDay(yyyyMmDd: string): string {
  const parsed = new Date(`${yyyyMmDd}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return yyyyMmDd;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(parsed);
}
