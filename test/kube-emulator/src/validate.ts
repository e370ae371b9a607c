import type { FieldCause } from './errors.js';
import type { ResourceType } from './resources.js';
import { labelSelectorMatcher } from './selectors.js';

type Obj = Record<string, any>;

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function nameRule(t: ResourceType): { re: RegExp; msg: string; max: number } {
  if (t.resource === 'namespaces') return { re: DNS1123_LABEL, msg: LABEL_MSG, max: 63 };
  if (t.resource === 'services') return { re: DNS1035_LABEL, msg: DNS1035_MSG, max: 63 };
  return { re: DNS1123_SUBDOMAIN, msg: SUBDOMAIN_MSG, max: 253 };
}

/** The ObjectMeta and kind-specific checks of a v1.25 server, reported as field causes (empty = valid). */
export function validateObject(t: ResourceType, obj: Obj): FieldCause[] {
  const causes: FieldCause[] = [];
  const meta = obj.metadata ?? {};
  const name: string | undefined = meta.name;
  if (!name) {
    causes.push({ field: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' });
  } else {
    const rule = nameRule(t);
    if (name.length > rule.max) causes.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: `must be no more than ${rule.max} characters` });
    else if (!rule.re.test(name)) causes.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: rule.msg });
  }
  for (const [k, v] of Object.entries<unknown>(meta.labels ?? {})) {
    const keyProblem = qualifiedNameProblem(k);
    if (keyProblem) causes.push({ field: 'metadata.labels', type: 'Invalid value', value: k, detail: keyProblem });
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) {
      causes.push({ field: 'metadata.labels', type: 'Invalid value', value: v, detail: typeof v === 'string' && v.length > 63 ? 'must be no more than 63 characters' : LABEL_VALUE_MSG });
    }
  }
  for (const k of Object.keys(meta.annotations ?? {})) {
    const keyProblem = qualifiedNameProblem(k);
    if (keyProblem) causes.push({ field: 'metadata.annotations', type: 'Invalid value', value: k, detail: keyProblem });
  }
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(t.kind) && t.group === 'apps') {
    const spec = obj.spec ?? {};
    if (!spec.selector) {
      causes.push({ field: 'spec.selector', type: 'Required value', detail: '' });
    } else if (!labelSelectorMatcher(spec.selector)({ metadata: { labels: spec.template?.metadata?.labels ?? {} } })) {
      causes.push({ field: 'spec.template.metadata.labels', type: 'Invalid value', value: spec.template?.metadata?.labels ?? {}, detail: '`selector` does not match template `labels`' });
    }
    if (!Array.isArray(spec.template?.spec?.containers) || spec.template.spec.containers.length === 0) {
      causes.push({ field: 'spec.template.spec.containers', type: 'Required value', detail: '' });
    }
  }
  if ((t.kind === 'ConfigMap' || t.kind === 'Secret') && t.group === '') {
    // The API server's 1 MiB cap on ConfigMap and Secret payloads (Helm v2 release records hit it).
    let size = 0;
    for (const v of Object.values<unknown>(obj.data ?? {})) size += t.kind === 'Secret' ? Buffer.from(String(v), 'base64').length : Buffer.byteLength(String(v));
    for (const v of Object.values<unknown>(obj.binaryData ?? {})) size += Buffer.from(String(v), 'base64').length;
    if (t.kind === 'Secret') for (const v of Object.values<unknown>(obj.stringData ?? {})) size += Buffer.byteLength(String(v));
    if (size > 1048576) causes.push({ field: t.kind === 'Secret' ? 'data' : '[]', type: 'Too long', detail: 'must have at most 1048576 bytes' });
  }
  if (t.kind === 'Pod' && t.group === '' && (!Array.isArray(obj.spec?.containers) || obj.spec.containers.length === 0)) {
    causes.push({ field: 'spec.containers', type: 'Required value', detail: '' });
  }
  return causes;
}

/** Label and annotation keys: an optional DNS subdomain prefix and a qualified name. */
function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  const name = parts[parts.length - 1]!;
  if (parts.length === 2 && !DNS1123_SUBDOMAIN.test(parts[0]!)) return `prefix part ${SUBDOMAIN_MSG}`;
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return QUALIFIED_MSG;
  return undefined;
}

/** Go's %#v of a map[string]string, as immutable-field messages print LabelSelectors. */
function goMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(m).sort().map((k) => `"${k}":"${m[k]}"`).join(', ')}}`;
}

/**
 * Fields a v1.25 server refuses to change on update: workload selectors, a Job's pod template, a Service's
 * cluster IP, a PVC's spec. (These are what `helm upgrade --force` exists for.)
 */
export function validateUpdate(t: ResourceType, next: Obj, current: Obj): FieldCause[] {
  const causes: FieldCause[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (t.group === 'apps' && ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(t.kind) && !same(next.spec?.selector, current.spec?.selector)) {
    const sel = next.spec?.selector ?? {};
    causes.push({ field: 'spec.selector', type: 'Invalid value', value: undefined, detail: 'field is immutable', raw: `v1.LabelSelector{MatchLabels:${goMap(sel.matchLabels)}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` });
  }
  if (t.group === 'batch' && t.kind === 'Job' && !same(next.spec?.template, current.spec?.template)) {
    causes.push({ field: 'spec.template', type: 'Invalid value', value: undefined, detail: 'field is immutable', raw: 'core.PodTemplateSpec{...}' });
  }
  if (t.group === '' && t.kind === 'Service' && current.spec?.clusterIP && next.spec?.clusterIP && next.spec.clusterIP !== current.spec.clusterIP) {
    causes.push({ field: 'spec.clusterIPs[0]', type: 'Invalid value', value: undefined, detail: 'may not change once set', raw: `[]string{"${next.spec.clusterIP}"}` });
  }
  if (t.group === '' && t.kind === 'PersistentVolumeClaim') {
    const strip = (s: Obj | undefined): Obj => { const c = structuredClone(s ?? {}); delete c.resources; delete c.volumeName; return c; };
    if (!same(strip(next.spec), strip(current.spec))) causes.push({ field: 'spec', type: 'Forbidden', detail: 'spec is immutable after creation except resources.requests for bound claims' });
  }
  return causes;
}
