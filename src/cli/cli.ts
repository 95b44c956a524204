import yargs from 'yargs'
import { migrationStrategies } from '../pipeline/expand-contract-phases'
import { registerTypeScriptLoader } from '../source/typescript-loader'
import { UserError } from '../source/user-error'
import { type CliOutput, colored, processOutput } from './cli-output'
import { checkCommand } from './commands/check-command'
import { diffCommand } from './commands/diff-command'
import { generateCommand } from './commands/generate-command'
import { hashCommand } from './commands/hash-command'
import { rebaseCommand } from './commands/rebase-command'
import { failOnChoices } from '../pipeline/hazard-policy'
import { downgradeCommand, statusCommand, upgradeCommand } from './commands/runner-commands'
import { describeError } from './describe-error'
import { ExitCode } from './exit-codes'
import { withRenamePrompt } from './prompt-rename'
import { parseTimestampFlag } from './timestamp-flag'

const formats = ['text', 'sql', 'json'] as const
const reportOptions = {
  format: { choices: formats, default: 'text' as const, describe: 'output format' },
  direction: {
    choices: ['up', 'down', 'both'] as const,
    describe: 'the SQL shown: of up (default), of down, or with --format text both; --format json always holds both',
  },
}
/** directionFits rejects a --direction the format cannot show, where it would be silently ignored. */
const directionFits = (a: { format: string; direction?: string }) => {
  if (a.direction === undefined) return true
  if (a.format === 'json') return '--format json always holds both up and down: leave --direction out'
  if (a.format === 'sql' && a.direction === 'both') return '--format sql prints one direction, a script to run: use --direction up or --direction down'
  return true
}
const renameOption = {
  type: 'string',
  array: true,
  nargs: 1, // one value per --rename, so that a positional after it stays a positional
  describe: 'a rename to carry out keeping the data: table.old_column=new_column or old_table=new_table (repeatable)',
} as const

const epilogue = [
  'Exit codes:',
  '  0  success; for check, the database matches the entities',
  '  1  check only: the entities have changes that no migration applies yet',
  '  2  any error (one line on stderr says what to do; nothing is written)',
  '  3  generate only: a dropped table or column may have been renamed (see the hint printed)',
  '  5  check only: the migrations folder fails its checks (autogen.sum, an applied migration edited, one out of order)',
  '  6  check --fail-on only: a migration not yet applied has a hazard that no reviewer accepted',
].join('\n')

/**
 * runCli parses `argv` (without node and script), runs one command and resolves to its exit code.
 * Every error becomes one line on stderr and exit code 2.
 */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  let exitCode: number = ExitCode.ok
  // yargs reports an invalid choice through fail() and then still calls the command's handler: it must not run.
  let failed = false
  const run = (a: { readonly [option: string]: unknown }, work: (out: CliOutput) => Promise<number>) => async () => {
    if (failed) return
    try {
      registerTypeScriptLoader()
      exitCode = await work(colored(output, typeof a.color === 'boolean' ? a.color : undefined))
    } catch (err) {
      output.err(`typeorm-autogen: ${describeError(err)}`)
      exitCode = ExitCode.error
    }
  }
  const parser = yargs([...argv])
    .scriptName('typeorm-autogen')
    .option('config', { alias: 'c', type: 'string', default: './ormconfig.ts', describe: 'file exporting the TypeORM DataSource' })
    .option('color', { type: 'boolean', describe: 'colour the output: by default only in a terminal (NO_COLOR and FORCE_COLOR are respected); --no-color never' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print only the essentials: results, hazards and errors (no Database line, notes, warnings or summary line)' })
    .command('generate [name]', 'write a migration for the changes between entities and database', (y) =>
      y.positional('name', { type: 'string', describe: 'migration name, e.g. AddPostTags (required)' })
        .option('timestamp', { type: 'string', describe: 'fixed timestamp, 13 digits of milliseconds, for the file and class name' })
        .option('rename', renameOption)
        .option('accept-data-loss', { type: 'boolean', describe: 'drop and add what looks renamed instead of stopping (exit 3)' })
        .option('strategy', {
          choices: migrationStrategies, default: 'direct' as const,
          describe: 'expand-contract: write a column rename or risky type change as its expand migration only; --contract finishes it later',
        })
        .option('contract', { type: 'boolean', describe: 'write the contract migration of the applied expand migrations (after upgrade and deploy)' }),
      (a) => run(a, (out) => withRenamePrompt((ask) =>
        generateCommand({
          config: a.config, name: requiredName(a.name), timestamp: parseTimestampFlag(a.timestamp), rename: a.rename, acceptDataLoss: a.acceptDataLoss, strategy: a.strategy, contract: a.contract, quiet: a.quiet,
        }, out, ask)))())
    .command('diff', 'print what generate would write, writing nothing', (y) =>
      y.options(reportOptions).option('rename', renameOption).check(directionFits),
      (a) => run(a, (out) => diffCommand({ config: a.config, format: a.format, direction: a.direction, rename: a.rename, quiet: a.quiet }, out))())
    .command('check', 'exit 1 when a migration is missing (for CI)', (y) =>
      y.options(reportOptions).option('rename', renameOption)
        .option('fail-on', { choices: failOnChoices, describe: 'exit 6 on a hazard of this severity or above, in a migration not yet applied, that no reviewer marked // accepted' })
        .check(directionFits),
      (a) => run(a, (out) => checkCommand({ config: a.config, format: a.format, direction: a.direction, rename: a.rename, quiet: a.quiet, failOn: a.failOn }, out))())
    .command('upgrade', 'apply pending migrations with TypeORM\'s runner', {}, (a) => run(a, (out) => upgradeCommand({ config: String(a.config), quiet: a.quiet === true }, out))())
    .command('downgrade', 'revert the last applied migration', {}, (a) => run(a, (out) => downgradeCommand({ config: String(a.config), quiet: a.quiet === true }, out))())
    .command('status', 'list migrations and whether each is applied', {}, (a) => run(a, (out) => statusCommand({ config: String(a.config), quiet: a.quiet === true }, out))())
    .command('hash', 'write the migrations folder\'s autogen.sum anew from its migration files as they are', {}, (a) => run(a, (out) => hashCommand({ config: String(a.config) }, out))())
    .command('rebase <name>', 'give a migration not yet applied a newer timestamp than every other (one left out of order by a merge)', (y) =>
      y.positional('name', { type: 'string', demandOption: true, describe: 'the migration as status lists it, e.g. AddPostTags1700000000000, or its file name' })
        .option('timestamp', { type: 'string', describe: 'the new timestamp, 13 digits of milliseconds (default: now, or later than every migration)' }),
      (a) => run(a, (out) => rebaseCommand({ config: a.config, name: a.name, timestamp: parseTimestampFlag(a.timestamp), quiet: a.quiet }, out))())
    .demandCommand(1, 'name a command: generate, diff, check, upgrade, downgrade, status, hash or rebase')
    .strict()
    .exitProcess(false)
    .fail((message, err) => {
      if (failed) return // yargs may report several problems of one command line: the first is enough
      failed = true
      output.err(`typeorm-autogen: ${message ?? describeError(err)} (see --help)`)
      exitCode = ExitCode.error
    })
    .example('typeorm-autogen generate AddPostTags', 'write migrations/<timestamp>-AddPostTags.ts')
    .example('typeorm-autogen check --format json', 'in CI: exit 1 when a migration is missing')
    .example('typeorm-autogen upgrade -c src/data-source.ts', 'apply the pending migrations')
    .epilogue(epilogue)
    // No wrapping: wrapped to a width, yargs may glue an option's description to its [choices: ...].
    .wrap(null)
    .help()
    .version()
  await parser.parseAsync()
  return exitCode
}

function requiredName(name: string | undefined): string {
  if (name === undefined || name === '') throw new UserError('generate needs a migration name: typeorm-autogen generate <Name>, e.g. AddPostTags')
  return name
}
