// The callbacks Brevo makes when a process ends (notifyUrl): the sandbox makes them only to a
// loopback address, so that nothing leaves the machine; any other address is not called.
import { isLoopbackHost } from '../transports/loopback.js';

/** True when the emulator will call this URL (http(s) on 127.0.0.1, localhost or [::1]). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && isLoopbackHost(hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

/** POSTs the payload as JSON, at most once, within 2 s; a failure changes nothing. */
export function notifyLoopback(url: string, payload: unknown): void {
  if (!isLoopbackUrl(url)) return;
  void fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(2_000),
  })
    .then((res) => res.body?.cancel())
    .catch(() => undefined);
}
