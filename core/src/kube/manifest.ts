import { parseAllDocuments } from 'yaml';
import { KubeError } from './kube-error.js';
import type { KubeObject } from './resource-ref.js';

/**
 * Splits a manifest stream (multi-document YAML or JSON) into objects, the way kubectl's builder reads a file:
 * empty documents are skipped, `List` kinds (`v1/List`, `*List`) are flattened into their items.
 */
export function parseManifest(manifest: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) throw new KubeError(`error parsing manifest: ${doc.errors[0]!.message}`, 'BadRequest', 0);
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    flatten(value, out);
  }
  return out;
}

function flatten(value: unknown, out: KubeObject[]): void {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new KubeError(`error parsing manifest: expected an object, got ${JSON.stringify(value)}`, 'BadRequest', 0);
  }
  const obj = value as Record<string, unknown>;
  if (Object.keys(obj).length === 0) return;
  const missing = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || obj.kind === '') missing.push('kind not set');
  if (missing.length > 0) throw new KubeError(`error validating data: [${missing.join(', ')}]`, 'Invalid', 0);
  const kind = obj.kind as string;
  if (kind.endsWith('List') && Array.isArray(obj.items)) {
    for (const item of obj.items) flatten(item, out);
    return;
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  out.push(obj as KubeObject);
}
