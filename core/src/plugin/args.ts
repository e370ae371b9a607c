import { HelmError } from '../errors/index.js';
import type { GlobalFlagValues } from '../home/index.js';

const valueFlags = ['--host', '--kube-context', '--home', '--tiller-namespace'] as const;

/**
 * manuallyProcessArgs (cmd/helm/load_plugins.go): splits a plugin's arguments into the Helm globals Helm
 * consumes (`--debug`; `--host`, `--kube-context`, `--home`, `--tiller-namespace` as `--f V` or `--f=V`)
 * and everything else, which the plugin receives in order. `--kubeconfig` is not consumed, as in v2.
 */
export function manuallyProcessArgs(args: readonly string[]): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--debug') known.push(a);
    else if ((valueFlags as readonly string[]).includes(a)) {
      // v2 indexes args[i+1] unguarded and panics; a clear error instead.
      if (i + 1 >= args.length) throw new HelmError(`flag needs an argument: ${a}`);
      known.push(a, args[++i]!);
    } else if (valueFlags.some((f) => a.startsWith(`${f}=`))) known.push(a);
    else unknown.push(a);
  }
  return { known, unknown };
}

/** Parses the known arguments as the root command's persistent flags would (last one wins). */
export function parseKnownArgs(known: readonly string[]): GlobalFlagValues {
  const flags: GlobalFlagValues = {};
  for (let i = 0; i < known.length; i++) {
    const a = known[i]!;
    if (a === '--debug') { flags.debug = true; continue; }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(2, eq) : a.slice(2)) as 'host' | 'kube-context' | 'home' | 'tiller-namespace';
    const value = eq >= 0 ? a.slice(eq + 1) : known[++i]!;
    flags[name] = value;
  }
  return flags;
}
