import { HelmCommand } from '@helm-ts/plugin-base';

export default class Completion extends HelmCommand {
  static override summary = 'Generate autocompletions script for the specified shell (bash or zsh)';
  static override description = `Generate autocompletions script for Helm for the specified shell (bash or zsh).

This command can generate shell autocompletions. e.g.

	$ helm completion bash

Can be sourced as such

	$ source <(helm completion bash)`;
  static override strict = false;

  async run(): Promise<void> {
    const { argv } = await this.parse(Completion);
    const { checkCompletionArgs, completionScript } = await import('@helm-ts/core/action/completion');
    const shell = checkCompletionArgs(argv.map(String));
    const flagsOf = (fs: Record<string, { type: string; char?: string }> | undefined) =>
      Object.entries(fs ?? {}).map(([name, f]) => ({ name, char: f.char, takesValue: f.type === 'option' }));
    const commands = this.config.commands.filter((c) => !c.hidden).map((c) => ({ id: c.id.replaceAll(':', ' '), flags: flagsOf(c.flags as never) }));
    const { findPlugins } = await import('@helm-ts/core/plugin');
    if (!this.settings.noPlugins) {
      for (const p of findPlugins(this.settings.pluginDirs).plugins) {
        if (!this.config.findCommand(p.metadata.name) && !this.config.findTopic(p.metadata.name)) commands.push({ id: p.metadata.name, flags: [] });
      }
    }
    const { globalFlags } = await import('@helm-ts/plugin-base');
    process.stdout.write(completionScript(shell, this.config.bin, commands, flagsOf(globalFlags as never)));
  }
}
