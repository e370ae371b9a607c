import type { ServerResponse } from 'node:http';
import type { Api, Target } from './api.js';
import { gone } from './errors.js';
import { grOf } from './registry.js';
import type { StoreEvent } from './store.js';
import { toTable } from './table.js';

type Obj = Record<string, any>;

/**
 * A watch: a chunked stream of `{"type": ..., "object": ...}` lines. Without a resourceVersion (or with "0") it
 * starts with ADDED events for what exists; with one it replays the events after it, or sends an ERROR event
 * with a 410 Expired Status when that version has left the event window. Objects entering or leaving the
 * selection appear as ADDED and DELETED, as the API server's watch cache does.
 */
export function serveWatch(api: Api, t: Target, query: URLSearchParams, res: ServerResponse, asTable: boolean, onClose: (fn: () => void) => void): void {
  const matches = api.select(t, query);
  const gr = grOf(t.type);
  const inScope = (ev: { gr: string; namespace: string }): boolean =>
    ev.gr === gr && (!t.type.namespaced || t.namespace === undefined || ev.namespace === t.namespace);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const send = (type: string, obj: Obj): void => {
    const object = type === 'ERROR' ? obj : asTable ? toTable(t.type.kind, [api.present(t, obj)], {}, t.type.printerColumns) : api.present(t, obj);
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const deliver = (ev: StoreEvent): void => {
    if (!inScope(ev)) return;
    const now = matches(ev.object);
    if (ev.type === 'MODIFIED' && ev.previous) {
      const before = matches(ev.previous);
      if (now && !before) send('ADDED', ev.object);
      else if (!now && before) send('DELETED', ev.object);
      else if (now) send('MODIFIED', ev.object);
      return;
    }
    if (now) send(ev.type, ev.object);
  };
  const rvParam = query.get('resourceVersion');
  if (!rvParam || rvParam === '0') {
    for (const o of api.store.list(gr, t.type.namespaced ? t.namespace : undefined)) if (matches(o)) send('ADDED', o);
  } else {
    const events = api.store.since(Number(rvParam));
    if (!events) {
      const err = gone(`too old resource version: ${rvParam} (${api.store.oldestResumable + 1})`);
      send('ERROR', err.toStatus());
      res.end();
      return;
    }
    for (const ev of events) deliver(ev);
  }
  const unsubscribe = api.store.subscribe(deliver);
  const timeout = Number(query.get('timeoutSeconds') ?? 1800);
  const timer = setTimeout(() => res.end(), timeout * 1000);
  const finish = (): void => { clearTimeout(timer); unsubscribe(); };
  res.on('close', finish);
  onClose(() => { finish(); res.end(); });
}
