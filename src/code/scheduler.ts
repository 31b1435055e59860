// Who runs next: a process-wide cap on running scripts, a per-session share of it, and fair, bounded queues.

export interface SchedulerLimits {
  /** Scripts running at once in the process. */
  running: number;
  /** Scripts one session (one token, one client key) may run at once. */
  perSession: number;
  /** Scripts one session may have waiting; one more is refused as busy. */
  waitingPerSession: number;
  /** Scripts waiting in the whole process; one more is refused as busy. */
  waiting: number;
}

/** Refused at once: the queue is full. The message says why and what to do. */
export class Busy extends Error {}

interface Waiter {
  grant: () => void;
  fail: (error: unknown) => void;
}

/**
 * Runs start in turn across sessions, not in order of arrival: each time a slot frees, the next
 * session in the rotation with a script waiting (and under its share) starts one. A session that
 * sends twelve scripts therefore delays another session's one script by at most one run, never by
 * its own eleven others.
 */
export class RunScheduler {
  private running = 0;
  private waitingCount = 0;
  private readonly runningBy = new Map<string, number>();
  /** Sessions with scripts waiting, in rotation order. */
  private readonly queues = new Map<string, Waiter[]>();

  constructor(readonly limits: SchedulerLimits) {}

  /** Resolves with a release function once the run may start; rejects with Busy, or the signal's reason. */
  acquire(session: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running < this.limits.running && (this.runningBy.get(session) ?? 0) < this.limits.perSession) {
      return Promise.resolve(this.start(session));
    }
    const queue = this.queues.get(session) ?? [];
    if (queue.length >= this.limits.waitingPerSession) {
      return Promise.reject(
        new Busy(
          `Busy: this session already has ${this.runningBy.get(session) ?? 0} scripts running and ${queue.length} ` +
            `waiting, the most it may (${this.limits.perSession} running, ${this.limits.waitingPerSession} ` +
            `waiting). Nothing was run: wait for a script to finish, then try again.`,
        ),
      );
    }
    if (this.waitingCount >= this.limits.waiting) {
      return Promise.reject(
        new Busy(
          `Busy: ${this.waitingCount} scripts are waiting to run on this server, the most it queues. ` +
            `Nothing was run: try again in a few seconds.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.start(session));
        },
        fail: reject,
      };
      const onAbort = () => {
        const list = this.queues.get(session);
        const at = list?.indexOf(waiter) ?? -1;
        if (at < 0) return;
        list!.splice(at, 1);
        this.waitingCount--;
        if (!list!.length) this.queues.delete(session);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      this.queues.set(session, queue);
      this.waitingCount++;
    });
  }

  /** Scripts running and waiting, for the log and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  private start(session: string): () => void {
    this.running++;
    this.runningBy.set(session, (this.runningBy.get(session) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = this.runningBy.get(session)! - 1;
      if (left) this.runningBy.set(session, left);
      else this.runningBy.delete(session);
      this.dispatch();
    };
  }

  /** Starts waiting runs while there is room, one session at a time in rotation. */
  private dispatch(): void {
    while (this.running < this.limits.running) {
      let started = false;
      for (const [session, queue] of this.queues) {
        if ((this.runningBy.get(session) ?? 0) >= this.limits.perSession) continue;
        const waiter = queue.shift()!;
        this.waitingCount--;
        // To the back of the rotation: the other sessions' turns come first.
        this.queues.delete(session);
        if (queue.length) this.queues.set(session, queue);
        waiter.grant();
        started = true;
        break;
      }
      if (!started) return;
    }
  }
}
