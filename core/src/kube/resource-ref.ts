import type { RestMapping } from './rest-mapper.js';

export type KubeObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown> & { name?: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
};

/** One object of a manifest, with the REST mapping discovery gave for its kind. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** Undefined for cluster-scoped kinds. */
  namespace?: string;
  mapping: RestMapping;
  /** The object as the manifest states it (namespace filled in for namespaced kinds). */
  object: KubeObject;
}

/** `Deployment/default/web`, or `ClusterRole/admin` for cluster-scoped objects: how errors name an object. */
export function refName(ref: { kind: string; name: string; namespace?: string }): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/**
 * Identity used to match objects between two manifests: Helm v2 compares name, namespace and kind only, so a
 * Deployment moved from extensions/v1beta1 to apps/v1 is still the same object.
 */
export function refKey(ref: { kind: string; name: string; namespace?: string }): string {
  return `${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}
