// The run scheduler: the process cap, each session's share, turns across sessions, bounded queues, cancellation.
import { describe, expect, it } from 'vitest';
import { Busy, RunScheduler } from './scheduler.js';

const limits = { running: 4, perSession: 2, waitingPerSession: 3, waiting: 5 };

describe('RunScheduler', () => {
  it("keeps a session to its share, so another session's run starts at once", async () => {
    const scheduler = new RunScheduler(limits);
    const greedy = await Promise.all([scheduler.acquire('a'), scheduler.acquire('a')]);
    let third = false;
    void scheduler.acquire('a').then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    const other = await scheduler.acquire('b');
    expect(scheduler.load).toEqual({ running: 3, waiting: 1 });
    greedy[0]!();
    await Promise.resolve();
    expect(third).toBe(true);
    other();
  });

  it('starts waiting runs in turn across sessions, not in order of arrival', async () => {
    const scheduler = new RunScheduler({ ...limits, running: 1, perSession: 1 });
    const first = await scheduler.acquire('a');
    const order: string[] = [];
    const queued = [
      ['a', scheduler.acquire('a')],
      ['a', scheduler.acquire('a')],
      ['b', scheduler.acquire('b')],
    ] as const;
    for (const [session, waiting] of queued) {
      void waiting.then((release) => {
        order.push(session);
        release();
      });
    }
    first();
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['a', 'b', 'a']);
  });

  it('refuses past the queues with Busy, at once', async () => {
    const scheduler = new RunScheduler(limits);
    await Promise.all([scheduler.acquire('a'), scheduler.acquire('a')]);
    for (let i = 0; i < 3; i++) void scheduler.acquire('a');
    await expect(scheduler.acquire('a')).rejects.toThrow(Busy);
    await expect(scheduler.acquire('a')).rejects.toThrow(/2 scripts running and 3 waiting/);
    await Promise.all([scheduler.acquire('b'), scheduler.acquire('b')]);
    void scheduler.acquire('b');
    void scheduler.acquire('b');
    await expect(scheduler.acquire('c')).rejects.toThrow(/5 scripts are waiting to run on this server/);
  });

  it('a cancelled waiting run leaves the queue', async () => {
    const scheduler = new RunScheduler({ ...limits, running: 1 });
    const first = await scheduler.acquire('a');
    const cancel = new AbortController();
    const waiting = scheduler.acquire('b', cancel.signal);
    cancel.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(scheduler.load).toEqual({ running: 1, waiting: 0 });
    first();
    expect(scheduler.load).toEqual({ running: 0, waiting: 0 });
  });
});
