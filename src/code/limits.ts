// Code mode's limits: the operator's three (time, memory, calls), the fixed ones, and their names.

export interface CodeLimits {
  /** Wall time of one run, from the script's start to its result. */
  timeoutMs: number;
  /** Memory the script's JavaScript engine may allocate. */
  memoryMb: number;
  /** Brevo calls one run may make. */
  maxCalls: number;
}

export const DEFAULT_CODE_LIMITS: CodeLimits = { timeoutMs: 30_000, memoryMb: 64, maxCalls: 200 };

/** The limits a person can set, with the flag that sets each (named in every limit message). */
export const LIMIT_FLAGS = {
  time: '--code-timeout-ms',
  memory: '--code-memory-mb',
  calls: '--code-max-calls',
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

/** Console output kept per run; later lines are counted, not kept. */
export const MAX_LOG_CHARS = 10_000;

/** A single console line is cut here. */
export const MAX_LOG_LINE_CHARS = 2_000;

/** Runs in their own threads at once in this process; more wait their turn. */
export const MAX_CONCURRENT_RUNS = 4;

/** How a limit is named in a result: what it is, and the flag that raises it. */
export function limitText(limit: LimitName, limits: CodeLimits): string {
  switch (limit) {
    case 'time':
      return `the time limit (${limits.timeoutMs} ms, ${LIMIT_FLAGS.time})`;
    case 'memory':
      return `the memory limit (${limits.memoryMb} MB, ${LIMIT_FLAGS.memory})`;
    case 'calls':
      return `the limit of ${limits.maxCalls} Brevo calls per run (${LIMIT_FLAGS.calls})`;
  }
}

/** Thrown by a Brevo call handler to end the run at a limit (the call limit). */
export class LimitReached extends Error {
  constructor(readonly limit: LimitName) {
    super(`limit reached: ${limit}`);
  }
}
