// The messages between the host and a sandbox thread (src/code/worker.ts), which runs scripts one at a time.

/** Given to a thread when it starts, before it knows its runs. */
export interface WorkerSetup {
  memoryMb: number;
  /** QuickJS, compiled once by the host: each run's engine is a new instance of it. */
  wasmModule: object;
}

/** What a run is: sent to a thread whose next engine is made or being made. */
export interface WorkerInput {
  /** The script, type annotations already stripped. */
  code: string;
  /** Tool names the session may call, for `Object.keys(brevo)`. */
  names: string[];
  memoryBytes: number;
  stackBytes: number;
  /** A longer JSON return value is cut here before it leaves the engine. */
  maxReturnChars: number;
  /** Longer arguments (JSON characters) are not copied out of the engine: the call is refused. */
  maxArgsBytes: number;
}

/** An error the script ended with, as the prelude describes it. */
export interface ScriptError {
  name: string;
  message: string;
  status?: number;
  code?: string;
  tool?: string;
  /** Line in the script (1-based). */
  line?: number;
}

/** Every message names its run: a late message of an earlier run is told apart. */
export type FromWorker =
  | {
      t: 'call';
      run: number;
      id: number;
      name: string;
      args?: string;
      /** The name or the arguments were past their limit and stayed in the engine. */
      refused?: 'name' | 'args';
    }
  | { t: 'log'; run: number; level: string; text: string }
  /** The console is full: later lines are dropped (their count comes with done, when the run gets there). */
  | { t: 'logs-cut'; run: number }
  | {
      t: 'done';
      run: number;
      /** The JSON return value (cut at maxReturnChars) and its full length; absent when nothing was returned. */
      value?: { json: string; length: number };
      error?: ScriptError;
      /** The script waits on a promise nothing can settle. */
      stalled?: boolean;
      /** The error was the memory limit. */
      memory?: boolean;
      /** The engine itself failed (not the script). */
      crash?: string;
      /** Failed Brevo calls whose error the script never read ("tool: status code"). */
      unobserved?: string[];
      /** Console lines dropped past the limits (MAX_LOG_LINES, MAX_LOG_BYTES). */
      droppedLogLines?: number;
      /** The thread should not be given another run (calls still out, or its engine's memory grew). */
      retire?: boolean;
    };

export type ToWorker =
  /** Start a run. */
  | { t: 'run'; run: number; input: WorkerInput }
  /** The answer to one `call`: an envelope the prelude turns into a value or a BrevoError. */
  | { t: 'answer'; run: number; id: number; envelope: string };
