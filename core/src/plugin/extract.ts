import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile, link } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { HelmError } from '../errors/index.js';

interface Entry {
  path: string;
  type: 'File' | 'Directory' | 'SymbolicLink' | 'Link';
  mode: number;
  data?: Buffer;
  linkpath?: string;
}

/** Refuse archives that would unpack to more than this (a plugin is a few files). */
export const maxExtractedBytes = 256 * 1024 * 1024;

/**
 * Checks one entry name the way Helm's TarGzExtractor does (backslashes become slashes; `:`, absolute
 * paths and `..` are refused) and returns the clean relative path.
 */
export function cleanEntryPath(name: string): string {
  const p = name.replace(/\\/g, '/');
  if (p.includes(':')) throw new HelmError(`archive entry "${name}": colons are not allowed in paths`);
  if (p.startsWith('/')) throw new HelmError(`archive entry "${name}": absolute paths are not allowed`);
  if (p.split('/').includes('..')) throw new HelmError(`archive entry "${name}": path traversal ("..") is not allowed`);
  const clean = posix.normalize(p).replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

/** A link target must resolve inside the extraction folder. */
function checkLinkTarget(entryPath: string, target: string, hard: boolean): void {
  const t = target.replace(/\\/g, '/');
  const resolved = t.startsWith('/') ? t : posix.normalize(posix.join(hard ? '' : posix.dirname(entryPath), t));
  if (t.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
    throw new HelmError(`archive entry "${entryPath}": ${hard ? 'hard link' : 'symlink'} to "${target}" points outside the plugin folder`);
  }
}

/** Reads and validates every entry before anything touches the disk. */
async function readEntries(archive: Uint8Array): Promise<Entry[]> {
  const entries: Entry[] = [];
  let total = 0;
  let failure: Error | undefined;
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (e: ReadEntry) => {
        if (failure) { e.resume(); return; }
        try {
          const path = cleanEntryPath(e.path);
          const type = e.type;
          if (type === 'File' || type === 'OldFile' || type === 'ContiguousFile') {
            const chunks: Buffer[] = [];
            e.on('data', (c: Buffer) => {
              total += c.length;
              if (total > maxExtractedBytes) failure ??= new HelmError(`archive unpacks to more than ${maxExtractedBytes} bytes`);
              else chunks.push(c);
            });
            e.on('end', () => entries.push({ path, type: 'File', mode: e.mode ?? 0o644, data: Buffer.concat(chunks) }));
            return;
          }
          if (type === 'Directory') entries.push({ path, type, mode: e.mode ?? 0o755 });
          else if (type === 'SymbolicLink' || type === 'Link') {
            checkLinkTarget(path, e.linkpath ?? '', type === 'Link');
            entries.push({ path, type, mode: 0, linkpath: (e.linkpath ?? '').replace(/\\/g, '/') });
          } else throw new HelmError(`archive entry "${e.path}": ${type} entries are not allowed`);
        } catch (err) {
          failure ??= err as Error;
        }
        e.resume();
      },
    });
    parser.on('error', (err: Error) => reject(new HelmError(`invalid plugin archive: ${err.message}`, { cause: err })));
    parser.on('close', () => resolve());
    parser.end(Buffer.from(archive));
  });
  if (failure) throw failure;
  if (entries.length === 0) throw new HelmError('invalid plugin archive: no entries');
  return entries;
}

/**
 * Unpacks a .tar.gz into `dest` (replacing what was there) safely: every entry is checked first, so a
 * hostile archive writes nothing; then the files go to a temporary folder beside `dest`, which is renamed
 * into place only when complete.
 */
export async function extractTarGz(archive: Uint8Array, dest: string): Promise<void> {
  const entries = await readEntries(archive);
  await mkdir(dirname(dest), { recursive: true });
  const tmp = await mkdtemp(join(dirname(dest), '.extract-'));
  try {
    for (const e of entries) {
      const target = join(tmp, e.path);
      if (e.type === 'Directory') { await mkdir(target, { recursive: true }); continue; }
      await mkdir(dirname(target), { recursive: true });
      if (e.type === 'File') {
        await writeFile(target, e.data!);
        await chmod(target, e.mode & 0o777);
      } else if (e.type === 'SymbolicLink') await symlink(e.linkpath!, target);
      else await link(join(tmp, cleanEntryPath(e.linkpath!)), target);
    }
    await rm(dest, { recursive: true, force: true });
    await rename(tmp, dest);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
