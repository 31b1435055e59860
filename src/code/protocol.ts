// The messages between the host and a run's worker thread (src/code/worker.ts).

/** Given to a worker when it starts, before it knows its run. */
export interface WorkerSetup {
  memoryMb: number;
}

/** What a run is: sent to a worker that has loaded its engine and waits. */
export interface WorkerInput {
  /** The script, type annotations already stripped. */
  code: string;
  /** Tool names the session may call, for `Object.keys(brevo)`. */
  names: string[];
  memoryBytes: number;
  stackBytes: number;
  /** A longer JSON return value is cut here before it leaves the engine. */
  maxReturnChars: number;
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

export type FromWorker =
  | { t: 'call'; id: number; name: string; args?: string }
  | { t: 'log'; level: string; text: string }
  | { t: 'logs-cut' }
  | {
      t: 'done';
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
    };

export type ToWorker =
  /** Start the run. */
  | { t: 'run'; input: WorkerInput }
  /** The answer to one `call`: an envelope the prelude turns into a value or a BrevoError. */
  | { t: 'answer'; id: number; envelope: string };
