// The files the emulator serves at its own origin, without a key, like Brevo's download links:
// exports (CSV), import reports, a campaign's shared page, uploaded images (a redirect to their
// source) and double opt-in confirmation links. Bounded: the oldest files expire first.
import { randomBytes } from 'node:crypto';
import { type Answer, notFound, SandboxError } from './http.js';
import { LIMITS, pastCap } from './limits.js';
import type { Store } from './store.js';

export interface ServedFile {
  name: string;
  contentType: string;
  data?: Buffer;
  /** Served as a redirect to this address instead of data. */
  location?: string;
  /** Served from the current state at each request; undefined once what it shows is gone. */
  render?: (store: Store) => Buffer | undefined;
  /** Served once: what a confirmation link does when it is followed. */
  onFollow?: (store: Store) => string;
}

export class FileShelf {
  /** The emulator's own origin (http://127.0.0.1:port), set once it listens. */
  origin = 'http://127.0.0.1';
  private readonly files = new Map<string, ServedFile>();
  private bytes = 0;

  /** Keeps a file and returns the URL it is served at. */
  put(file: ServedFile): string {
    const size = file.data?.length ?? 0;
    if (size > LIMITS.fileBytes)
      throw pastCap(`The file would hold ${size} bytes; the sandbox serves at most ${LIMITS.fileBytes} bytes of files`);
    while (this.bytes + size > LIMITS.fileBytes) this.dropOldest();
    const path = `/files/${randomBytes(12).toString('hex')}/${encodeURIComponent(file.name)}`;
    this.files.set(path, file);
    this.bytes += size;
    return this.origin + path;
  }

  /** The file served at a URL of this emulator, if it is still kept. */
  at(url: string): ServedFile | undefined {
    if (!url.startsWith(`${this.origin}/files/`)) return undefined;
    return this.files.get(url.slice(this.origin.length).split(/[?#]/)[0]!);
  }

  get(path: string): ServedFile | undefined {
    return this.files.get(path);
  }

  forget(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.files.delete(path);
    this.bytes -= file.data?.length ?? 0;
  }

  /** Bytes held now (for the tests of the cap). */
  get size(): number {
    return this.bytes;
  }

  private dropOldest(): void {
    const oldest = this.files.keys().next().value;
    if (oldest !== undefined) this.forget(oldest);
  }
}

/** GET /files/...: the file's bytes, its redirect, or the action of a confirmation link. */
export function serveFile(method: string, path: string, store: Store): Answer {
  if (method !== 'GET' && method !== 'HEAD')
    throw new SandboxError(405, 'method_not_allowed', `${method} Method is not allowed on this path`);
  const file = store.files.get(path);
  if (!file) throw notFound('File not found: it never existed or has expired');
  if (file.onFollow) {
    store.files.forget(path);
    return { status: 302, headers: { location: file.onFollow(store) } };
  }
  if (file.render) {
    const data = file.render(store);
    if (!data) throw notFound('File not found: what it showed has been deleted');
    // A shared page opens in the browser rather than downloading.
    return { status: 200, raw: { data, contentType: file.contentType, fileName: file.name, inline: true } };
  }
  if (file.location) return { status: 302, headers: { location: file.location } };
  return {
    status: 200,
    raw: { data: file.data ?? Buffer.alloc(0), contentType: file.contentType, fileName: file.name },
  };
}

/** One CSV field, quoted when it holds the separator, a quote or a line break. */
const field = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(',') : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV file as Brevo writes its exports: a header row, semicolons between fields. */
export function toCsv(header: string[], rows: unknown[][]): Buffer {
  return Buffer.from(`${[header, ...rows].map((row) => row.map(field).join(';')).join('\n')}\n`, 'utf8');
}
