import { HelmError } from '../errors/index.js';

/** One command as completion sees it: its words (`repo add`) and its flags. */
export interface CompletionCommand {
  id: string;
  flags: CompletionFlag[];
}

export interface CompletionFlag {
  name: string;
  char?: string;
  /** Whether the flag consumes the next word (`--home DIR`), which is then not a command word. */
  takesValue: boolean;
}

export const completionShells = ['bash', 'zsh'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** runCompletion's argument checks (cmd/helm/completion.go), with Helm's messages. */
export function checkCompletionArgs(args: readonly string[]): CompletionShell {
  if (args.length === 0) throw new HelmError('shell not specified');
  if (args.length > 1) throw new HelmError('too many arguments, expected only the shell type');
  if (!(completionShells as readonly string[]).includes(args[0]!)) throw new HelmError(`unsupported shell type "${args[0]}"`);
  return args[0] as CompletionShell;
}

const shellWord = (s: string): string => s.replace(/[^A-Za-z0-9_.:/=+-]/g, '');

/**
 * The command tree as data for the script: for each command path (`""`, `repo`, `repo add`) its
 * subcommands and its flags, sorted so the script is stable. `completion` itself is left out, as Helm does.
 */
function tree(commands: readonly CompletionCommand[], globalFlags: readonly CompletionFlag[]) {
  const subs = new Map<string, Set<string>>([['', new Set()]]);
  const flags = new Map<string, Set<string>>();
  const valueFlags = new Set<string>();
  const addFlags = (path: string, fs: readonly CompletionFlag[]): void => {
    const set = flags.get(path) ?? new Set<string>();
    for (const f of fs) {
      set.add(`--${f.name}`);
      if (f.char) set.add(`-${f.char}`);
      if (f.takesValue) { valueFlags.add(`--${f.name}`); if (f.char) valueFlags.add(`-${f.char}`); }
    }
    flags.set(path, set);
  };
  addFlags('', globalFlags);
  for (const c of commands) {
    const words = c.id.split(' ').map(shellWord).filter(Boolean);
    if (words.length === 0 || words[0] === 'completion') continue;
    for (let i = 0; i < words.length; i++) {
      const parent = words.slice(0, i).join(' ');
      if (!subs.has(parent)) subs.set(parent, new Set());
      subs.get(parent)!.add(words[i]!);
    }
    addFlags(words.join(' '), [...globalFlags, ...c.flags]);
  }
  const paths = [...new Set([...subs.keys(), ...flags.keys()])].sort();
  return { paths, subs, flags, valueFlags };
}

/**
 * A bash completion script for the commands given (oclif commands and Helm plugins alike): command words
 * complete from the tree, words starting with `-` from the current command's flags, anything else falls
 * back to file names. zsh loads the same script through bashcompinit, as Helm v2's zsh script did.
 */
export function completionScript(shell: CompletionShell, bin: string, commands: readonly CompletionCommand[], globalFlags: readonly CompletionFlag[]): string {
  const { paths, subs, flags, valueFlags } = tree(commands, globalFlags);
  const fn = `__${shellWord(bin).replace(/[^A-Za-z0-9_]/g, '_')}`;
  const caseArm = (m: Map<string, Set<string>>): string =>
    paths.filter((p) => (m.get(p)?.size ?? 0) > 0).map((p) => `    "${p}") echo "${[...m.get(p)!].sort().join(' ')}" ;;`).join('\n');
  const bash = `# bash completion for ${bin}                                 -*- shell-script -*-

${fn}_subcommands() {
  case "$1" in
${caseArm(subs)}
  esac
}

${fn}_flags() {
  case "$1" in
${caseArm(flags)}
  esac
}

${fn}_value_flags=" ${[...valueFlags].sort().join(' ')} "

${fn}_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word i skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      --*=*) continue ;;
      -*) [[ "\$${fn}_value_flags" == *" $word "* ]] && skip=1; continue ;;
    esac
    if [[ " $(${fn}_subcommands "$path") " == *" $word "* ]]; then
      path="\${path:+$path }$word"
    fi
  done
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$(${fn}_flags "$path")" -- "$cur") )
  elif [[ -n "$(${fn}_subcommands "$path")" ]]; then
    COMPREPLY=( $(compgen -W "$(${fn}_subcommands "$path")" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}

complete -o default -F ${fn}_complete ${bin}

# ex: ts=4 sw=4 et filetype=sh
`;
  if (shell === 'bash') return bash;
  return `#compdef ${bin}

autoload -U +X bashcompinit && bashcompinit

${bash}`;
}
