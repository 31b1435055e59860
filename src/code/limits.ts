// Code mode's limits: the operator's (time, memory, calls, body bytes), the fixed ones, and their names.

export interface CodeLimits {
  /** Wall time of one run, from the script's start to its result. */
  timeoutMs: number;
  /** Memory the script's JavaScript engine may allocate. */
  memoryMb: number;
  /** Brevo calls one run may make (calls to unknown names and refused calls included). */
  maxCalls: number;
  /** Bytes of arguments (JSON) one call may send, and all of a run's calls together: --max-body-bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_CODE_LIMITS: CodeLimits = {
  timeoutMs: 30_000,
  memoryMb: 64,
  maxCalls: 200,
  maxBodyBytes: 1024 * 1024,
};

/**
 * The largest value of each flag. With MAX_CONCURRENT_RUNS runs at once the engines together stay
 * under 4 x (256 + 2) MB whatever the flags say, and no run outlives two minutes.
 */
export const CODE_LIMIT_CEILINGS = { timeoutMs: 120_000, memoryMb: 256, maxCalls: 1_000 } as const;

/** The limits a person can set, with the flag that sets each (named in every limit message). */
export const LIMIT_FLAGS = {
  time: '--code-timeout-ms',
  memory: '--code-memory-mb',
  calls: '--code-max-calls',
  body: '--max-body-bytes',
} as const;

export type LimitName = keyof typeof LIMIT_FLAGS;

/** The engine's WebAssembly memory starts at 16 MB (its build's minimum), about 2 MB of it its own. */
export const ENGINE_INITIAL_PAGES = 256;
const PAGES_PER_MB = 16;
const ENGINE_OWN_MB = 2;

/** The most WebAssembly pages one run's engine may grow to: its own memory plus the script's. */
export function engineMemoryPages(memoryMb: number): number {
  return Math.max(ENGINE_INITIAL_PAGES, (ENGINE_OWN_MB + memoryMb) * PAGES_PER_MB);
}

/** The smallest memory limit: the engine's memory never starts smaller than 16 MB. */
export const MIN_MEMORY_MB = 16;

/** Longest `code` accepted: a script, not a bundle. */
export const MAX_CODE_CHARS = 100_000;

/** The engine's own stack: deep recursion ends as a RangeError long before the host is at risk. */
export const STACK_BYTES = 512 * 1024;

/** Console output kept per run, in UTF-8 bytes (each line counts its newline); later lines are dropped. */
export const MAX_LOG_BYTES = 10_000;

/** Console lines kept per run, empty ones included; later lines are dropped. */
export const MAX_LOG_LINES = 200;

/** A single console line is cut here. */
export const MAX_LOG_LINE_CHARS = 2_000;

/** Longest name a script may call `brevo.<name>` by: longer is no operation (the longest is 36). */
export const MAX_NAME_CHARS = 128;

/** Deepest nesting of one call's arguments (objects and arrays). */
export const MAX_ARGS_DEPTH = 32;

/** Scripts running at once in this process; more wait their turn (see scheduler.ts). */
export const MAX_CONCURRENT_RUNS = 4;

/** Scripts one session (one token, one client key) may run at once: half the process's, so another always has room. */
export const MAX_RUNS_PER_SESSION = 2;

/** Scripts one session may have waiting; one more is refused as busy at once. */
export const MAX_WAITING_PER_SESSION = 30;

/** Scripts waiting in the whole process; one more is refused as busy at once. */
export const MAX_WAITING_RUNS = 200;

/** How a limit is named in a result: what it is, and the flag that raises it. */
export function limitText(limit: LimitName, limits: CodeLimits): string {
  switch (limit) {
    case 'time':
      return `the time limit (${limits.timeoutMs} ms, ${LIMIT_FLAGS.time})`;
    case 'memory':
      return `the memory limit (${limits.memoryMb} MB, ${LIMIT_FLAGS.memory})`;
    case 'calls':
      return `the limit of ${limits.maxCalls} Brevo calls per run (${LIMIT_FLAGS.calls})`;
    case 'body':
      return `the limit of ${limits.maxBodyBytes} bytes of arguments per call and per run (${LIMIT_FLAGS.body})`;
  }
}

/** Thrown by a Brevo call handler to end the run at a limit (the call limit). */
export class LimitReached extends Error {
  constructor(readonly limit: LimitName) {
    super(`limit reached: ${limit}`);
  }
}
