import { GoStruct, TemplateSet, type GoMap } from '@helm-ts/core/template';
import type { VersionInfo } from '@helm-ts/core/version';

/** hapi.version.Version as templates see it: `.SemVer`, `.GitCommit`, `.GitTreeState`. */
class VersionStruct extends GoStruct {
  readonly goType = '*version.Version';
  declare SemVer: string;
  declare GitCommit: string;
  declare GitTreeState: string;

  constructor(v: VersionInfo) {
    super();
    Object.defineProperty(this, 'goType', { enumerable: false });
    this.SemVer = v.semVer;
    this.GitCommit = v.gitCommit;
    this.GitTreeState = v.gitTreeState;
  }
}

/**
 * `helm version --template` (cmd/helm/version.go tpl): Go's text/template named "_" executed over
 * {Client, Server}, each present only when shown. Helm adds no newline.
 */
export function renderVersionTemplate(tpl: string, versions: { Client?: VersionInfo; Server?: VersionInfo }): string {
  const data: GoMap = {};
  if (versions.Client) data.Client = new VersionStruct(versions.Client);
  if (versions.Server) data.Server = new VersionStruct(versions.Server);
  return new TemplateSet({ name: '_' }).parse('_', tpl).execute('_', data);
}
