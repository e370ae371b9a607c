import { HelmError } from '../errors/index.js';
import { expandEnv } from '../home/index.js';
import type { PlatformCommand, PluginMetadata } from './metadata.js';

/** Go's runtime.GOOS and runtime.GOARCH for this process, which platformCommand entries are matched against. */
export function goPlatform(): { os: string; arch: string } {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const archs: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return { os, arch: archs[process.arch] ?? process.arch };
}

/**
 * Helm 3's getPlatformCommand: the last entry for this OS, unless one matches OS and architecture
 * exactly, which wins at once. Both compare case-insensitively.
 */
export function getPlatformCommand(cmds: readonly PlatformCommand[], env: NodeJS.ProcessEnv, platform = goPlatform()): string[] | undefined {
  const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  let command: string[] | undefined;
  for (const c of cmds) {
    if (eq(c.os, platform.os)) command = expandEnv(c.command, env).split(' ');
    if (eq(c.os, platform.os) && eq(c.arch, platform.arch)) return expandEnv(c.command, env).split(' ');
  }
  return command;
}

/**
 * PrepareCommand: the command line is env-expanded and then split on single spaces, with no shell and no
 * quoting (so two spaces make an empty argument, as in Helm). The user's arguments follow unless
 * ignoreFlags. A matching platformCommand takes precedence over command (Helm 3).
 */
export function prepareCommand(md: PluginMetadata, extraArgs: readonly string[], env: NodeJS.ProcessEnv): { main: string; argv: string[] } {
  let parts = md.platformCommand.length > 0 ? getPlatformCommand(md.platformCommand, env) : undefined;
  if (!parts) parts = expandEnv(md.command, env).split(' ');
  if (parts.length === 0 || parts[0] === '') throw new HelmError(`plugin "${md.name}": no plugin command is applicable`);
  const argv = parts.slice(1);
  if (!md.ignoreFlags) argv.push(...extraArgs);
  return { main: parts[0]!, argv };
}
