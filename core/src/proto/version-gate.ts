/**
 * Client/server compatibility as v2's pkg/version/compatible.go decides it: `unreleased` builds match
 * anything; otherwise the server must satisfy `^clientMajor.clientMinor.x`, or equal the client exactly
 * when either side is a prerelease. An unparsable version (a missing header) is incompatible.
 */
import semver from 'semver';
import { HELM_VERSION } from '../version/index.js';

const isUnreleased = (v: string) => v.endsWith('unreleased');

export function isCompatible(client: string, server: string): boolean {
  if (isUnreleased(client) || isUnreleased(server)) return true;
  const cv = semver.parse(client, { loose: true });
  const sv = semver.parse(server, { loose: true });
  if (!cv || !sv) return false;
  const constraint = cv.prerelease.length > 0 || sv.prerelease.length > 0
    ? cv.version
    : `^${cv.major}.${cv.minor}.x`;
  return semver.satisfies(sv.version, constraint, { includePrerelease: true });
}

/** The version tiller reports and gates on (v2's version.GetVersion()). */
export function tillerVersionString(): string {
  return HELM_VERSION.semVer;
}
