// Schema fragments that many operations share, defined once.
import { z } from 'zod';

/**
 * An email address as JSON Schema's `format: email` understands it (the WHATWG pattern that
 * validators use). zod's default pattern is stricter (it refuses a!b@shop.example), and a
 * request Brevo's definition accepts must pass our validation too.
 */
export const email = z.email({ pattern: z.regexes.html5Email });

export const sortOrder = z.enum(['asc', 'desc']);

/** limit/offset paging; `max` is the endpoint's own ceiling for limit. */
export const page = (max: number) => ({
  limit: z.int().min(0).max(max).optional(),
  offset: z.int().optional(),
});

/** An addressee: email required, display name optional. */
export const recipient = z.strictObject({ email, name: z.string().optional() });

/** A sender given by email (with an optional name) or by the id of a registered sender. */
export const senderRef = z.strictObject({
  name: z.string().optional(),
  email: email.optional(),
  id: z.int().optional(),
});

/** A free key/value map (template params, contact attributes, custom headers). */
export const freeRecord = z.record(z.string(), z.unknown());
