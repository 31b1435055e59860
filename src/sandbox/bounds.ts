// Size bounds on what loyalty, coupon, feed and payment writes store: the emulator keeps these
// bodies, so a string, a free-form object (meta, order) or a whole body past its bound is refused
// with 400 naming the field, before any handler runs.
import { invalid, type Handler } from './http.js';

export const BOUNDS = {
  /** Characters in any one string. */
  string: 2_048,
  /** Characters of a free-form object (meta, order) as JSON. */
  freeForm: 4_096,
  /** Characters of a whole body as JSON; POST /coupons carries up to 10,000 codes. */
  body: 65_536,
  couponsBody: 1_200_000,
  /** Nesting depth. */
  depth: 8,
};

const FREE_FORM = new Set(['meta', 'order']);

function check(value: unknown, where: string, depth: number): void {
  if (depth > BOUNDS.depth) throw invalid(`${where} is nested deeper than ${BOUNDS.depth} levels`);
  if (typeof value === 'string') {
    if (value.length > BOUNDS.string) throw invalid(`${where} should be at most ${BOUNDS.string} characters`);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) check(item, `${where}[${i}]`, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = where ? `${where}.${key}` : key;
      if (FREE_FORM.has(key) && JSON.stringify(item ?? null).length > BOUNDS.freeForm)
        throw invalid(`${field} should be at most ${BOUNDS.freeForm} characters as JSON`);
      check(item, field, depth + 1);
    }
  }
}

/** The handler, behind the size bounds of what it would store. */
export function bounded(template: string, handler: Handler): Handler {
  const max = template === '/coupons' ? BOUNDS.couponsBody : BOUNDS.body;
  return (req, store) => {
    if (req.body !== undefined) {
      if (JSON.stringify(req.body).length > max) throw invalid(`The request body should be at most ${max} characters`);
      check(req.body, '', 0);
    }
    return handler(req, store);
  };
}
