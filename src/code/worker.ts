// One script run in a worker thread: the QuickJS engine (WebAssembly), the prelude, then the script.
import { parentPort, workerData } from 'node:worker_threads';
import type {
  QuickJSContext,
  QuickJSDeferredPromise,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSSyncVariant,
} from 'quickjs-emscripten-core';
import { engineMemoryPages, ENGINE_INITIAL_PAGES, MAX_LOG_CHARS, MAX_LOG_LINE_CHARS } from './limits.js';
import { PRELUDE } from './prelude.js';
import type { FromWorker, ScriptError, ToWorker, WorkerInput, WorkerSetup } from './protocol.js';

const port = parentPort!;
// Node has WebAssembly; this project's TypeScript settings (no DOM library) do not declare it.
const Wasm = (
  globalThis as unknown as { WebAssembly: { Memory: new (limits: { initial: number; maximum: number }) => object } }
).WebAssembly;
let input: WorkerInput;
const post = (message: FromWorker) => port.postMessage(message);

let vm: QuickJSContext;
let runtime: QuickJSRuntime;
let helpers: QuickJSHandle;
let main: QuickJSHandle | undefined;
const waiting = new Map<number, QuickJSDeferredPromise>();
let nextCall = 1;
let logChars = 0;
let logsCut = false;
let finished = false;

/** Runs a helper of the prelude with one argument and returns its string result. */
function helper(name: string, ...args: QuickJSHandle[]): string {
  const fn = vm.getProp(helpers, name);
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

function describe(handle: QuickJSHandle): ScriptError {
  try {
    return JSON.parse(helper('describe', handle)) as ScriptError;
  } catch {
    // The error could not even be described (out of memory while doing it).
    return { name: 'InternalError', message: String(vm.dump(handle)) };
  }
}

function finish(message: Extract<FromWorker, { t: 'done' }>): void {
  if (finished) return;
  finished = true;
  if (message.error && /out of memory/i.test(message.error.message)) message.memory = true;
  try {
    if (helpers) message.unobserved = JSON.parse(helper('unobserved')) as string[];
  } catch {
    // Nothing to add when the engine cannot answer any more.
  }
  post(message);
}

/** Runs the engine's queued jobs, then sees whether the run is over or can never go on. */
function pump(): void {
  if (finished || !main) return;
  const jobs = runtime.executePendingJobs();
  if (jobs.error) {
    const error = describe(jobs.error);
    jobs.error.dispose();
    finish({ t: 'done', error });
    return;
  }
  const state = vm.getPromiseState(main);
  // Calls the script did not await still run to their end before the result is given.
  if (waiting.size) {
    if (state.type === 'fulfilled') state.value.dispose();
    else if (state.type === 'rejected') state.error.dispose();
    return;
  }
  if (state.type === 'fulfilled') {
    const cap = vm.newNumber(input.maxReturnChars);
    const out = JSON.parse(helper('serialise', state.value, cap)) as {
      json?: string;
      length?: number;
      none?: boolean;
      error?: string;
    };
    state.value.dispose();
    cap.dispose();
    if (out.error) finish({ t: 'done', error: { name: 'TypeError', message: out.error } });
    else finish({ t: 'done', value: out.none ? undefined : { json: out.json!, length: out.length! } });
    return;
  }
  if (state.type === 'rejected') {
    const error = describe(state.error);
    state.error.dispose();
    finish({ t: 'done', error });
    return;
  }
  // Pending with nothing queued and no Brevo call out: nothing can ever settle it.
  if (!runtime.hasPendingJob()) finish({ t: 'done', stalled: true });
}

function answer(id: number, envelope: string): void {
  const deferred = waiting.get(id);
  if (!deferred || finished) return;
  waiting.delete(id);
  const value = vm.newString(envelope);
  deferred.resolve(value);
  value.dispose();
  deferred.dispose();
  pump();
}

function hostCall(nameHandle: QuickJSHandle, argsHandle: QuickJSHandle): QuickJSHandle {
  const id = nextCall++;
  const deferred = vm.newPromise();
  waiting.set(id, deferred);
  const args = vm.typeof(argsHandle) === 'string' ? vm.getString(argsHandle) : undefined;
  post({ t: 'call', id, name: vm.getString(nameHandle), args });
  return deferred.handle;
}

function hostLog(levelHandle: QuickJSHandle, textHandle: QuickJSHandle): void {
  if (logsCut) return;
  let text = vm.getString(textHandle);
  if (text.length > MAX_LOG_LINE_CHARS)
    text = `${text.slice(0, MAX_LOG_LINE_CHARS)} [cut: ${text.length - MAX_LOG_LINE_CHARS} more characters]`;
  logChars += text.length;
  if (logChars > MAX_LOG_CHARS) {
    logsCut = true;
    post({ t: 'logs-cut' });
    return;
  }
  post({ t: 'log', level: vm.getString(levelHandle), text });
}

/**
 * The engine, loaded as soon as the thread starts; the run begins when the host sends it. Brevo
 * calls and console lines go to the host as messages; nothing else leaves. The host ends the
 * thread when the run is over.
 */
async function loadEngine() {
  const { newQuickJSWASMModuleFromVariant, newVariant } = await import('quickjs-emscripten-core');
  // The package's types describe its CommonJS build; Node loads its ES module, whose default export is the variant.
  const variant = (await import('@jitl/quickjs-wasmfile-release-sync')).default as unknown as QuickJSSyncVariant;
  // The memory limit. QuickJS's own limit (setMemoryLimit) refuses any one allocation larger than
  // it but cannot add allocations up where malloc_usable_size is missing, as under Emscripten;
  // so the engine gets a WebAssembly memory that cannot grow past the limit. When it is full,
  // malloc fails and the script gets QuickJS's "out of memory" error, as it would at the limit.
  const { memoryMb } = workerData as WorkerSetup;
  const wasmMemory = new Wasm.Memory({ initial: ENGINE_INITIAL_PAGES, maximum: engineMemoryPages(memoryMb) });
  const engine = await newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmMemory: wasmMemory as never }));
  // WebAssembly functions are compiled on their first call: a throwaway run of the prelude and a
  // little script compiles the common ones while the thread waits, not while a run does.
  const warmRuntime = engine.newRuntime();
  const warm = warmRuntime.newContext();
  const result = warm.evalCode(
    `${PRELUDE}; (async () => JSON.stringify([1, 'a', { b: null }].map((x) => typeof x)))()`,
  );
  warm.unwrapResult(result).dispose();
  warmRuntime.executePendingJobs();
  warm.dispose();
  warmRuntime.dispose();
  return engine;
}

const engineLoaded = loadEngine();
// Not an unhandled rejection while nobody waits for it: start() reports the failure.
engineLoaded.catch(() => {});

async function start(): Promise<void> {
  const engine = await engineLoaded;
  runtime = engine.newRuntime();
  runtime.setMaxStackSize(input.stackBytes);
  vm = runtime.newContext();

  const prelude = vm.unwrapResult(vm.evalCode(PRELUDE, 'prelude.js'));
  const call = vm.newFunction('call', hostCall);
  const log = vm.newFunction('log', hostLog);
  const names = vm.newString(JSON.stringify(input.names));
  helpers = vm.unwrapResult(vm.callFunction(prelude, vm.undefined, call, log, names));
  for (const h of [prelude, call, log, names]) h.dispose();
  // The limit counts from here: the script's own allocations, not the engine's start-up.
  runtime.setMemoryLimit(input.memoryBytes);

  const compiled = vm.evalCode(`(async () => {\n${input.code}\n})`, 'script.js');
  if (compiled.error) {
    const error = describe(compiled.error);
    compiled.error.dispose();
    finish({ t: 'done', error });
    return;
  }
  const started = vm.callFunction(compiled.value, vm.undefined);
  compiled.value.dispose();
  if (started.error) {
    const error = describe(started.error);
    started.error.dispose();
    finish({ t: 'done', error });
    return;
  }
  main = started.value;
  pump();
}

port.on('message', (message: ToWorker) => {
  if (message.t === 'answer') return answer(message.id, message.envelope);
  if (input) return;
  input = message.input;
  start().catch((error: unknown) => {
    // The engine itself failed, not the script (its memory could not grow, say): say so and stop.
    const text = error instanceof Error ? error.message : String(error);
    finish({ t: 'done', crash: text, memory: /out of memory|allocat/i.test(text) });
  });
});
