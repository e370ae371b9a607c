import type { Transport } from './transport.js';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Record<string, any>;
}

/**
 * Watches a collection (`?watch=1`, one JSON event per line) until `handle` returns true, the stream ends
 * or the deadline passes. Returns true when `handle` accepted an event.
 */
export async function watchUntil(
  transport: Transport,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  deadline: number,
  handle: (ev: WatchEvent) => boolean,
): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
  try {
    const res = await transport.stream(path, { ...query, watch: 1, timeoutSeconds: Math.max(1, Math.ceil((deadline - Date.now()) / 1000)) }, controller.signal);
    let buffered = '';
    for await (const chunk of res) {
      buffered += (chunk as Buffer).toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        if (handle(JSON.parse(line) as WatchEvent)) {
          controller.abort();
          return true;
        }
      }
    }
    return false;
  } catch (err) {
    if (controller.signal.aborted) return false;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
