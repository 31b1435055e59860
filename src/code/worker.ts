// A sandbox thread: runs scripts one after another, each in a fresh QuickJS engine (its own WebAssembly memory).
import { parentPort, workerData } from 'node:worker_threads';
import type {
  QuickJSContext,
  QuickJSDeferredPromise,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSSyncVariant,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import {
  engineMemoryPages,
  ENGINE_INITIAL_PAGES,
  MAX_LOG_BYTES,
  MAX_LOG_LINE_CHARS,
  MAX_LOG_LINES,
  MAX_NAME_CHARS,
} from './limits.js';
import { PRELUDE } from './prelude.js';
import type { FromWorker, ScriptError, ToWorker, WorkerInput, WorkerSetup } from './protocol.js';

const port = parentPort!;
// Node has WebAssembly; this project's TypeScript settings (no DOM library) do not declare it.
const Wasm = (
  globalThis as unknown as {
    WebAssembly: { Memory: new (limits: { initial: number; maximum: number }) => { buffer: ArrayBuffer } };
  }
).WebAssembly;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);

/** An engine made ahead of its run: a new WebAssembly instance with a new, empty memory. */
interface Engine {
  module: QuickJSWASMModule;
  memory: { buffer: ArrayBuffer };
}

let warmed = false;
let modules: Promise<[typeof import('quickjs-emscripten-core'), QuickJSSyncVariant]> | undefined;

/**
 * A fresh engine. Nothing of an earlier run's engine is in it: its memory is a new WebAssembly
 * memory that cannot grow past the limit (QuickJS's own setMemoryLimit cannot add allocations up
 * under Emscripten), so when it is full malloc fails and the script gets "out of memory". The
 * compiled code is shared (the host compiles the module once), so this takes a millisecond or two.
 */
async function newEngine(): Promise<Engine> {
  modules ??= Promise.all([
    import('quickjs-emscripten-core'),
    // The package's types describe its CommonJS build; Node loads its ES module, whose default export is the variant.
    import('@jitl/quickjs-wasmfile-release-sync').then((m) => m.default as unknown as QuickJSSyncVariant),
  ]);
  const [{ newQuickJSWASMModuleFromVariant, newVariant }, variant] = await modules;
  const memory = new Wasm.Memory({ initial: ENGINE_INITIAL_PAGES, maximum: engineMemoryPages(setup.memoryMb) });
  const module = await newQuickJSWASMModuleFromVariant(
    newVariant(variant, { wasmMemory: memory as never, wasmModule: setup.wasmModule as never }),
  );
  if (!warmed) {
    // WebAssembly functions are compiled on their first call: a throwaway run of the prelude and a
    // little script compiles the common ones while the thread waits, not while a run does.
    warmed = true;
    const runtime = module.newRuntime();
    const vm = runtime.newContext();
    vm.unwrapResult(
      vm.evalCode(`(${PRELUDE}); (async () => JSON.stringify([1, 'a', { b: null }].map(String)))()`),
    ).dispose();
    runtime.executePendingJobs();
    vm.dispose();
    runtime.dispose();
  }
  return { module, memory };
}

/** One script's run in its engine: the prelude, the script, its calls and console, its result. */
class Run {
  private readonly runtime: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private helpers: QuickJSHandle | undefined;
  private main: QuickJSHandle | undefined;
  private readonly waiting = new Map<number, QuickJSDeferredPromise>();
  private nextCall = 1;
  private logBytes = 0;
  private logLines = 0;
  private dropped = 0;
  finished = false;

  constructor(
    readonly id: number,
    private readonly engine: Engine,
    private readonly input: WorkerInput,
    private readonly ended: (run: Run) => void,
  ) {
    this.runtime = engine.module.newRuntime();
    this.runtime.setMaxStackSize(input.stackBytes);
    this.vm = this.runtime.newContext();
  }

  start(): void {
    const { vm, input } = this;
    const prelude = vm.unwrapResult(vm.evalCode(PRELUDE, 'prelude.js'));
    const call = vm.newFunction('call', (name, args) => this.hostCall(name, args));
    const log = vm.newFunction('log', (level, text) => this.hostLog(level, text));
    const names = vm.newString(JSON.stringify(input.names));
    const bounds = vm.newString(JSON.stringify({ maxLogLineChars: MAX_LOG_LINE_CHARS }));
    this.helpers = vm.unwrapResult(vm.callFunction(prelude, vm.undefined, call, log, names, bounds));
    for (const h of [prelude, call, log, names, bounds]) h.dispose();
    // The limit counts from here: the script's own allocations, not the engine's start-up.
    this.runtime.setMemoryLimit(input.memoryBytes);

    const compiled = vm.evalCode(`(async () => {\n${input.code}\n})`, 'script.js');
    if (compiled.error) {
      this.fail(compiled.error);
      return;
    }
    const started = vm.callFunction(compiled.value, vm.undefined);
    compiled.value.dispose();
    if (started.error) {
      this.fail(started.error);
      return;
    }
    this.main = started.value;
    this.pump();
  }

  answer(call: number, envelope: string): void {
    const deferred = this.waiting.get(call);
    if (!deferred || this.finished) return;
    this.waiting.delete(call);
    const value = this.vm.newString(envelope);
    deferred.resolve(value);
    value.dispose();
    deferred.dispose();
    this.pump();
  }

  /** Everything of the run's engine let go; its memory goes with the engine. */
  dispose(): void {
    try {
      for (const deferred of this.waiting.values()) deferred.dispose();
      this.main?.dispose();
      this.helpers?.dispose();
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // An engine that failed (out of memory) may not dispose cleanly; it is dropped all the same.
    }
  }

  /** Runs a helper of the prelude and returns its string result. */
  private helper(name: string, ...args: QuickJSHandle[]): string {
    const { vm } = this;
    const fn = vm.getProp(this.helpers!, name);
    try {
      const result = vm.unwrapResult(vm.callFunction(fn, vm.undefined, ...args));
      try {
        return vm.getString(result);
      } finally {
        result.dispose();
      }
    } finally {
      fn.dispose();
    }
  }

  private describe(handle: QuickJSHandle): ScriptError {
    try {
      return JSON.parse(this.helper('describe', handle)) as ScriptError;
    } catch {
      // The error could not even be described (out of memory while doing it).
      return { name: 'InternalError', message: String(this.vm.dump(handle)) };
    }
  }

  private fail(handle: QuickJSHandle): void {
    const error = this.describe(handle);
    handle.dispose();
    this.finish({ t: 'done', run: this.id, error });
  }

  private finish(message: Extract<FromWorker, { t: 'done' }>): void {
    if (this.finished) return;
    this.finished = true;
    if (message.error && /out of memory/i.test(message.error.message)) message.memory = true;
    try {
      if (this.helpers) message.unobserved = JSON.parse(this.helper('unobserved')) as string[];
    } catch {
      // Nothing to add when the engine cannot answer any more.
    }
    if (this.dropped) {
      try {
        message.droppedLogLines = this.dropped + Number(this.helper('dropped'));
      } catch {
        message.droppedLogLines = this.dropped;
      }
    }
    // Calls still out (the script threw while others ran), or an engine whose memory grew (kept
    // until collected): this thread is not reused.
    if (this.waiting.size || this.engine.memory.buffer.byteLength > ENGINE_INITIAL_PAGES * 65536 * 2)
      message.retire = true;
    post(message);
    this.ended(this);
  }

  /** Runs the engine's queued jobs, then sees whether the run is over or can never go on. */
  private pump(): void {
    const { vm, runtime, main } = this;
    if (this.finished || !main) return;
    const jobs = runtime.executePendingJobs();
    if (jobs.error) {
      this.fail(jobs.error);
      return;
    }
    const state = vm.getPromiseState(main);
    // Calls the script did not await still run to their end before the result is given.
    if (this.waiting.size) {
      if (state.type === 'fulfilled') state.value.dispose();
      else if (state.type === 'rejected') state.error.dispose();
      return;
    }
    if (state.type === 'fulfilled') {
      const cap = vm.newNumber(this.input.maxReturnChars);
      const out = JSON.parse(this.helper('serialise', state.value, cap)) as {
        json?: string;
        length?: number;
        none?: boolean;
        error?: string;
      };
      state.value.dispose();
      cap.dispose();
      if (out.error) this.finish({ t: 'done', run: this.id, error: { name: 'TypeError', message: out.error } });
      else
        this.finish({
          t: 'done',
          run: this.id,
          value: out.none ? undefined : { json: out.json!, length: out.length! },
        });
      return;
    }
    if (state.type === 'rejected') {
      this.fail(state.error);
      return;
    }
    // Pending with nothing queued and no Brevo call out: nothing can ever settle it.
    if (!runtime.hasPendingJob()) this.finish({ t: 'done', run: this.id, stalled: true });
  }

  private hostCall(nameHandle: QuickJSHandle, argsHandle: QuickJSHandle): QuickJSHandle {
    const { vm } = this;
    const id = this.nextCall++;
    const deferred = vm.newPromise();
    this.waiting.set(id, deferred);
    // A name or arguments past their limit are not copied out of the engine: the host is told
    // which, counts the call and answers it with an error naming the limit.
    const name = this.boundedString(nameHandle, MAX_NAME_CHARS);
    if (name === undefined) {
      post({ t: 'call', run: this.id, id, name: '', refused: 'name' });
      return deferred.handle;
    }
    if (vm.typeof(argsHandle) !== 'string') {
      post({ t: 'call', run: this.id, id, name });
      return deferred.handle;
    }
    const args = this.boundedString(argsHandle, this.input.maxArgsBytes);
    post({ t: 'call', run: this.id, id, name, args, refused: args === undefined ? 'args' : undefined });
    return deferred.handle;
  }

  /** The string, or undefined when it is longer than max characters (then it is never copied out). */
  private boundedString(handle: QuickJSHandle, max: number): string | undefined {
    const { vm } = this;
    if (vm.typeof(handle) !== 'string') return undefined;
    const lengthHandle = vm.getProp(handle, 'length');
    const length = vm.getNumber(lengthHandle);
    lengthHandle.dispose();
    return length > max ? undefined : vm.getString(handle);
  }

  /** Keeps one console line, or says the console is full (false): the prelude then counts the rest itself. */
  private hostLog(levelHandle: QuickJSHandle, textHandle: QuickJSHandle): QuickJSHandle {
    // The prelude has cut the line already (with a note); anything longer is not copied out.
    const text = this.boundedString(textHandle, MAX_LOG_LINE_CHARS + 100) ?? '[a console line too long to keep]';
    // Every line counts its newline: a flood of empty lines is a flood all the same.
    const bytes = Buffer.byteLength(text) + 1;
    if (this.logLines + 1 > MAX_LOG_LINES || this.logBytes + bytes > MAX_LOG_BYTES) {
      this.dropped = 1;
      post({ t: 'logs-cut', run: this.id });
      return this.vm.false;
    }
    this.logLines++;
    this.logBytes += bytes;
    post({ t: 'log', run: this.id, level: this.boundedString(levelHandle, 10) ?? 'log', text });
    return this.vm.true;
  }
}

let next: Promise<Engine> = newEngine();
// Not an unhandled rejection while nobody waits for it: the run that takes it reports the failure.
next.catch(() => {});
let current: Run | undefined;

/** After a run: its engine let go, the next one made while the thread waits for the host's next run. */
function afterRun(run: Run): void {
  setImmediate(() => {
    run.dispose();
    if (current === run) current = undefined;
  });
  next = newEngine();
  next.catch(() => {});
}

async function begin(id: number, input: WorkerInput): Promise<void> {
  const engine = await next;
  const run = new Run(id, engine, input, afterRun);
  current = run;
  run.start();
}

port.on('message', (message: ToWorker) => {
  if (message.t === 'answer') {
    if (current?.id === message.run) current.answer(message.id, message.envelope);
    return;
  }
  begin(message.run, message.input).catch((error: unknown) => {
    // The engine itself failed, not the script (its memory could not grow, say): say so and stop.
    const text = error instanceof Error ? error.message : String(error);
    post({ t: 'done', run: message.run, crash: text, memory: /out of memory|allocat/i.test(text), retire: true });
  });
});
