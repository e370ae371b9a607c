/**
 * The hapi messages as plain objects: field names exactly as in the protos, int64 as number, enums as
 * numbers (Go's encoding/json prints them that way too), bytes as Uint8Array. Absent means proto3 default.
 */

export interface Timestamp { seconds?: number; nanos?: number }
export interface Any { type_url?: string; value?: Uint8Array }

export interface Maintainer { name?: string; email?: string; url?: string }

export interface Metadata {
  name?: string;
  home?: string;
  sources?: string[];
  version?: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  engine?: string;
  icon?: string;
  apiVersion?: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  tillerVersion?: string;
  annotations?: Record<string, string>;
  kubeVersion?: string;
}

export interface Template { name?: string; data?: Uint8Array }
export interface Value { value?: string }
export interface Config { raw?: string; values?: Record<string, Value> }

export interface Chart {
  metadata?: Metadata;
  templates?: Template[];
  dependencies?: Chart[];
  values?: Config;
  /** `type_url` is the chart-relative path, `value` the raw bytes (v2 abuses Any this way). */
  files?: Any[];
}

export enum StatusCode {
  UNKNOWN = 0, DEPLOYED = 1, DELETED = 2, SUPERSEDED = 3, FAILED = 4, DELETING = 5,
  PENDING_INSTALL = 6, PENDING_UPGRADE = 7, PENDING_ROLLBACK = 8,
}

/** The status's name as v2 writes it in STATUS labels and tables (`UNKNOWN` for anything unknown). */
export const statusName = (code: StatusCode | undefined): string => StatusCode[code ?? StatusCode.UNKNOWN] ?? 'UNKNOWN';

export enum HookEvent {
  UNKNOWN = 0, PRE_INSTALL = 1, POST_INSTALL = 2, PRE_DELETE = 3, POST_DELETE = 4, PRE_UPGRADE = 5,
  POST_UPGRADE = 6, PRE_ROLLBACK = 7, POST_ROLLBACK = 8, RELEASE_TEST_SUCCESS = 9, RELEASE_TEST_FAILURE = 10,
  CRD_INSTALL = 11,
}

export enum HookDeletePolicy { SUCCEEDED = 0, FAILED = 1, BEFORE_HOOK_CREATION = 2 }

export enum TestRunStatus { UNKNOWN = 0, SUCCESS = 1, FAILURE = 2, RUNNING = 3 }

export enum SortBy { UNKNOWN = 0, NAME = 1, LAST_RELEASED = 2, CHART_NAME = 3 }
export enum SortOrder { ASC = 0, DESC = 1 }

export interface TestRun {
  name?: string;
  status?: TestRunStatus;
  info?: string;
  started_at?: Timestamp;
  completed_at?: Timestamp;
}

export interface TestSuite { started_at?: Timestamp; completed_at?: Timestamp; results?: TestRun[] }

export interface Status {
  code?: StatusCode;
  resources?: string;
  notes?: string;
  last_test_suite_run?: TestSuite;
}

export interface Info {
  status?: Status;
  first_deployed?: Timestamp;
  last_deployed?: Timestamp;
  deleted?: Timestamp;
  Description?: string;
}

export interface Hook {
  name?: string;
  kind?: string;
  path?: string;
  manifest?: string;
  events?: HookEvent[];
  last_run?: Timestamp;
  weight?: number;
  delete_policies?: HookDeletePolicy[];
  delete_timeout?: number;
}

export interface Release {
  name?: string;
  info?: Info;
  chart?: Chart;
  config?: Config;
  manifest?: string;
  hooks?: Hook[];
  version?: number;
  namespace?: string;
}

export interface Version { sem_ver?: string; git_commit?: string; git_tree_state?: string }

export interface ListReleasesRequest {
  limit?: number;
  offset?: string;
  sort_by?: SortBy;
  filter?: string;
  sort_order?: SortOrder;
  status_codes?: StatusCode[];
  namespace?: string;
}
export interface ListReleasesResponse { count?: number; next?: string; total?: number; releases?: Release[] }
export interface GetReleaseStatusRequest { name?: string; version?: number }
export interface GetReleaseStatusResponse { name?: string; info?: Info; namespace?: string }
export interface GetReleaseContentRequest { name?: string; version?: number }
export interface GetReleaseContentResponse { release?: Release }

export interface UpdateReleaseRequest {
  name?: string;
  chart?: Chart;
  values?: Config;
  dry_run?: boolean;
  disable_hooks?: boolean;
  recreate?: boolean;
  timeout?: number;
  reset_values?: boolean;
  wait?: boolean;
  reuse_values?: boolean;
  force?: boolean;
  description?: string;
  subNotes?: boolean;
  cleanup_on_fail?: boolean;
}
export interface UpdateReleaseResponse { release?: Release }

export interface RollbackReleaseRequest {
  name?: string;
  dry_run?: boolean;
  disable_hooks?: boolean;
  version?: number;
  recreate?: boolean;
  timeout?: number;
  wait?: boolean;
  force?: boolean;
  description?: string;
  cleanup_on_fail?: boolean;
}
export interface RollbackReleaseResponse { release?: Release }

export interface InstallReleaseRequest {
  chart?: Chart;
  values?: Config;
  dry_run?: boolean;
  name?: string;
  disable_hooks?: boolean;
  namespace?: string;
  reuse_name?: boolean;
  timeout?: number;
  wait?: boolean;
  disable_crd_hook?: boolean;
  description?: string;
  subNotes?: boolean;
}
export interface InstallReleaseResponse { release?: Release }

export interface UninstallReleaseRequest {
  name?: string;
  disable_hooks?: boolean;
  purge?: boolean;
  timeout?: number;
  description?: string;
}
export interface UninstallReleaseResponse { release?: Release; info?: string }

export type GetVersionRequest = Record<string, never>;
export interface GetVersionResponse { Version?: Version }
export interface GetHistoryRequest { name?: string; max?: number }
export interface GetHistoryResponse { releases?: Release[] }

export interface TestReleaseRequest {
  name?: string;
  timeout?: number;
  cleanup?: boolean;
  parallel?: boolean;
  max_parallel?: number;
  logs?: boolean;
}
export interface TestReleaseResponse { msg?: string; status?: TestRunStatus }
