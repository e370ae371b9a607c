import { isNotFound } from './kube-error.js';
import { objectPath } from './rest-mapper.js';
import type { KubeObject, ResourceRef } from './resource-ref.js';
import { selectorString } from './readiness.js';
import { printTable, type Table } from './status-printer.js';
import type { Transport } from './transport.js';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const SELECTOR_KINDS = new Set(['ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'Job', 'StatefulSet']);

/**
 * Helm v2's kube Get (spec §6.6): every object fetched as a server-side Table, grouped by `version/Kind`
 * (groups sorted, rows sorted by name), the pods of workloads under `v1/Pod(related)`, then the missing ones.
 */
export async function printStatus(transport: Transport, refs: ResourceRef[]): Promise<string> {
  const groups = new Map<string, Table>();
  const missing: ResourceRef[] = [];
  const relatedPods = new Set<string>();
  const add = (key: string, table: Table): void => {
    const g = groups.get(key);
    if (g) g.rows.push(...table.rows);
    else groups.set(key, { columnDefinitions: table.columnDefinitions, rows: [...table.rows] });
  };
  for (const ref of refs) {
    let table: Table;
    try {
      table = await transport.json<Table>('GET', objectPath(ref.mapping, ref.namespace, ref.name), { accept: TABLE_ACCEPT });
    } catch (err) {
      if (isNotFound(err)) { missing.push(ref); continue; }
      throw err;
    }
    add(`${ref.mapping.version}/${ref.kind}`, asTable(table));
    if (SELECTOR_KINDS.has(ref.kind) && ref.namespace) {
      const live = await transport.json<KubeObject>('GET', objectPath(ref.mapping, ref.namespace, ref.name));
      const selector = selectorString(ref.kind, live.spec as Record<string, any>);
      if (!selector) continue;
      const pods = asTable(await transport.json<Table>('GET', `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/pods`, { accept: TABLE_ACCEPT, query: { labelSelector: selector } }));
      pods.rows = pods.rows.filter((r) => {
        const name = String(r.cells[0]);
        if (relatedPods.has(name)) return false;
        relatedPods.add(name);
        return true;
      });
      if (pods.rows.length > 0) add('v1/Pod(related)', pods);
    }
  }
  let out = '';
  for (const key of [...groups.keys()].sort()) {
    const table = groups.get(key)!;
    table.rows.sort((a, b) => String(a.cells[0]).localeCompare(String(b.cells[0])));
    out += `==> ${key}\n${printTable(table)}\n`;
  }
  if (missing.length > 0) {
    out += '==> MISSING\nKIND\t\tNAME\n';
    for (const ref of missing) out += `${ref.mapping.resource}\t\t${ref.name}\n`;
  }
  return out;
}

/** A plain object (a server without Table support) becomes a NAME-only table. */
function asTable(v: Table | KubeObject): Table {
  if ((v as KubeObject).kind === 'Table' || Array.isArray((v as Table).columnDefinitions)) return v as Table;
  const obj = v as KubeObject;
  if (Array.isArray((obj as Record<string, unknown>).items)) {
    return { columnDefinitions: [{ name: 'Name' }], rows: ((obj as Record<string, unknown>).items as KubeObject[]).map((i) => ({ cells: [i.metadata.name] })) };
  }
  return { columnDefinitions: [{ name: 'Name' }], rows: [{ cells: [obj.metadata?.name] }] };
}
