import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HelmError, errorMessage } from '../errors/index.js';
import { indexDirectory } from '../repo/index-directory.js';
import { indexMerge, loadIndexFile, newIndexFile, sortEntries, writeIndexFile } from '../repo/index-file.js';

export interface RepoIndexOptions {
  dir: string;
  url?: string;
  /** An index to merge into the generated one; the generated entries win. */
  merge?: string;
}

/** `helm repo index DIR`: writes DIR/index.yaml for the chart archives in DIR and its direct subfolders. */
export async function repoIndex(o: RepoIndexOptions): Promise<string> {
  try {
    if (!(await stat(o.dir)).isDirectory()) throw new Error();
  } catch {
    throw new HelmError(`could not find directory ${o.dir}`);
  }
  const out = join(o.dir, 'index.yaml');
  const index = await indexDirectory(o.dir, o.url ?? '');
  if (o.merge) {
    let other;
    try {
      await stat(o.merge);
      try {
        other = await loadIndexFile(o.merge);
      } catch (err) {
        throw new HelmError(`Merge failed: ${errorMessage(err)}`, { cause: err });
      }
    } catch (err) {
      if (err instanceof HelmError) throw err;
      other = newIndexFile();
      await writeIndexFile(other, o.merge);
    }
    indexMerge(index, other);
  }
  sortEntries(index);
  await writeIndexFile(index, out);
  return out;
}
