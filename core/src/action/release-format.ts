import { formatTable, tabwrite } from '../output/index.js';
import { statusName, TestRunStatus, type GetReleaseStatusResponse, type Release, type Timestamp } from '../proto/types.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's time.ANSIC (`Mon Jan _2 15:04:05 2006`) in local time, as Helm v2's tables print times. */
export function formatAnsic(t: Timestamp | undefined): string {
  if (!t || (!t.seconds && !t.nanos)) return '';
  const d = new Date((t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} ${d.getFullYear()}`;
}

export { statusName };

export function chartLabel(r: Release): string {
  const m = r.chart?.metadata;
  return m ? `${m.name ?? ''}-${m.version ?? ''}` : 'MISSING';
}

/** `helm status` in table form (spec §14.3). */
export function formatStatus(res: GetReleaseStatusResponse): string {
  const info = res.info ?? {};
  let out = '';
  if (info.last_deployed) out += `LAST DEPLOYED: ${formatAnsic(info.last_deployed)}\n`;
  out += `NAMESPACE: ${res.namespace ?? ''}\n`;
  out += `STATUS: ${statusName(info.status?.code)}\n\n`;
  const st = info.status ?? {};
  // v2 turns runs of spaces into cells and re-aligns them with a tabwriter (padding 2).
  if (st.resources) out += tabwrite(`RESOURCES:\n${st.resources.replace(/  +/g, '\t')}\n`, { padding: 2 });
  const suite = st.last_test_suite_run;
  if (suite) {
    out += `TEST SUITE:\nLast Started: ${formatAnsic(suite.started_at)}\nLast Completed: ${formatAnsic(suite.completed_at)}\n\n`;
    const rows = [['TEST', 'STATUS', 'INFO', 'STARTED', 'COMPLETED']];
    for (const r of suite.results ?? []) {
      rows.push([r.name ?? '', (TestRunStatus[r.status ?? 0] ?? 'UNKNOWN').padEnd(10), r.info ?? '', formatAnsic(r.started_at), formatAnsic(r.completed_at)]);
    }
    out += `${formatTable(rows, 50)}\n`;
  }
  if (st.notes) out += `NOTES:\n${st.notes}\n`;
  return out;
}

export interface ListRow {
  Name: string;
  Revision: number;
  Updated: string;
  Status: string;
  Chart: string;
  AppVersion: string;
  Namespace: string;
}

export function listRows(releases: Release[]): ListRow[] {
  return releases.map((r) => ({
    Name: r.name ?? '',
    Revision: r.version ?? 0,
    Updated: r.info?.last_deployed ? formatAnsic(r.info.last_deployed) : '-',
    Status: statusName(r.info?.status?.code),
    Chart: chartLabel(r),
    AppVersion: r.chart?.metadata?.appVersion ?? '',
    Namespace: r.namespace ?? '',
  }));
}

export function formatList(rows: ListRow[], colWidth = 60): string {
  const table = [['NAME', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'NAMESPACE']];
  for (const r of rows) table.push([r.Name, String(r.Revision), r.Updated, r.Status, r.Chart, r.AppVersion, r.Namespace]);
  return formatTable(table, colWidth);
}

export interface HistoryRow {
  revision: number;
  updated: string;
  status: string;
  chart: string;
  appVersion: string;
  description: string;
}

/** Oldest first. */
export function historyRows(releases: Release[]): HistoryRow[] {
  return [...releases].sort((a, b) => (a.version ?? 0) - (b.version ?? 0)).map((r) => ({
    revision: r.version ?? 0,
    updated: formatAnsic(r.info?.last_deployed),
    status: statusName(r.info?.status?.code),
    chart: chartLabel(r),
    appVersion: r.chart?.metadata?.appVersion ?? '',
    description: r.info?.Description ?? '',
  }));
}

export function formatHistory(rows: HistoryRow[], colWidth = 60): string {
  const table = [['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION']];
  for (const r of rows) table.push([String(r.revision), r.updated, r.status, r.chart, r.appVersion, r.description]);
  return formatTable(table, colWidth);
}
