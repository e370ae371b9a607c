import type { HelmSettings } from '../home/index.js';
import { SortBy, SortOrder, StatusCode, type ListReleasesResponse } from '../proto/types.js';
import { withTiller } from './tiller-connection.js';

export interface ListOptions {
  filter?: string;
  byDate?: boolean;
  reverse?: boolean;
  max?: number;
  offset?: string;
  all?: boolean;
  deleted?: boolean;
  deleting?: boolean;
  deployed?: boolean;
  failed?: boolean;
  pending?: boolean;
  namespace?: string;
  chartName?: boolean;
}

/** v2's statusCodes(): the flags choose which status codes are listed; none means DEPLOYED and FAILED. */
export function listStatusCodes(o: ListOptions): StatusCode[] {
  if (o.all) {
    return [StatusCode.UNKNOWN, StatusCode.DEPLOYED, StatusCode.DELETED, StatusCode.DELETING, StatusCode.FAILED,
      StatusCode.PENDING_INSTALL, StatusCode.PENDING_UPGRADE, StatusCode.PENDING_ROLLBACK];
  }
  const codes: StatusCode[] = [];
  if (o.deployed) codes.push(StatusCode.DEPLOYED);
  if (o.deleted) codes.push(StatusCode.DELETED);
  if (o.deleting) codes.push(StatusCode.DELETING);
  if (o.failed) codes.push(StatusCode.FAILED);
  if (o.pending) codes.push(StatusCode.PENDING_INSTALL, StatusCode.PENDING_UPGRADE, StatusCode.PENDING_ROLLBACK);
  return codes.length ? codes : [StatusCode.DEPLOYED, StatusCode.FAILED];
}

export async function listReleases(o: ListOptions, settings: HelmSettings): Promise<ListReleasesResponse | undefined> {
  return withTiller(settings, ({ client }) => client.listReleases({
    limit: o.max ?? 256,
    offset: o.offset,
    sort_by: o.byDate ? SortBy.LAST_RELEASED : o.chartName ? SortBy.CHART_NAME : SortBy.NAME,
    sort_order: o.reverse ? SortOrder.DESC : SortOrder.ASC,
    filter: o.filter,
    status_codes: listStatusCodes(o),
    namespace: o.namespace,
  }));
}
