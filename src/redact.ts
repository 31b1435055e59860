// Keeping keys out of what clients and the log receive. A Redactor holds the secrets one output
// may never show (the operator's keys and token, plus a session's own key) and is applied to the
// final text, after Brevo's JSON is parsed (so escaped echoes are caught) and never to data on its
// way to being parsed. Each session has its own: one client's key never changes another's output.

export const REDACTED = '[redacted]';
/** Shorter values are not secrets worth hiding everywhere (they would hide ordinary words). */
const MIN_SECRET_LENGTH = 8;

export class Redactor {
  /** Longest first, so a secret that contains another is replaced whole. */
  private readonly secrets: readonly string[];
  /** Every secret is written as itself inside a JSON string, so a value's JSON can be searched for it. */
  private readonly secretsReadableInJson: boolean;

  constructor(secrets: Iterable<string | undefined>) {
    this.secrets = [...new Set([...secrets].filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length,
    );
    this.secretsReadableInJson = this.secrets.every((secret) => JSON.stringify(secret) === `"${secret}"`);
  }

  /** This redactor plus more secrets (a session's own key). */
  with(...more: Array<string | undefined>): Redactor {
    return new Redactor([...this.secrets, ...more]);
  }

  /** Every whole occurrence of a secret replaced. */
  text(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /**
   * At most the first `max` characters, redacted. A secret the cut would fall inside is left out
   * whole, so no prefix of a key survives a cut.
   */
  cut(text: string, max: number): string {
    if (text.length <= max) return this.text(text);
    let end = max;
    for (let moved = true; moved; ) {
      moved = false;
      for (const secret of this.secrets) {
        const at = text.indexOf(secret, Math.max(0, end - secret.length + 1));
        if (at >= 0 && at < end) [end, moved] = [at, true];
      }
    }
    return this.text(text.slice(0, end));
  }

  /** Bytes (a file) with every whole occurrence of a secret, as UTF-8, replaced; the same buffer when none is in it. */
  bytes(data: Buffer): Buffer {
    let out = data;
    for (const secret of this.secrets) {
      const needle = Buffer.from(secret);
      if (out.indexOf(needle) < 0) continue;
      const parts: Buffer[] = [];
      let from = 0;
      for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, from)) {
        parts.push(out.subarray(from, at), Buffer.from(REDACTED));
        from = at + needle.length;
      }
      parts.push(out.subarray(from));
      out = Buffer.concat(parts);
    }
    return out;
  }

  /** A JSON-like value with every string redacted; unchanged parts are shared, not copied. */
  value<T>(value: T): T {
    if (!this.secrets.length || !this.mayHold(value)) return value;
    return this.walk(value) as T;
  }

  /**
   * Whether a value's JSON, what the client receives, may hold a secret. One serialisation is far
   * cheaper than a walk on a process that just started (the 292-tool listing: 0.5 ms against 8 ms
   * of a cold start), and most answers hold none. A secret JSON would escape is looked for by the
   * walk alone, as is a value JSON cannot write.
   */
  private mayHold(value: unknown): boolean {
    if (!this.secretsReadableInJson) return true;
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      return true;
    }
    return json === undefined || this.secrets.some((secret) => json.includes(secret));
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (!value || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, i) => {
        const next = this.walk(item);
        if (next === item) return;
        copy ??= [...value];
        copy[i] = next;
      });
      return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = this.walk(item);
      if (next === item) continue;
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
    return copy ?? value;
  }
}

/** For output with no secrets to hide (tests, the executor used on its own). */
export const NO_SECRETS = new Redactor([]);
