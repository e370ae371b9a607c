import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newHelmHome, ours } from '../support/repo-fixtures.js';

/** A home with two repositories whose cached indexes are written directly (as `repo update` leaves them). */
function home(): string {
  const h = newHelmHome();
  const entry = (name: string): string => `- caFile: ""\n  cache: ${join(h, 'repository', 'cache', `${name}-index.yaml`)}\n  certFile: ""\n  keyFile: ""\n  name: ${name}\n  password: ""\n  url: https://${name}.example.com\n  username: ""\n`;
  writeFileSync(join(h, 'repository', 'repositories.yaml'), `apiVersion: v1\ngenerated: "2020-01-01T00:00:00Z"\nrepositories:\n${entry('stable')}${entry('broken')}${entry('incubator')}`);
  writeFileSync(join(h, 'repository', 'cache', 'stable-index.yaml'), `apiVersion: v1
entries:
  mariadb:
  - {name: mariadb, version: 0.5.1, appVersion: 10.1.16, description: Chart for MariaDB, keywords: [mariadb, mysql, database, sql], urls: [a]}
  - {name: mariadb, version: 0.4.0, appVersion: 10.1.14, description: Chart for MariaDB, keywords: [mariadb, mysql, database, sql], urls: [a]}
  - {name: mariadb, version: 0.6.0-rc.1, appVersion: 10.2.0, description: Chart for MariaDB, keywords: [mariadb, mysql, database, sql], urls: [a]}
  wordpress:
  - {name: wordpress, version: 0.1.0, description: "Web publishing platform for building blogs and websites, with a rather long description that is cut", keywords: [blog, cms], urls: [a]}
generated: "2020-01-01T00:00:00Z"
`);
  writeFileSync(join(h, 'repository', 'cache', 'broken-index.yaml'), 'apiVersion: v1\nentries: [\n');
  writeFileSync(join(h, 'repository', 'cache', 'incubator-index.yaml'), `apiVersion: v1
entries:
  MySQL-Operator:
  - {name: MySQL-Operator, version: 1.0.0, description: Operator, urls: [a]}
generated: "2020-01-01T00:00:00Z"
`);
  return h;
}

const warn = `WARNING: Repo "broken" is corrupt or missing. Try 'helm repo update'.`;

test('helm search lists every chart, warns about a corrupt cache (no newline, as v2), sorted by name', async () => {
  const r = await ours(['search'], home());
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${warn}NAME                    \tCHART VERSION\tAPP VERSION\tDESCRIPTION                                                 
incubator/MySQL-Operator\t1.0.0        \t           \tOperator                                                    
stable/mariadb          \t0.5.1        \t10.1.16    \tChart for MariaDB                                           
stable/wordpress        \t0.1.0        \t           \tWeb publishing platform for building blogs and websites, ...
`);
});

test('literal search lower-cases names and ranks name matches first; --col-width cuts cells', async () => {
  const r = await ours(['search', 'mysql', '--col-width', '20'], home());
  assert.equal(r.stdout, `${warn}NAME                    \tCHART VERSION\tAPP VERSION\tDESCRIPTION      
incubator/mysql-operator\t1.0.0        \t           \tOperator         
stable/mariadb          \t0.5.1        \t10.1.16    \tChart for MariaDB
`.replace('incubator/mysql-operator\t', 'incubator/mysql-o...\t').replace('NAME                    \t', 'NAME                \t').replace('stable/mariadb          \t', 'stable/mariadb      \t'));
});

test('--versions, --devel and --version constraints; -r regexp; no match; json output', async () => {
  const h = home();
  const l = await ours(['search', 'mariadb', '-l', '--devel'], h);
  assert.deepEqual(l.stdout.split('\n').slice(1, -1).map((s) => s.split('\t')[1]!.trim()), ['0.6.0-rc.1', '0.5.1', '0.4.0']);
  const v = await ours(['search', 'mariadb', '--version', '<0.5'], h);
  assert.match(v.stdout, /stable\/mariadb\s*\t0\.4\.0 /);
  const re = await ours(['search', '-r', 'My[A-Z]+-'], h);
  assert.match(re.stdout, /incubator\/MySQL-Operator\t/);
  const none = await ours(['search', 'nothing-like-this'], h);
  assert.equal(none.stdout, `${warn}No results found\n`);
  const json = await ours(['search', 'wordpress', '-o', 'json'], h);
  assert.deepEqual(JSON.parse(json.stdout.slice(warn.length)), [
    { Name: 'stable/wordpress', Version: '0.1.0', AppVersion: '', Description: 'Web publishing platform for building blogs and websites, with a rather long description that is cut' },
  ]);
  const bad = await ours(['search', 'x', '--version', '>>1'], h);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Error: an invalid version\/constraint format: improper constraint: >>1/);
});
