/** The commands of typeorm-autogen, as the line that asks for one lists them. */
export const commandNames = ['generate', 'diff', 'check', 'upgrade', 'downgrade', 'status', 'current', 'history', 'show', 'stamp', 'create', 'hash', 'rebase'] as const

/** The commands whose one argument is a migration NAME (see Migration targets in README): how it is named there. */
const nameCommands: Readonly<Record<string, string>> = {
  show: 'its name, timestamp or a unique prefix; head for the newest: e.g. typeorm-autogen show head',
  stamp: 'its name, timestamp or a unique prefix; head for the newest, base for none: e.g. typeorm-autogen stamp head',
  rebase: 'its name, timestamp, a unique prefix or its file name: e.g. typeorm-autogen rebase AddTags',
}

/**
 * rewordParseFailure says what yargs refused in words a user acts on: an option yargs lists twice, as typed and
 * camel-cased (`Unknown arguments: fromm-migrations, frommMigrations`), once; options that conflict, and a value
 * that is not one of an option's choices, named as typed (`--to and --steps`, `--format yaml`), where yargs
 * names them bare (`Arguments to and steps are mutually exclusive`); a NAME left out of `show`, `stamp` or
 * `rebase` as that, where yargs counts "non-option arguments".
 */
export function rewordParseFailure(line: string, command: string | undefined): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(line)
  if (unknown !== null) {
    const words = unknown[1].split(', ')
    const typed = words.filter((word) => !words.some((other) => other !== word && camelCase(other) === word))
    return `Unknown argument${typed.length === 1 ? '' : 's'}: ${typed.join(', ')}`
  }
  const exclusive = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(line)
  if (exclusive !== null) return `--${exclusive[1]} and --${exclusive[2]} cannot be given together: pass one of them`
  const choice = /^Invalid values: Argument: (\S+), Given: (".*?"|\S+), Choices: ("[^"]*"(?:, "[^"]*")*)$/.exec(line)
  if (choice !== null) return `--${choice[1]} ${unquoted(choice[2])} is not one of ${choice[3].split(', ').map(unquoted).join(', ')}`
  if (command !== undefined && Object.hasOwn(nameCommands, command) && line.startsWith('Not enough non-option arguments')) {
    return `${command} needs a migration NAME (${nameCommands[command]})`
  }
  return line
}

/** unquoted is a value as yargs lists it (`"yaml"`), without its quotes. */
function unquoted(value: string): string {
  return /^"(.*)"$/.exec(value)?.[1] ?? value
}

/** unknownArgument is the one argument the line refuses (`Unknown argument: hed`), if it refuses one. */
export function unknownArgument(line: string): string | undefined {
  return /^Unknown argument: (\S+)$/.exec(line)?.[1]
}

/**
 * unknownCommandAdvice names the command a mistyped one most likely is (`upgrad`, `genrate`, `stat`): the nearest
 * within two letters' edits, or the one it begins.
 */
export function unknownCommandAdvice(word: string | undefined): string | undefined {
  if (word === undefined || (commandNames as readonly string[]).includes(word)) return undefined
  const command = nearestWord(word, commandNames)
  return command === undefined ? undefined : `did you mean \`typeorm-autogen ${command}\`?`
}

/**
 * unknownOptionAdvice names the option of the command a mistyped one most likely is (`--dryrun`, `--fail-of`),
 * from the line that refuses one unknown argument, the command line (where it was given as an option, not a word
 * such as `current head`) and the options the command has (their names as declared).
 */
export function unknownOptionAdvice(line: string, argv: readonly string[], options: readonly string[]): string | undefined {
  const word = unknownArgument(line)
  if (word === undefined || word.length < 3 || !argv.some((arg) => arg === `--${word}` || arg.startsWith(`--${word}=`))) return undefined
  const option = nearestWord(word, options.filter((name) => name.length > 1 && name !== '$0'))
  return option === undefined ? undefined : `did you mean \`--${option}\`?`
}

/** nearestWord is the one of `words` within two letters' edits of `word`, or that it begins; none where two are as near (`st`: status and stamp). */
function nearestWord(word: string, words: readonly string[]): string | undefined {
  const nearest = words
    .map((candidate) => ({ candidate, distance: candidate.startsWith(word) ? 0 : editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)
  if (nearest.length === 0 || nearest[1]?.distance === nearest[0].distance) return undefined
  return nearest[0].candidate
}

function camelCase(option: string): string {
  return option.replace(/-+([^-])/g, (_match, letter: string) => letter.toUpperCase())
}

/** editDistance counts the letters to insert, delete or replace to make `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}
