import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripPluginName } from '@helm-ts/core/plugin';

const cases: Array<[string, string]> = [
  ['fake-plugin-0.0.1.tar.gz', 'fake-plugin'],
  ['fake-plugin-0.0.1.tgz', 'fake-plugin'],
  ['fake-plugin.tgz', 'fake-plugin'],
  ['helm-diff-linux.tgz', 'helm-diff-linux'],
  ['helm-2to3-v0.1.tar.gz', 'helm-2to3-v0.1'],
];
for (const [file, name] of cases) test(`stripPluginName ${file}`, () => assert.equal(stripPluginName(file), name));
