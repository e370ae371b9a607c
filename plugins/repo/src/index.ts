import RepoAdd from './commands/repo/add.js';
import RepoIndex from './commands/repo/index-cmd.js';
import RepoList from './commands/repo/list.js';
import RepoRemove from './commands/repo/remove.js';
import RepoUpdate from './commands/repo/update.js';
import Fetch from './commands/fetch.js';
import Search from './commands/search.js';
import Serve from './commands/serve.js';
import Update from './commands/update.js';
import Verify from './commands/verify.js';

/**
 * oclif's explicit command list: `repo index` cannot come from a file named index.ts. Loading this list
 * loads every command class, so each command imports its core action inside run(): `helm repo index` does
 * not compile fetch, search, serve and provenance code.
 */
export const commands = {
  'repo:add': RepoAdd,
  'repo:index': RepoIndex,
  'repo:list': RepoList,
  'repo:remove': RepoRemove,
  'repo:update': RepoUpdate,
  fetch: Fetch,
  search: Search,
  serve: Serve,
  update: Update,
  verify: Verify,
};
