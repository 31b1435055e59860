// The JavaScript run in the sandbox before each script: it gives the script `brevo` and `console`.

/**
 * Evaluated as an expression in a fresh context; called with (hostCall, hostLog, namesJson, boundsJson), it
 * defines `brevo` and `console` on the global object and returns the helpers the worker needs
 * after the run: `serialise(value, cap)`, `describe(error)`, `unobserved()` and `dropped()`.
 *
 * - hostCall(name, argsJson) returns a promise of an envelope: `{"ok":true,"value":...}` or
 *   `{"ok":false,"error":{message,code,status?,tool}}`.
 * - hostLog(level, text) records one console line; it returns false once the console is full
 *   (that line dropped), and later lines are counted here, see dropped().
 * - boundsJson: `{ maxLogLineChars }`: a longer console line is cut here, before it crosses.
 *
 * Both stay in this closure: the script cannot reach them, nor anything else of the host. What it
 * may overwrite later (JSON, prototypes) was read here first.
 */
export const PRELUDE = String.raw`(function (hostCall, hostLog, namesJson, boundsJson) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const freeze = Object.freeze;
  const names = parse(namesJson);
  const bounds = parse(boundsJson);

  // Failed calls whose error the script never looked at, reported after the run.
  const unread = new Map();
  let failures = 0;

  class BrevoError extends Error {}
  Object.defineProperty(BrevoError.prototype, 'name', { value: 'BrevoError' });

  function failure(error) {
    const id = ++failures;
    unread.set(id, error.tool + ': ' + (error.status ? error.status + ' ' : '') + error.code);
    const e = new BrevoError(error.message);
    const seen = () => unread.delete(id);
    for (const field of ['status', 'code', 'tool', 'message']) {
      const value = field === 'message' ? error.message : error[field];
      if (value === undefined) continue;
      Object.defineProperty(e, field, { get() { seen(); return value; }, enumerable: field !== 'message', configurable: true });
    }
    return e;
  }

  function call(name, args) {
    let json;
    try {
      json = args === undefined ? undefined : stringify(args);
    } catch (error) {
      return Promise.reject(new TypeError('brevo.' + name + ': the arguments are not JSON (' + (error && error.message) + ')'));
    }
    return hostCall(name, json).then((envelope) => {
      const answer = parse(envelope);
      if (answer.ok) return answer.value;
      throw failure(answer.error);
    });
  }

  const methods = Object.create(null);
  for (const name of names) methods[name] = freeze((args) => call(name, args));
  freeze(methods);
  const brevo = new Proxy(methods, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      // Not a promise, not JSON: await brevo and JSON.stringify(brevo) behave.
      if (name === 'then' || name === 'toJSON') return undefined;
      return (args) => call(name, args);
    },
    set() { return false; },
    defineProperty() { return false; },
    deleteProperty() { return false; },
    setPrototypeOf() { return false; },
  });

  function text(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) {
      const extra = ['status', 'code', 'tool'].filter((k) => value[k] !== undefined).map((k) => k + ' ' + value[k]);
      return value.name + ': ' + value.message + (extra.length ? ' (' + extra.join(', ') + ')' : '');
    }
    if (typeof value === 'function') return '[function ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
    try {
      const json = stringify(value);
      return json === undefined ? String(value) : json;
    } catch (error) {
      return String(value);
    }
  }

  function line(args) {
    const whole = args.map(text).join(' ');
    const max = bounds.maxLogLineChars;
    return whole.length > max ? whole.slice(0, max) + ' [cut: ' + (whole.length - max) + ' more characters]' : whole;
  }
  // Once the host says the console is full, later lines are only counted, here: no call out per line.
  let full = false;
  let dropped = 0;
  const log = (level) =>
    freeze((...args) => {
      if (full) dropped++;
      else if (!hostLog(level, line(args))) full = true;
    });
  const console = freeze({ log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') });

  for (const [name, value] of [['brevo', brevo], ['console', console]]) {
    Object.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: false });
  }

  return freeze({
    serialise(value, cap) {
      let json;
      try {
        json = stringify(value);
      } catch (error) {
        return stringify({ error: 'the return value is not JSON: ' + text(error) });
      }
      if (json === undefined) return stringify({ none: true });
      return stringify({ json: json.length > cap ? json.slice(0, cap) : json, length: json.length });
    },
    describe(error) {
      const out = { name: 'Error', message: text(error) };
      if (error instanceof Error) {
        out.name = String(error.name);
        out.message = String(error.message);
        for (const k of ['status', 'code', 'tool']) if (error[k] !== undefined) out[k] = error[k];
        const line = /script\.js:(\d+)/.exec(String(error.stack || ''));
        if (line) out.line = Number(line[1]) - 1;
      }
      return stringify(out);
    },
    unobserved: () => stringify([...unread.values()]),
    dropped: () => String(dropped),
  });
})`;
