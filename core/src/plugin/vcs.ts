import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HelmError } from '../errors/index.js';
import { Constraint, parseVersion, type GoVersion } from '../repo/semver.js';
import { errMissingMetadata, isPlugin } from './load.js';

/** Runs git (from PATH) and returns stdout; a failure carries git's own message. */
export function git(args: readonly string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') return reject(new HelmError('exec: "git": executable file not found in $PATH', { cause: err }));
      reject(new HelmError(`git ${args[0]}: ${(stderr || err.message).trim()}`, { cause: err }));
    });
  });
}

/** Masterminds/vcs GitRepo.IsReference: rev-parse, then show-ref for remote branches not checked out yet. */
async function isReference(dir: string, ref: string): Promise<boolean> {
  try { await git(['rev-parse', '--verify', '--quiet', ref], dir); return true; } catch { /* try show-ref */ }
  try { await git(['show-ref', ref], dir); return true; } catch { return false; }
}

/**
 * solveVersion: empty means the default branch; a tag or branch is used as is; otherwise the version is a
 * semver constraint and the highest matching tag wins.
 */
export async function solveVersion(dir: string, version: string, repo: string): Promise<string> {
  if (!version) return '';
  if (await isReference(dir, version)) return version;
  // Masterminds/semver, as Helm: `,` is AND, `^` pins the major, tags like v1.2 count as versions.
  let constraint: Constraint;
  try {
    constraint = Constraint.parse(version);
  } catch (err) {
    throw new HelmError((err as Error).message, { cause: err });
  }
  const tags = (await git(['tag', '--list'], dir)).split('\n').map((t) => t.trim()).filter(Boolean);
  const versions = tags.map(parseVersion).filter((v): v is GoVersion => v !== undefined);
  versions.sort((a, b) => b.compare(a));
  for (const v of versions) if (constraint.check(v)) return v.original;
  throw new HelmError(`requested version "${version}" does not exist for plugin "${repo}"`);
}

/** VCSInstaller.Install: clone (or update an existing clone), check out the solved version, verify plugin.yaml. */
export async function vcsInstall(repo: string, version: string, dir: string): Promise<string> {
  if (existsSync(dir)) {
    await gitUpdate(dir);
  } else {
    await mkdir(dirname(dir), { recursive: true });
    await git(['clone', '--quiet', repo, dir]);
  }
  const ref = await solveVersion(dir, version, repo);
  if (ref) await git(['checkout', '--quiet', ref], dir);
  if (!isPlugin(dir)) throw new HelmError(errMissingMetadata);
  return dir;
}

/** GitRepo.Update: fetch with tags; pull unless a tag or commit is checked out (detached HEAD). */
export async function gitUpdate(dir: string): Promise<void> {
  await git(['fetch', '--tags', '--quiet', 'origin'], dir);
  let detached = false;
  try { await git(['symbolic-ref', '--quiet', 'HEAD'], dir); } catch { detached = true; }
  if (!detached) await git(['pull', '--quiet'], dir);
}

/** Whether a folder is a git working copy (its own repository, not a parent's). */
export async function isGitRepo(dir: string): Promise<boolean> {
  try {
    const top = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
    return realpathSync(top) === realpathSync(dir);
  } catch {
    return false;
  }
}

/** VCSInstaller.Update: refuses a modified working copy, then updates it. */
export async function vcsUpdate(dir: string): Promise<void> {
  if ((await git(['status', '--porcelain'], dir)).trim() !== '') throw new HelmError('plugin repo was modified');
  await gitUpdate(dir);
  if (!isPlugin(dir)) throw new HelmError(errMissingMetadata);
}
