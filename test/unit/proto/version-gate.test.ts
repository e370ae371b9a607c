import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCompatible } from '@helm-ts/core/proto';

// Rows follow v2's pkg/version/compatible_test.go rules: ^major.minor.x, prerelease = exact, unreleased = any.
const cases: Array<[string, string, boolean]> = [
  ['v2.0.0-alpha.4', 'v2.0.0-alpha.4', true],
  ['v2.0.0-alpha.3', 'v2.0.0-alpha.4', false],
  ['v2.0.0', 'v2.0.0-alpha.4', false],
  ['v2.0.0-alpha.4', 'v2.0.0', false],
  ['v2.0.0', 'v2.0.1', true],
  ['v2.0.1', 'v2.0.0', true],
  ['v2.0.0', 'v2.1.1', true],
  ['v2.1.0', 'v2.0.1', false],
  ['v2.17.0', 'v2.17.0', true],
  ['v2.16.12', 'v2.17.0', true],
  ['v3.0.0', 'v2.17.0', false],
  ['v2.17.0', 'v3.0.0', false],
  ['v2.17+unreleased', 'v2.1.0', true],
  ['v2.0.0', 'v2.17+unreleased', true],
  ['', 'v2.17.0', false],
  ['garbage', 'v2.17.0', false],
];

for (const [client, server, want] of cases) {
  test(`client ${JSON.stringify(client)} server ${server} → ${want}`, () => {
    assert.equal(isCompatible(client, server), want);
  });
}
