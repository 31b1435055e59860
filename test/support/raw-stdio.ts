// A raw stdio peer: writes arbitrary bytes to the spawned server and collects every line it
// prints, for tests of malformed input and of what reaches stdout at all.
import type { Json } from './json.js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from './mcp.js';

export class RawStdio {
  readonly lines: string[] = [];
  stdout = '';
  stderr = '';
  /** How the process ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: Array<() => void> = [];

  constructor(env: Record<string, string>, args: string[] = []) {
    this.child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    // Writing to a server that has exited fails; the test asserts on the exit instead.
    this.child.stdin.on('error', () => {});
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
      const parts = this.stdout.split('\n');
      this.lines.push(...parts.slice(this.lines.length, -1));
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  write(text: string | Buffer): void {
    this.child.stdin.write(text);
  }

  /** Stops reading the server's stdout, as a client that goes away does: its next write gets EPIPE. */
  closeStdout(): void {
    this.child.stdout.destroy();
  }

  send(message: unknown): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  /** The next printed message that satisfies `match`, parsed. */
  async next(match: (message: Json) => boolean, timeoutMs = 5000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.lines.length; seen++) {
        const message = JSON.parse(this.lines[seen]!);
        if (match(message)) return message;
      }
      if (Date.now() > deadline)
        throw new Error(`no matching message; stdout so far:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sends a request and waits for its response. */
  request(id: number, method: string, params: unknown = {}): Promise<Json> {
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.next((m) => m.id === id);
  }

  async initialize(): Promise<void> {
    await this.request(0, 'initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    });
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (this.alive) this.child.kill('SIGKILL');
  }
}
