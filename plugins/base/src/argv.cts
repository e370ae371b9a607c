/** Helm's persistent flags that take a value (spec §1.1); `--debug` is the only boolean one. */
const valueFlags = new Set(['--home', '--host', '--kube-context', '--kubeconfig', '--tiller-connection-timeout', '--tiller-namespace']);

/**
 * cobra accepts the root's persistent flags before the subcommand (`helm --debug install ...`,
 * `helm --home /h repo list`); oclif takes the first word as the command. The leading global flags (with
 * their values) are moved after the command words, where every command, and the Helm plugin argument
 * split, see them as cobra would. Anything else is left as it is.
 */
export function hoistGlobalFlags(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a === '--debug' || [...valueFlags].some((f) => a.startsWith(`${f}=`))) { leading.push(a); i++; continue; }
    if (valueFlags.has(a) && i + 1 < argv.length) { leading.push(a, argv[i + 1]!); i += 2; continue; }
    break;
  }
  if (leading.length === 0 || i >= argv.length || argv[i]!.startsWith('-')) return [...argv];
  return [...argv.slice(i), ...leading];
}
