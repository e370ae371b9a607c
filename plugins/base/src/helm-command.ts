import { Command, Flags, type Interfaces } from '@oclif/core';
import { HelmError, errorMessage } from '@helm-ts/core/errors';
import { resolveSettings, type HelmSettings, type GlobalFlagValues } from '@helm-ts/core/home';

/**
 * Helm v2's persistent flags (spec §1.1). Environment fallbacks are applied in resolveSettings, not by
 * oclif's `env:` option, because Helm parses some of them (HELM_DEBUG) with Go's rules and expands others.
 */
export const globalFlags = {
  debug: Flags.boolean({ description: 'enable verbose output', helpGroup: 'GLOBAL' }),
  home: Flags.string({ description: 'location of your Helm config. Overrides $HELM_HOME', helpGroup: 'GLOBAL' }),
  host: Flags.string({ description: 'address of Tiller. Overrides $HELM_HOST', helpGroup: 'GLOBAL' }),
  'kube-context': Flags.string({ description: 'name of the kubeconfig context to use', helpGroup: 'GLOBAL' }),
  kubeconfig: Flags.string({ description: 'absolute path to the kubeconfig file to use', helpGroup: 'GLOBAL' }),
  'tiller-connection-timeout': Flags.integer({
    description: 'the duration (in seconds) Helm will wait to establish a connection to tiller (default 300)',
    helpGroup: 'GLOBAL',
  }),
  'tiller-namespace': Flags.string({
    description: 'namespace of Tiller (default "kube-system")',
    helpGroup: 'GLOBAL',
  }),
};

/** The TLS client flags Helm adds to release commands (AddFlagsTLS). */
export const tlsFlags = {
  tls: Flags.boolean({ description: 'enable TLS for request', helpGroup: 'TLS' }),
  'tls-ca-cert': Flags.string({ description: 'path to TLS CA certificate file (default "$HELM_HOME/ca.pem")', helpGroup: 'TLS' }),
  'tls-cert': Flags.string({ description: 'path to TLS certificate file (default "$HELM_HOME/cert.pem")', helpGroup: 'TLS' }),
  'tls-hostname': Flags.string({ description: 'the server name used to verify the hostname on the returned certificates from the server', helpGroup: 'TLS' }),
  'tls-key': Flags.string({ description: 'path to TLS key file (default "$HELM_HOME/key.pem")', helpGroup: 'TLS' }),
  'tls-verify': Flags.boolean({ description: 'enable TLS for request and verify remote', helpGroup: 'TLS' }),
};

export type HelmFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof HelmCommand)['baseFlags'] & T['flags']>;

/**
 * The shared base of every helm-ts command: resolves Helm's settings once, and turns any thrown error into
 * Helm's one-line `Error: ...` (the full stack only with --debug) and an exit code.
 */
export abstract class HelmCommand extends Command {
  static override baseFlags = globalFlags;

  protected settings!: HelmSettings;

  public override async init(): Promise<void> {
    await super.init();
    // oclif reads a piped stdin into the first positional argument left out (`echo x | helm template CHART` would
    // load a chart named x, and an open pipe would hold the command until it closes); Helm never does.
    for (const arg of Object.values(this.ctor.args ?? {})) (arg as { ignoreStdin?: boolean }).ignoreStdin = true;
    const { flags } = await this.parse({
      flags: { ...this.ctor.baseFlags, ...this.ctor.flags },
      args: this.ctor.args,
      strict: this.ctor.strict,
    });
    this.settings = resolveSettings(flags as GlobalFlagValues);
  }

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    // oclif's own exit signalling (this.exit) must pass through untouched.
    if (err.oclif?.exit !== undefined && err.message.startsWith('EEXIT')) throw err;
    const debug = this.settings?.debug ?? this.argv.includes('--debug');
    process.stderr.write(`Error: ${errorMessage(err)}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    const code = err instanceof HelmError ? err.exitCode : (err.oclif?.exit ?? err.exitCode ?? 1);
    process.exitCode = code;
    return this.exit(code);
  }
}
