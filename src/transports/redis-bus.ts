// 2026-07-28 change events shared by replicas: the SDK's event bus over Redis pub/sub, so a change
// made through one replica reaches the subscriptions/listen streams every replica holds. Local
// listeners hear an event at once; the copy Redis echoes back to its publisher is dropped.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { ServerEvent, ServerEventBus } from '@modelcontextprotocol/server';
import { log } from '../log.js';

const CHANNEL = 'brevo-mcp:changes';
const KINDS = new Set(['tools_list_changed', 'prompts_list_changed', 'resources_list_changed', 'resource_updated']);

export interface RedisBus extends ServerEventBus {
  close(): Promise<void>;
}

/** Connects to Redis at url (redis:// or rediss://); rejects when it cannot. */
export async function redisBus(url: string): Promise<RedisBus> {
  const origin = randomUUID();
  const listeners = new Set<(event: ServerEvent) => void>();
  const deliver = (event: ServerEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        log('warn', `a change listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // Without a listener an error event would end the process; a Redis outage costs only events.
  let reported = false;
  const onError = (error: Error) => {
    if (reported) return;
    reported = true;
    log('warn', `Redis (change events between replicas): ${error.message}; retrying`);
  };
  publisher.on('error', onError);
  subscriber.on('error', onError);
  publisher.on('ready', () => (reported = false));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL, (message) => {
    let parsed: { origin?: unknown; event?: { kind?: unknown } };
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (parsed.origin === origin || !KINDS.has(parsed.event?.kind as string)) return;
    deliver(parsed.event as ServerEvent);
  });
  return {
    publish(event) {
      deliver(event);
      publisher.publish(CHANNEL, JSON.stringify({ origin, event })).catch(onError);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.allSettled([subscriber.close(), publisher.close()]);
    },
  };
}
