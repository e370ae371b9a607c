import { Help, type Command } from '@oclif/core';
import { hoistGlobalFlags } from '@helm-ts/plugin-base/argv';
import { helmPluginCommands, pluginUsage, printWarnings, runHelmPlugin } from './helm-plugin-commands.js';

/** Root-help wording that keeps the two plugin systems apart. */
const pluginsSummary = 'manage oclif plugins: npm packages that add commands to helm (not Helm plugins; see "helm plugin")';

/**
 * helm's help: oclif's, plus the Helm plugins of $HELM_HOME/plugins listed with their `usage`, and help for
 * a Helm plugin. `helm <plugin> --help` runs the plugin with --help, as Helm v2 passes every flag through.
 */
export default class HelmHelp extends Help {
  constructor(...args: ConstructorParameters<typeof Help>) {
    super(...args);
    // Like cobra's help, the root lists each command once, not its aliases (del, ls, hist, ...).
    this.opts.hideAliasesFromRoot = true;
  }

  override async showHelp(argv: string[]): Promise<void> {
    const name = argv[0];
    if (name && !name.startsWith('-') && !this.config.findCommand(name) && !this.config.findTopic(name)) {
      const { plugins, warnings } = await helmPluginCommands(this.config);
      const plugin = plugins.find((p) => p.metadata.name === name);
      if (plugin) {
        printWarnings(warnings);
        const raw = hoistGlobalFlags(process.argv.slice(2));
        // Reached through the --help flag (not `helm help NAME`): the plugin gets the flag, as in Helm.
        if (raw[0] === name) return runHelmPlugin(plugin, raw.slice(1));
        this.log(this.pluginHelp(plugin.metadata.name, pluginUsage(plugin), plugin.metadata.description, plugin.dir));
        return;
      }
    }
    return super.showHelp(argv);
  }

  override async showRootHelp(): Promise<void> {
    await super.showRootHelp();
    const { plugins, warnings } = await helmPluginCommands(this.config);
    printWarnings(warnings);
    if (plugins.length === 0) return;
    const rows = plugins.map((p) => [p.metadata.name, pluginUsage(p)] as [string, string]);
    this.log(this.section('HELM PLUGINS (plugin.yaml in $HELM_HOME/plugins; manage with "helm plugin")', this.renderList(rows, { indentation: 2, spacer: '\n', stripAnsi: this.opts.stripAnsi })));
    this.log('');
  }

  protected override summary(c: Command.Loadable): string | undefined {
    if (c.id === 'plugins') return pluginsSummary;
    return super.summary(c);
  }

  private pluginHelp(name: string, usage: string, description: string, dir: string): string {
    const parts = [
      usage,
      '',
      this.section('USAGE', `$ ${this.config.bin} ${name} [ARGS...]`),
    ];
    if (description) parts.push('', this.section('DESCRIPTION', description));
    parts.push('', this.section('HELM PLUGIN', `${dir}\nEvery argument and flag is passed to the plugin, except Helm's --debug, --home, --host,\n--kube-context and --tiller-namespace.`));
    return parts.join('\n');
  }
}
