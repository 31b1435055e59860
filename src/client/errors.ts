/** A failed Brevo call: an HTTP error answer, or no usable answer at all (status 0). */
export class BrevoApiError extends Error {
  constructor(
    /** HTTP status, or 0 when no answer arrived (timeout, connection failure, cancellation). */
    readonly status: number,
    /** Brevo's error `code` (e.g. `document_not_found`), or our own for transport failures. */
    readonly code: string,
    /** Brevo's `message`, or what went wrong. */
    readonly brevoMessage: string,
    readonly details: {
      attempts?: number;
      retryAfterSeconds?: number;
      method?: string;
      path?: string;
      /** The other fields of Brevo's error body (the addresses a test send refused, say), size-bounded. */
      fields?: Record<string, unknown>;
    } = {},
  ) {
    super(`${status ? `HTTP ${status}` : 'no answer'} ${code}: ${brevoMessage}`);
    this.name = 'BrevoApiError';
  }
}
