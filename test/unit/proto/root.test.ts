import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hapiType } from '@helm-ts/core/proto';

// The field tables of spec §3.2-3.4: [message, field, number, type, repeated].
const fields: Array<[string, string, number, string, boolean?]> = [
  ['hapi.services.tiller.ListReleasesRequest', 'limit', 1, 'int64'],
  ['hapi.services.tiller.ListReleasesRequest', 'offset', 2, 'string'],
  ['hapi.services.tiller.ListReleasesRequest', 'sort_by', 3, 'ListSort.SortBy'],
  ['hapi.services.tiller.ListReleasesRequest', 'filter', 4, 'string'],
  ['hapi.services.tiller.ListReleasesRequest', 'sort_order', 5, 'ListSort.SortOrder'],
  ['hapi.services.tiller.ListReleasesRequest', 'status_codes', 6, 'hapi.release.Status.Code', true],
  ['hapi.services.tiller.ListReleasesRequest', 'namespace', 7, 'string'],
  ['hapi.services.tiller.ListReleasesResponse', 'count', 1, 'int64'],
  ['hapi.services.tiller.ListReleasesResponse', 'next', 2, 'string'],
  ['hapi.services.tiller.ListReleasesResponse', 'total', 3, 'int64'],
  ['hapi.services.tiller.ListReleasesResponse', 'releases', 4, 'hapi.release.Release', true],
  ['hapi.services.tiller.UpdateReleaseRequest', 'subNotes', 13, 'bool'],
  ['hapi.services.tiller.UpdateReleaseRequest', 'cleanup_on_fail', 14, 'bool'],
  ['hapi.services.tiller.RollbackReleaseRequest', 'version', 4, 'int32'],
  ['hapi.services.tiller.RollbackReleaseRequest', 'cleanup_on_fail', 10, 'bool'],
  ['hapi.services.tiller.InstallReleaseRequest', 'chart', 1, 'hapi.chart.Chart'],
  ['hapi.services.tiller.InstallReleaseRequest', 'disable_crd_hook', 10, 'bool'],
  ['hapi.services.tiller.InstallReleaseRequest', 'subNotes', 12, 'bool'],
  ['hapi.services.tiller.UninstallReleaseResponse', 'info', 2, 'string'],
  ['hapi.services.tiller.GetVersionResponse', 'Version', 1, 'hapi.version.Version'],
  ['hapi.services.tiller.TestReleaseRequest', 'max_parallel', 5, 'uint32'],
  ['hapi.services.tiller.TestReleaseResponse', 'status', 2, 'hapi.release.TestRun.Status'],
  ['hapi.release.Info', 'Description', 5, 'string'],
  ['hapi.release.Info', 'deleted', 4, 'google.protobuf.Timestamp'],
  ['hapi.release.Status', 'resources', 3, 'string'],
  ['hapi.release.Status', 'last_test_suite_run', 5, 'hapi.release.TestSuite'],
  ['hapi.release.Hook', 'delete_policies', 8, 'DeletePolicy', true],
  ['hapi.release.Hook', 'delete_timeout', 9, 'int64'],
  ['hapi.chart.Chart', 'files', 5, 'google.protobuf.Any', true],
  ['hapi.chart.Metadata', 'tags', 12, 'string'],
  ['hapi.chart.Metadata', 'kubeVersion', 17, 'string'],
  ['hapi.version.Version', 'git_tree_state', 3, 'string'],
];

for (const [message, name, id, type, repeated] of fields) {
  test(`${message}.${name} = ${id}`, () => {
    const field = hapiType(message).fields[name];
    assert.ok(field, 'field exists');
    assert.equal(field.id, id);
    assert.equal(field.type, type);
    assert.equal(field.repeated, Boolean(repeated));
  });
}

test('Status field 2 (details) stays unused', () => {
  assert.equal(hapiType('hapi.release.Status').fieldsById[2], undefined);
});

test('Status.Code numbering matches v2', () => {
  const code = { ...hapiType('hapi.release.Status').lookupEnum('Code').values };
  assert.deepEqual(code, {
    UNKNOWN: 0, DEPLOYED: 1, DELETED: 2, SUPERSEDED: 3, FAILED: 4, DELETING: 5,
    PENDING_INSTALL: 6, PENDING_UPGRADE: 7, PENDING_ROLLBACK: 8,
  });
});
