// renderChart on small charts; every expected output was taken from the reference Helm v3.10.1
// (`helm template rel CHART`, or `--debug` where the output is not YAML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadChart } from '@helm-ts/core/chart';
import { processDependencies, coalesceValues } from '@helm-ts/core/values';
import { renderChart, releaseInfo, Capabilities } from '@helm-ts/core/engine';
import { spawnSync } from 'node:child_process';
import { chartFixture } from '../../support/chart-fixtures.js';
import { referenceHelmBin, repoRoot } from '../../support/helm.js';

async function render(files: Record<string, string>): Promise<Map<string, string>> {
  const dir = chartFixture(files);
  const chart = await loadChart(join(dir, 'c'));
  processDependencies(chart, {});
  const values = coalesceValues(chart, {});
  const release = releaseInfo({ name: 'rel', namespace: 'ns', revision: 1, isUpgrade: false });
  return renderChart(chart, { values, release, capabilities: new Capabilities() });
}

const CHART = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';
const LIB = {
  'c/Chart.yaml': CHART + 'dependencies:\n  - name: lib\n    version: 0.1.0\n    tags: [t]\n',
  'c/charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n',
  'c/charts/lib/templates/_l.tpl': '{{ define "lib.y" }}LIB{{ end }}',
};

const renders: { name: string; files: Record<string, string>; key: string; want: string }[] = [
  {
    name: 'the root, .Values and .Template are chartutil.Values; .Release and .Subcharts plain maps',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ typeOf . }}|{{ typeOf .Values }}|{{ typeOf .Template }}|{{ typeOf .Release }}|{{ printf "%T" .Subcharts }}' },
    key: 'c/templates/a.yaml',
    want: 'chartutil.Values|chartutil.Values|chartutil.Values|map[string]interface {}|map[string]interface {}',
  },
  {
    name: 'tpl and include keep the type of what they are given',
    files: { 'c/Chart.yaml': CHART, 'c/templates/_t.tpl': '{{ define "ty" }}{{ typeOf . }}{{ end }}', 'c/templates/a.yaml': '{{ tpl "{{ typeOf . }} {{ typeOf .Values }}" . }}|{{ include "ty" (dict "a" 1) }}|{{ include "ty" . }}' },
    key: 'c/templates/a.yaml',
    want: 'chartutil.Values chartutil.Values|map[string]interface {}|chartutil.Values',
  },
  {
    name: "a subchart's root and .Values are chartutil.Values there, plain maps from the parent",
    files: { ...LIB, 'c/Chart.yaml': CHART + 'dependencies:\n  - name: sub\n    version: 0.1.0\n', 'c/charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n', 'c/charts/sub/values.yaml': 'k: v\n', 'c/charts/sub/templates/s.yaml': '{{ typeOf . }} {{ typeOf .Values }}', 'c/templates/a.yaml': '{{ typeOf .Values.sub }} {{ typeOf .Subcharts.sub.Values }} {{ typeOf .Subcharts.sub }}' },
    key: 'c/templates/a.yaml',
    want: 'map[string]interface {} chartutil.Values map[string]interface {}',
  },
  {
    name: '.Capabilities.KubeVersion prints as the version as a field, as the struct through printf',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ .Capabilities.KubeVersion }}|{{ printf "%v" .Capabilities.KubeVersion }}|{{ typeOf .Capabilities.KubeVersion }}|{{ kindOf .Capabilities.KubeVersion }}|{{ with .Capabilities.KubeVersion }}{{ . }}{{ end }}' },
    key: 'c/templates/a.yaml',
    want: 'v1.25.0|{v1.25.0 1 25}|chartutil.KubeVersion|struct|v1.25.0',
  },
  {
    name: '%T of Sprig results with their own Go types',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ printf "%T %T %T" (splitList "," "a,b") (split "," "a,b") (until 2) }}' },
    key: 'c/templates/a.yaml',
    want: '[]string map[string]string []int',
  },
  {
    name: '.Chart.Dependencies are *chart.Dependency structs',
    files: { ...LIB, 'c/templates/a.yaml': '{{ printf "%v" (index .Chart.Dependencies 0) }}|{{ (index .Chart.Dependencies 0).Enabled }}|{{ typeOf (index .Chart.Dependencies 0) }}' },
    key: 'c/templates/a.yaml',
    want: '&{lib 0.1.0   [t] true [] }|true|*chart.Dependency',
  },
  {
    name: '.Chart marshals with chart.Metadata JSON tags (toYaml sorts them)',
    files: { ...LIB, 'c/templates/a.yaml': '{{ .Chart | toYaml | replace "\\n" ";" }}' },
    key: 'c/templates/a.yaml',
    want: 'IsRoot: true;apiVersion: v2;dependencies:;- enabled: true;  name: lib;  repository: "";  tags:;  - t;  version: 0.1.0;name: c;version: 0.1.0',
  },
  {
    name: '.Chart is struct { chart.Metadata; IsRoot bool }: prints nested, .Metadata reads the embedded struct',
    files: { 'c/Chart.yaml': CHART + 'keywords: [a]\nappVersion: "1.0"\n', 'c/templates/a.yaml': '{{ .Chart }}|{{ .Chart.Metadata | toJson }}|{{ .Chart.Metadata.Name }} {{ typeOf .Chart.Metadata }} {{ kindOf .Chart }}|{{ .Chart.ApiVersion }}' },
    key: 'c/templates/a.yaml',
    want: '{{c  [] 0.1.0  [a] []  v2   1.0 false map[]  [] } true}|{"name":"c","version":"0.1.0","keywords":["a"],"apiVersion":"v2","appVersion":"1.0"}|c chart.Metadata struct|v2',
  },
  {
    name: '.Capabilities: Helm 3.10.1 BuildInfo as HelmVersion, fields in Go order, json tags',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ .Capabilities.HelmVersion }}|{{ .Capabilities.HelmVersion | toJson }}|{{ printf "%+v" .Capabilities.HelmVersion }}|{{ keys (.Capabilities | toJson | fromJson) | sortAlpha | join "," }}|{{ semverCompare ">=3.0.0" .Capabilities.HelmVersion.Version }}' },
    key: 'c/templates/a.yaml',
    want: '{v3.10.1 9f88ccb6aee40b9a0535fcc7efea6055e1ef72c9 clean go1.18.7}|{"version":"v3.10.1","git_commit":"9f88ccb6aee40b9a0535fcc7efea6055e1ef72c9","git_tree_state":"clean","go_version":"go1.18.7"}|{Version:v3.10.1 GitCommit:9f88ccb6aee40b9a0535fcc7efea6055e1ef72c9 GitTreeState:clean GoVersion:go1.18.7}|APIVersions,HelmVersion,KubeVersion|true',
  },
  {
    name: '.Capabilities encodes KubeVersion first (Go field order)',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ .Capabilities | toJson | trunc 70 }}' },
    key: 'c/templates/a.yaml',
    want: '{"KubeVersion":{"Version":"v1.25.0","Major":"1","Minor":"25"},"APIVers',
  },
  {
    name: 'chartutil.Values methods: Table, PathValue, YAML, AsMap; a method comes before a same-named key',
    files: {
      'c/Chart.yaml': CHART,
      'c/values.yaml': 'config:\n  server:\n    http: {port: 8080}\n    grpc: {port: 9090}\n  limits: {cpu: 1}\ndepth: 20\nTable: shadow\nnilv: null\n',
      'c/templates/a.yaml': '{{ (.Values.Table "config.server").http.port }}|{{ .Values.PathValue "config.server.grpc.port" }} {{ .Values.PathValue "depth" }} {{ .Values.PathValue "nilv" }}|{{ .Values.YAML | quote }}|{{ .Values.AsMap | len }} {{ typeOf .Values.AsMap }} {{ typeOf (.Values.Table "config") }}|{{ (.Table "Values.config").limits.cpu }} {{ .Template.YAML | quote }}',
    },
    key: 'c/templates/a.yaml',
    want: '8080|9090 20 |"Table: shadow\\nconfig:\\n  limits:\\n    cpu: 1\\n  server:\\n    grpc:\\n      port: 9090\\n    http:\\n      port: 8080\\ndepth: 20\\nnilv: null\\n"|4 map[string]interface {} chartutil.Values|1 "BasePath: c/templates\\nName: c/templates/a.yaml\\n"',
  },
  {
    name: '.Chart lists absent from Chart.yaml are nil slices: print [], encode null',
    files: { 'c/Chart.yaml': CHART + 'keywords: [a]\n', 'c/templates/a.yaml': '{{ .Chart.Maintainers | toJson }} {{ .Chart.Keywords | toJson }} {{ .Chart.Sources | toJson }} {{ .Chart.Dependencies | toJson }} {{ .Chart.Maintainers }} {{ len .Chart.Sources }} {{ .Chart.Sources | toYaml }} {{ .Chart.Annotations | toJson }} {{ .Chart.Annotations }} {{ len .Chart.Annotations }}' },
    key: 'c/templates/a.yaml',
    want: 'null ["a"] null null [] 0 null null map[] 0',
  },
  {
    name: 'tpl: a chart define replaces a same-named define of the text',
    files: { ...LIB, 'c/templates/a.yaml': '{{ tpl "{{ define \\"lib.y\\" }}MINE{{ end }}{{ include \\"lib.y\\" . }}" . }}' },
    key: 'c/templates/a.yaml',
    want: 'LIB',
  },
  {
    name: 'tpl: a define of the text is used when no chart template defines the name',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ tpl "{{ define \\"q\\" }}MINE{{ end }}{{ include \\"q\\" . }}" . }}' },
    key: 'c/templates/a.yaml',
    want: 'MINE',
  },
  {
    name: "tpl: another file's defines are visible",
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': '{{ define "x" }}X{{ end }}', 'c/templates/c.yaml': '{{ tpl "{{ include \\"x\\" . }}" . }}' },
    key: 'c/templates/c.yaml',
    want: 'X',
  },
  {
    name: 'tpl: .Template.Name inside the text is the caller\'s',
    files: { 'c/Chart.yaml': CHART, 'c/templates/_h.tpl': '{{ define "y" }}Y{{ end }}', 'c/templates/a.yaml': '{{ tpl "{{ template \\"y\\" }}{{ .Template.Name }}" . }}' },
    key: 'c/templates/a.yaml',
    want: 'Yc/templates/a.yaml',
  },
];

for (const c of renders) {
  test(`renderChart: ${c.name}`, async () => {
    const out = await render(c.files);
    assert.equal(out.get(c.key), c.want);
  });
}

const failures: { name: string; files: Record<string, string>; want: string }[] = [
  {
    name: "tpl: the caller's own file is not added, so its defines are unknown",
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': 'a: {{ tpl "{{ include \\"x\\" . }}" . }}{{ define "x" }}X{{ end }}' },
    want: 'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ include \\"x\\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \\"x\\" . }}": template: c/templates/a.yaml:1:3: executing "c/templates/a.yaml" at <include "x" .>: error calling include: template: no template "x" associated with template "gotpl"',
  },
  {
    name: 'tpl needs Template.BasePath in its values',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': 'a: {{ tpl "{{ .x }}" (dict "x" 1) }}' },
    want: 'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ .x }}" (dict "x" 1)>: error calling tpl: cannot retrieve Template.Basepath from values inside tpl function: {{ .x }}: "BasePath" is not a value',
  },
  {
    name: 'tpl needs Template.Name in its values',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': 'a: {{ tpl "{{ .x }}" (dict "x" 1 "Template" (dict "BasePath" 5)) }}' },
    want: 'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ .x }}" (dict "x" 1 "Template" (dict "BasePath" 5))>: error calling tpl: cannot retrieve Template.Name from values inside tpl function: {{ .x }}: "Name" is not a value',
  },
  {
    name: 'fail is cleaned up like required, at the outermost location',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': 'a: {{ include "x" . }}{{ define "x" }}{{ fail "inner" }}{{ end }}' },
    want: 'execution error at (c/templates/a.yaml:1:6): inner',
  },
  {
    name: 'fail inside tpl is cleaned up within the tpl error',
    files: { 'c/Chart.yaml': CHART, 'c/templates/a.yaml': 'a: {{ tpl "{{ fail \\"f\\" }}" . }}' },
    want: 'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ fail \\"f\\" }}" .>: error calling tpl: error during tpl function execution for "{{ fail \\"f\\" }}": execution error at (c/templates/a.yaml:1:3): f',
  },
];

for (const c of failures) {
  test(`renderChart fails: ${c.name}`, async () => {
    await assert.rejects(render(c.files), (err: Error) => {
      assert.equal(err.message, c.want);
      return true;
    });
  });
}

test('chartutil.Values methods fail as Go does (errors taken from the reference)', async () => {
  const cases: Array<[string, string]> = [
    ['{{ .Values.Table "nope.x" }}', 'error calling Table: "nope" is not a table'],
    ['{{ .Values.Table "depth" }}', 'error calling Table: "depth" is not a table'],
    ['{{ .Values.PathValue "config" }}', 'error calling PathValue: "config" is not a value'],
    ['{{ .Values.PathValue "" }}', 'error calling PathValue: YAML path cannot be empty'],
    ['{{ .Values.PathValue "a.b.c" }}', 'error calling PathValue: "c" is not a value'],
    ['{{ .Values.YAML 1 }}', 'wrong number of args for YAML: want 0 got 1'],
  ];
  for (const [tpl, message] of cases) {
    await assert.rejects(
      render({ 'c/Chart.yaml': CHART, 'c/values.yaml': 'config: {a: 1}\ndepth: 20\n', 'c/templates/a.yaml': tpl }),
      (err: Error) => err.message.includes(message),
      tpl,
    );
  }
});

// Recursive include: Helm allows 1000 nested calls of one name. Ours needs JS stack for each level, so
// its reach depends on the stack V8 is given; these cases show the engine's limits against the reference.
const RECURSIVE = {
  'c/Chart.yaml': CHART,
  'c/templates/a.yaml':
    '{{- define "countdown" -}}{{ . }}{{ if gt (int .) 0 }},{{ include "countdown" (sub . 1) }}{{ end }}{{- end -}}\n' +
    'count: {{ include "countdown" (int .Values.depth) | quote }}\n',
};

test('renderChart: a helper including itself 800 levels deep renders (as in the reference)', async () => {
  const out = await render({ ...RECURSIVE, 'c/values.yaml': 'depth: 800\n' });
  // The reference prints `count: "800,799,...,1,0"`.
  assert.equal(out.get('c/templates/a.yaml'), `count: "${Array.from({ length: 801 }, (_, i) => 800 - i).join(',')}"\n`);
});

test("renderChart: include 1001 levels deep fails with the reference's error (given the JS stack for it)", async () => {
  const dir = join(chartFixture({ ...RECURSIVE, 'c/values.yaml': 'depth: 1001\n' }), 'c');
  const ref = spawnSync(referenceHelmBin, ['template', 'rel', dir], { encoding: 'utf8' });
  const want = ref.stderr.split('\n')[0]!.replace(/^Error: /, '');
  assert.match(want, /error calling include: rendering template has a nested reference name: countdown: unable to execute template$/);
  // Node's default JS stack holds ~870 such levels; the CLI needs --stack-size for Helm's 1000.
  const script = `
    import { loadChart } from '@helm-ts/core/chart';
    import { coalesceValues } from '@helm-ts/core/values';
    import { renderChart, releaseInfo, Capabilities } from '@helm-ts/core/engine';
    const chart = await loadChart(${JSON.stringify(dir)});
    try {
      renderChart(chart, { values: coalesceValues(chart, {}), release: releaseInfo({ name: 'rel', namespace: 'ns', revision: 1, isUpgrade: false }), capabilities: new Capabilities() });
    } catch (e) { process.stdout.write(e.message); }`;
  const ours = spawnSync(process.execPath, ['--stack-size=3000', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: repoRoot, maxBuffer: 16 << 20 });
  assert.equal(ours.stdout, want);
});

test("renderChart: tpl sees the chart's defines over the text's own, empty bodies never replacing (as in the reference)", async () => {
  const out = await render({
    'c/Chart.yaml': CHART,
    'c/templates/a.yaml':
      'a: {{ tpl "{{ define \\"x\\" }}TEXT{{ end }}{{ include \\"x\\" . }}" . }}\n' +
      'b: {{ tpl "{{ include \\"x\\" . }}|{{ include \\"y\\" . }}|{{ include \\"z\\" . }}" . }}\n' +
      'c: {{ tpl "{{ define \\"z\\" }}ZT{{ end }}{{ include \\"z\\" . }}" . }}\n' +
      'd: {{ tpl "{{ include \\"x\\" . }}" . }}\n',
    'c/templates/_b.tpl': '{{ define "x" }}CHART{{ end }}{{ define "y" }}Y1{{ end }}{{ define "z" }}{{ end }}\n',
    'c/templates/_c.tpl': '{{ define "y" }}{{ end }}{{ define "z" }}  {{ end }}\n',
  });
  assert.equal(out.get('c/templates/a.yaml'), 'a: CHART\nb: CHART|Y1|  \nc: ZT\nd: CHART\n');
});
