// The sandbox runner: each script in a fresh worker thread, watched from the host.
import { Worker } from 'node:worker_threads';
import { Semaphore } from '../client/semaphore.js';
import { log } from '../log.js';
import { LimitReached, MAX_CONCURRENT_RUNS, STACK_BYTES, type CodeLimits, type LimitName } from './limits.js';
import type { FromWorker, ScriptError, ToWorker, WorkerInput, WorkerSetup } from './protocol.js';

export interface LogLine {
  level: string;
  text: string;
}

export interface RunOutcome {
  /** How the run ended. */
  end: 'returned' | 'threw' | 'stalled' | 'limit' | 'cancelled' | 'crashed';
  value?: { json: string; length: number };
  error?: ScriptError;
  limit?: LimitName;
  /** What went wrong with the engine itself ('crashed'). */
  crash?: string;
  logs: LogLine[];
  /** Later console output was dropped (MAX_LOG_CHARS). */
  logsCut: boolean;
  /** Failed Brevo calls whose errors the script never read. */
  unobserved: string[];
}

export interface RunRequest {
  code: string;
  names: string[];
  limits: CodeLimits;
  maxReturnChars: number;
  /** Cancels the run (notifications/cancelled, session closed). */
  signal?: AbortSignal;
  /**
   * Answers one `brevo.<name>(args)`: resolves with the envelope for the script; throws
   * LimitReached to end the run. `signal` is aborted when the run ends early.
   */
  call: (name: string, args: string | undefined, signal: AbortSignal) => Promise<string>;
}

const workerUrl = new URL('./worker.js', import.meta.url);
const runs = new Semaphore(MAX_CONCURRENT_RUNS);

/** A spare thread is ended after this long unused. */
const SPARE_IDLE_MS = 60_000;

/**
 * One thread started ahead, its engine loading, so the next run does not wait for a thread and an
 * engine (~50-100 ms). A run never reuses a thread: each gets a fresh engine and nothing of the last.
 */
let spare: { worker: Worker; memoryMb: number; idle: NodeJS.Timeout } | undefined;

function startWorker(memoryMb: number): Worker {
  const worker = new Worker(workerUrl, {
    workerData: { memoryMb } satisfies WorkerSetup,
    // The thread's own heap holds strings on their way in and out of the engine: bounded too.
    resourceLimits: { maxOldGenerationSizeMb: 32 + memoryMb * 2, stackSizeMb: 4 },
    // Kept from the server's stdout, which is the protocol in stdio mode.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.on('data', (chunk: Buffer) => log('debug', `code mode engine: ${chunk.toString('utf8').trimEnd()}`));
  // Neither a spare nor a run keeps a finished process alive.
  worker.unref();
  return worker;
}

function takeWorker(memoryMb: number): Worker {
  const ready = spare;
  spare = undefined;
  if (ready) clearTimeout(ready.idle);
  if (ready && ready.memoryMb === memoryMb) return ready.worker;
  if (ready) void ready.worker.terminate();
  return startWorker(memoryMb);
}

function keepSpare(memoryMb: number): void {
  if (spare) return;
  const worker = startWorker(memoryMb);
  const drop = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.idle);
    spare = undefined;
    void worker.terminate();
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spare = { worker, memoryMb, idle: setTimeout(drop, SPARE_IDLE_MS).unref() };
}

/** Starts a spare thread ahead of a first run (a search usually comes before one). */
export function warmUp(memoryMb: number): void {
  keepSpare(memoryMb);
}

/**
 * Runs one script in a fresh worker thread (src/code/worker.ts). The wall-time limit,
 * cancellation and the call limit end the thread outright, which also frees all of its engine's
 * memory. The server's own thread never runs script code, so a busy script cannot stop it from
 * serving other requests or from hearing a cancellation.
 */
export async function runScript(request: RunRequest): Promise<RunOutcome> {
  const logs: LogLine[] = [];
  const state = { logsCut: false };
  const outcome = (
    fields: Omit<RunOutcome, 'logs' | 'logsCut' | 'unobserved'> & { unobserved?: string[] },
  ): RunOutcome => ({
    unobserved: [],
    ...fields,
    logs,
    logsCut: state.logsCut,
  });
  try {
    return await runs.run(() => runInWorker(request, logs, state, outcome), request.signal);
  } catch (error) {
    if (request.signal?.aborted) return outcome({ end: 'cancelled' });
    throw error;
  }
}

function runInWorker(
  request: RunRequest,
  logs: LogLine[],
  state: { logsCut: boolean },
  outcome: (fields: Omit<RunOutcome, 'logs' | 'logsCut' | 'unobserved'> & { unobserved?: string[] }) => RunOutcome,
): Promise<RunOutcome> {
  const { limits, signal } = request;
  const calls = new AbortController();
  const input: WorkerInput = {
    code: request.code,
    names: request.names,
    memoryBytes: limits.memoryMb * 1024 * 1024,
    stackBytes: STACK_BYTES,
    maxReturnChars: request.maxReturnChars,
  };
  const worker = takeWorker(limits.memoryMb);
  worker.removeAllListeners('error').removeAllListeners('exit');

  return new Promise<RunOutcome>((resolve) => {
    let over = false;
    const end = (result: RunOutcome) => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Brevo requests still out are abandoned with the run.
      calls.abort();
      void worker.terminate();
      keepSpare(limits.memoryMb);
      resolve(result);
    };
    const timer = setTimeout(() => end(outcome({ end: 'limit', limit: 'time' })), limits.timeoutMs);
    const onAbort = () => end(outcome({ end: 'cancelled' }));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (over) return;
      switch (message.t) {
        case 'log':
          logs.push({ level: message.level, text: message.text });
          return;
        case 'logs-cut':
          state.logsCut = true;
          return;
        case 'call':
          request.call(message.name, message.args, calls.signal).then(
            (envelope) => {
              if (!over) worker.postMessage({ t: 'answer', id: message.id, envelope } satisfies ToWorker);
            },
            (error: unknown) => {
              if (error instanceof LimitReached) end(outcome({ end: 'limit', limit: error.limit }));
              else end(outcome({ end: 'crashed', crash: error instanceof Error ? error.message : String(error) }));
            },
          );
          return;
        case 'done': {
          const unobserved = message.unobserved ?? [];
          if (message.memory) return end(outcome({ end: 'limit', limit: 'memory', unobserved }));
          if (message.crash) return end(outcome({ end: 'crashed', crash: message.crash, unobserved }));
          if (message.stalled) return end(outcome({ end: 'stalled', unobserved }));
          if (message.error) return end(outcome({ end: 'threw', error: message.error, unobserved }));
          return end(outcome({ end: 'returned', value: message.value, unobserved }));
        }
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') end(outcome({ end: 'limit', limit: 'memory' }));
      else end(outcome({ end: 'crashed', crash: error.message }));
    });
    worker.on('exit', (code) => end(outcome({ end: 'crashed', crash: `the engine stopped (exit code ${code})` })));
    worker.postMessage({ t: 'run', input } satisfies ToWorker);
  });
}
