// Schema fragments that many operations share, defined once.
import { z } from 'zod';

export const sortOrder = z.enum(['asc', 'desc']);

/** limit/offset paging; `max` is the endpoint's own ceiling for limit. */
export const page = (max: number) => ({
  limit: z.int().min(0).max(max).optional(),
  offset: z.int().optional(),
});

/** An addressee: email required, display name optional. */
export const recipient = z.strictObject({ email: z.email(), name: z.string().optional() });

/** A sender given by email (with an optional name) or by the id of a registered sender. */
export const senderRef = z.strictObject({ name: z.string().optional(), email: z.email().optional(), id: z.int().optional() });

/** A free key/value map (template params, contact attributes, custom headers). */
export const freeRecord = z.record(z.string(), z.unknown());
