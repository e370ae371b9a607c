/** GetVersion: exempt from the version gate, so any client can learn the server version. */
import { HELM_VERSION } from '@helm-ts/core/version';
import { tillerVersionString, type GetVersionResponse } from '@helm-ts/core/proto';

export function getVersion(): GetVersionResponse {
  return { Version: { sem_ver: tillerVersionString(), git_commit: HELM_VERSION.gitCommit, git_tree_state: HELM_VERSION.gitTreeState } };
}
