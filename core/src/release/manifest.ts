import { parseYaml } from '../encoding/yaml-parse.js';
import { formatFloat } from '../template/strconv.js';
import type { GoMap, GoValue } from '../template/value.js';
import { sortByKind, InstallOrder } from './kind-order.js';
import { isPlainManifest, splitManifestText } from './manifest-scan.js';
import { checkManifestHead } from './manifest-head.js';

/** What Helm reads of a document before deciding what it is (spec §5.2 step 6). */
export interface ManifestHead {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
}

/** A rendered document that is not a hook: `name` is the template path it came from. */
export interface Manifest {
  name: string;
  kind: string;
  content: string;
  head: ManifestHead;
}

export type HookEvent =
  | 'pre-install' | 'post-install' | 'pre-delete' | 'post-delete' | 'pre-upgrade' | 'post-upgrade'
  | 'pre-rollback' | 'post-rollback' | 'test-success' | 'test-failure' | 'crd-install';

export type HookDeletePolicy = 'hook-succeeded' | 'hook-failed' | 'before-hook-creation';

/** The stored hook record (hapi.release.Hook). */
export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  deletePolicies: HookDeletePolicy[];
  deleteTimeout: number;
}

export const HOOK_ANNOTATION = 'helm.sh/hook';
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HOOK_DELETE_ANNOTATION = 'helm.sh/hook-delete-policy';
export const HOOK_DELETE_TIMEOUT_ANNOTATION = 'helm.sh/hook-delete-timeout';
export const RESOURCE_POLICY_ANNOTATION = 'helm.sh/resource-policy';

const HOOK_EVENTS: ReadonlySet<string> = new Set<HookEvent>([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade',
  'pre-rollback', 'post-rollback', 'test-success', 'test-failure', 'crd-install',
]);
const DELETE_POLICIES: ReadonlySet<string> = new Set<HookDeletePolicy>(['hook-succeeded', 'hook-failed', 'before-hook-creation']);

/** Splits one rendered file into its YAML documents: trimmed, empty ones dropped. */
export function splitManifestDocs(content: string): string[] {
  return splitManifestText(content);
}

/** Go's strconv.Atoi, with Helm's "invalid means 0". */
function atoiOrZero(s: string | undefined): number {
  if (s === undefined) return 0;
  const t = s.trim();
  return /^[+-]?\d+$/.test(t) ? Number.parseInt(t, 10) : 0;
}

// A scalar where SimpleHead has a string: sigs.k8s.io/yaml writes numbers and booleans as strings.
function headString(v: GoValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : formatFloat(Math.fround(v), 'g', -1, 32);
  return undefined;
}

function isMap(v: GoValue | undefined): v is GoMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Go's case-insensitive field match: the exact key wins, else the last of the others in key order.
function field(m: GoMap, name: string): GoValue | undefined {
  if (Object.hasOwn(m, name)) return m[name];
  let found: GoValue | undefined;
  for (const k of Object.keys(m).sort()) if (k.toLowerCase() === name.toLowerCase()) found = m[k];
  return found;
}

// Tiller reads each document's head as Helm 3 does (v2's hooks.go imports releaseutil as `util`, but Go's
// reflect names the type by its package clause: releaseutil.SimpleHead in both):
// the same refusals with the same messages, and scalars read as strings where the fields are strings.
function parseHead(doc: string, path: string): ManifestHead {
  if (!isPlainManifest(doc)) checkManifestHead(doc, path);
  let v: GoValue;
  try {
    v = parseYaml(doc);
  } catch {
    return {}; // only a document Helm reads and our parser does not (see checkManifestHead)
  }
  if (!isMap(v)) return {};
  const head: ManifestHead = {};
  const apiVersion = headString(field(v, 'apiVersion'));
  if (apiVersion !== undefined) head.apiVersion = apiVersion;
  const kind = headString(field(v, 'kind'));
  if (kind !== undefined) head.kind = kind;
  const md = field(v, 'metadata');
  if (isMap(md)) {
    head.metadata = {};
    const name = headString(field(md, 'name'));
    if (name !== undefined) head.metadata.name = name;
    const ann = field(md, 'annotations');
    if (isMap(ann)) {
      const annotations: Record<string, string> = {};
      for (const [k, a] of Object.entries(ann)) annotations[k] = headString(a) ?? '';
      head.metadata.annotations = annotations;
    }
  }
  return head;
}

export interface SortedManifests {
  hooks: Hook[];
  /** Generic manifests in install order. */
  manifests: Manifest[];
}

/**
 * Helm v2's sortManifests (spec §5.2 step 6, §5.9): every rendered file except partials and blank ones
 * is split into documents; hooks are pulled out by annotation, the rest sorted by kind.
 * A document with an unknown hook event is dropped entirely, as v2 does.
 */
export function sortManifests(files: ReadonlyMap<string, string>, order: readonly string[] = InstallOrder): SortedManifests {
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  const paths = [...files.keys()].sort();
  for (const path of paths) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const content = files.get(path)!;
    if (base.startsWith('_') || content.trim() === '') continue;
    for (const doc of splitManifestDocs(content)) {
      const head = parseHead(doc, path);
      const kind = typeof head.kind === 'string' ? head.kind : '';
      const annotations = head.metadata?.annotations ?? {};
      const hookValue = annotations[HOOK_ANNOTATION];
      if (hookValue === undefined || hookValue === null) {
        manifests.push({ name: path, kind, content: doc, head });
        continue;
      }
      const events = String(hookValue).split(',').map((e) => e.trim().toLowerCase());
      if (events.some((e) => !HOOK_EVENTS.has(e))) continue;
      const policies = String(annotations[HOOK_DELETE_ANNOTATION] ?? '')
        .split(',').map((p) => p.trim()).filter((p) => DELETE_POLICIES.has(p)) as HookDeletePolicy[];
      const timeoutRaw = annotations[HOOK_DELETE_TIMEOUT_ANNOTATION];
      const deleteTimeout = timeoutRaw !== undefined ? atoiOrZero(String(timeoutRaw)) : policies.length > 0 ? 60 : 0;
      hooks.push({
        name: head.metadata?.name ?? '',
        kind,
        path,
        manifest: doc,
        events: events as HookEvent[],
        weight: atoiOrZero(annotations[HOOK_WEIGHT_ANNOTATION] === undefined ? undefined : String(annotations[HOOK_WEIGHT_ANNOTATION])),
        deletePolicies: policies,
        deleteTimeout,
      });
    }
  }
  return { hooks, manifests: sortByKind(manifests, order) };
}

/** The release manifest string: `\n---\n# Source: PATH\nCONTENT` for each generic manifest (spec §5.2 step 7). */
export function joinManifests(manifests: readonly Manifest[]): string {
  return manifests.map((m) => `\n---\n# Source: ${m.name}\n${m.content}`).join('');
}

/** Hooks of one event in execution order: weight ascending, then name. */
export function hooksFor(hooks: readonly Hook[], event: HookEvent): Hook[] {
  return hooks
    .filter((h) => h.events.includes(event))
    .sort((a, b) => a.weight - b.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
