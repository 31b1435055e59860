// The sandbox runner: each script in a fresh engine on a pooled, pre-started thread, watched from the host.
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { log } from '../log.js';
import {
  LimitReached,
  MAX_CONCURRENT_RUNS,
  MAX_RUNS_PER_SESSION,
  MAX_WAITING_PER_SESSION,
  MAX_WAITING_RUNS,
  STACK_BYTES,
  type CodeLimits,
  type LimitName,
} from './limits.js';
import type { FromWorker, ScriptError, ToWorker, WorkerInput, WorkerSetup } from './protocol.js';
import { Busy, RunScheduler } from './scheduler.js';

export interface LogLine {
  level: string;
  text: string;
}

export interface RunOutcome {
  /** How the run ended; busy: it never started (the queue was full). */
  end: 'returned' | 'threw' | 'stalled' | 'limit' | 'cancelled' | 'crashed' | 'busy';
  value?: { json: string; length: number };
  error?: ScriptError;
  limit?: LimitName;
  /** What went wrong with the engine itself ('crashed'), or why the run could not start ('busy'). */
  crash?: string;
  logs: LogLine[];
  /** Console lines dropped past MAX_LOG_LINES or MAX_LOG_BYTES; -1: some, not counted (the run was stopped). */
  droppedLogLines: number;
  /** Failed Brevo calls whose errors the script never read. */
  unobserved: string[];
}

export interface RunRequest {
  code: string;
  names: string[];
  limits: CodeLimits;
  maxReturnChars: number;
  /** Whose share of the runs this run takes: one session, token or client key. */
  session: string;
  /** Cancels the run (notifications/cancelled, the client hanging up, the session closed). */
  signal?: AbortSignal;
  /**
   * Answers one `brevo.<name>(args)`: resolves with the envelope for the script; throws
   * LimitReached to end the run. `signal` is aborted when the run ends early. `refused` names
   * what stayed in the engine for being past its limit.
   */
  call: (name: string, args: string | undefined, signal: AbortSignal, refused?: 'name' | 'args') => Promise<string>;
}

const scheduler = new RunScheduler({
  running: MAX_CONCURRENT_RUNS,
  perSession: MAX_RUNS_PER_SESSION,
  waitingPerSession: MAX_WAITING_PER_SESSION,
  waiting: MAX_WAITING_RUNS,
});

const workerUrl = new URL('./worker.js', import.meta.url);

/** Threads kept started and waiting, their next engine made: a run starts at once. */
const WARM_THREADS = 2;
/** An idle thread is ended after this long unused. */
const IDLE_MS = 60_000;

interface Thread {
  worker: Worker;
  memoryMb: number;
  idle?: NodeJS.Timeout;
}

const idle: Thread[] = [];
/** Threads starting for the pool; a run that finds none idle takes the first of these, not a new one. */
const starting: Array<{ thread: Promise<Thread>; claimed: boolean }> = [];
let compiled: Promise<object> | undefined;
let nextRun = 1;

/** QuickJS compiled once for the process; every thread instantiates it, every run gets a new instance. */
function wasmModule(): Promise<object> {
  const { WebAssembly: Wasm } = globalThis as unknown as { WebAssembly: { compile(bytes: Buffer): Promise<object> } };
  compiled ??= readFile(new URL(import.meta.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))).then((bytes) =>
    Wasm.compile(bytes),
  );
  compiled.catch(() => (compiled = undefined));
  return compiled;
}

async function startThread(memoryMb: number): Promise<Thread> {
  const worker = new Worker(workerUrl, {
    workerData: { memoryMb, wasmModule: await wasmModule() } satisfies WorkerSetup,
    // The thread's own heap holds strings on their way in and out of the engine: bounded too.
    resourceLimits: { maxOldGenerationSizeMb: 32 + memoryMb * 2, stackSizeMb: 4 },
    // Kept from the server's stdout, which is the protocol in stdio mode.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.on('data', (chunk: Buffer) => log('debug', `code mode engine: ${chunk.toString('utf8').trimEnd()}`));
  // Neither an idle thread nor a run keeps a finished process alive.
  worker.unref();
  return { worker, memoryMb };
}

/** Keeps the thread ready for another run, until it has been unused for IDLE_MS. */
function park(thread: Thread): void {
  if (idle.length >= MAX_CONCURRENT_RUNS) return void thread.worker.terminate();
  const drop = () => {
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
    clearTimeout(thread.idle);
    void thread.worker.terminate();
  };
  thread.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  thread.worker.once('error', drop).once('exit', drop);
  thread.idle = setTimeout(drop, IDLE_MS).unref();
  idle.push(thread);
}

/** Starts threads ahead of demand, up to WARM_THREADS waiting (a search usually comes before a run). */
export function warmUp(memoryMb: number): void {
  while (idle.length + starting.length < WARM_THREADS) {
    const start = { thread: startThread(memoryMb), claimed: false };
    starting.push(start);
    start.thread.then(
      (thread) => {
        starting.splice(starting.indexOf(start), 1);
        if (!start.claimed) park(thread);
      },
      (error: unknown) => {
        starting.splice(starting.indexOf(start), 1);
        log('warn', `code mode: a sandbox thread did not start: ${error instanceof Error ? error.message : error}`);
      },
    );
  }
}

async function takeThread(memoryMb: number): Promise<Thread> {
  for (let thread = idle.shift(); thread; thread = idle.shift()) {
    clearTimeout(thread.idle);
    if (thread.memoryMb === memoryMb) return thread;
    void thread.worker.terminate();
  }
  // One is on its way already: waiting for it costs less than starting another beside it.
  const coming = starting.find((s) => !s.claimed);
  if (coming) {
    coming.claimed = true;
    const thread = await coming.thread.catch(() => undefined);
    if (thread?.memoryMb === memoryMb) return thread;
    if (thread) void thread.worker.terminate();
  }
  return startThread(memoryMb);
}

/**
 * Runs one script when the scheduler gives it its turn, in a fresh engine on a pooled thread
 * (src/code/worker.ts). The wall-time limit, cancellation and the call limit end the thread
 * outright, which also frees all of its engine's memory. The server's own thread never runs
 * script code, so a busy script cannot stop it from serving other requests or from hearing a
 * cancellation.
 */
export async function runScript(request: RunRequest): Promise<RunOutcome> {
  const logs: LogLine[] = [];
  const outcome = (fields: Omit<RunOutcome, 'logs' | 'droppedLogLines' | 'unobserved'> & Partial<RunOutcome>) => ({
    unobserved: [],
    droppedLogLines: 0,
    ...fields,
    logs,
  });
  let release: () => void;
  try {
    release = await scheduler.acquire(request.session, request.signal);
  } catch (error) {
    if (error instanceof Busy) return outcome({ end: 'busy', crash: error.message });
    if (request.signal?.aborted) return outcome({ end: 'cancelled' });
    throw error;
  }
  try {
    const thread = await takeThread(request.limits.memoryMb);
    return await runOnThread(thread, request, logs, outcome);
  } finally {
    release();
    warmUp(request.limits.memoryMb);
  }
}

function runOnThread(
  thread: Thread,
  request: RunRequest,
  logs: LogLine[],
  outcome: (fields: Omit<RunOutcome, 'logs' | 'droppedLogLines' | 'unobserved'> & Partial<RunOutcome>) => RunOutcome,
): Promise<RunOutcome> {
  const { limits, signal } = request;
  const { worker } = thread;
  const run = nextRun++;
  const calls = new AbortController();
  let callsOut = 0;
  let logsCut = false;
  const input: WorkerInput = {
    code: request.code,
    names: request.names,
    memoryBytes: limits.memoryMb * 1024 * 1024,
    stackBytes: STACK_BYTES,
    maxReturnChars: request.maxReturnChars,
    maxArgsBytes: limits.maxBodyBytes,
  };
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');

  return new Promise<RunOutcome>((resolve) => {
    let over = false;
    /** reuse: the thread finished cleanly and may take another run. */
    const end = (result: RunOutcome, reuse = false) => {
      if (over) return;
      over = true;
      // Ended before the count came (time limit, cancel): lines were dropped, how many is unknown.
      if (logsCut && !result.droppedLogLines) result.droppedLogLines = -1;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Brevo requests still out are abandoned with the run.
      calls.abort();
      if (reuse && callsOut === 0) park(thread);
      else void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => end(outcome({ end: 'limit', limit: 'time' })), limits.timeoutMs);
    const onAbort = () => end(outcome({ end: 'cancelled' }));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (over || message.run !== run) return;
      switch (message.t) {
        case 'log':
          logs.push({ level: message.level, text: message.text });
          return;
        case 'logs-cut':
          logsCut = true;
          return;
        case 'call':
          callsOut++;
          request.call(message.name, message.args, calls.signal, message.refused).then(
            (envelope) => {
              callsOut--;
              if (!over) worker.postMessage({ t: 'answer', run, id: message.id, envelope } satisfies ToWorker);
            },
            (error: unknown) => {
              callsOut--;
              if (error instanceof LimitReached) end(outcome({ end: 'limit', limit: error.limit }));
              else end(outcome({ end: 'crashed', crash: error instanceof Error ? error.message : String(error) }));
            },
          );
          return;
        case 'done': {
          const common = {
            unobserved: message.unobserved ?? [],
            droppedLogLines: message.droppedLogLines ?? 0,
          };
          const reuse = !message.retire;
          if (message.memory) return end(outcome({ end: 'limit', limit: 'memory', ...common }));
          if (message.crash) return end(outcome({ end: 'crashed', crash: message.crash, ...common }));
          if (message.stalled) return end(outcome({ end: 'stalled', ...common }), reuse);
          if (message.error) return end(outcome({ end: 'threw', error: message.error, ...common }), reuse);
          return end(outcome({ end: 'returned', value: message.value, ...common }), reuse);
        }
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') end(outcome({ end: 'limit', limit: 'memory' }));
      else end(outcome({ end: 'crashed', crash: error.message }));
    });
    worker.on('exit', (code) => end(outcome({ end: 'crashed', crash: `the engine stopped (exit code ${code})` })));
    worker.postMessage({ t: 'run', run, input } satisfies ToWorker);
  });
}
