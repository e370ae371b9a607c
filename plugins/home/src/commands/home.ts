import { HelmCommand } from '@helm-ts/plugin-base';

export default class Home extends HelmCommand {
  static override summary = 'displays the location of HELM_HOME';
  static override description = `This command displays the location of HELM_HOME. This is where
any helm configuration files live.`;

  async run(): Promise<void> {
    const h = this.settings.home;
    this.log(h.root);
    if (this.settings.debug) {
      this.log(`Repository: ${h.repository}`);
      this.log(`RepositoryFile: ${h.repositoryFile}`);
      this.log(`Cache: ${h.cache}`);
      this.log(`Stable CacheIndex: ${h.cacheIndex('stable')}`);
      this.log(`Starters: ${h.starters}`);
      this.log(`LocalRepository: ${h.localRepository}`);
      this.log(`Plugins: ${h.plugins}`);
    }
  }
}
