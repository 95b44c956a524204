import yargs from 'yargs/yargs'
import { migrationStrategies } from '../pipeline/migration-strategy'
import { UserError } from '../source/user-error'
import { cacheWritesDone } from '../source/cache-writes'
import { type CliOutput, colored, processOutput } from './cli-output'
import {
  checkCommand, checkDriftCommand, checkFromMigrationsCommand, createCommand, currentCommand, diffCommand, downgradeCommand, downgradeDryRunCommand,
  downgradeSqlCommand, generateCommand, hashCommand, historyCommand, rebaseCommand, registerTypeScriptLoader, showCommand, stampCommand, statusCommand,
  upgradeCommand, upgradeDryRunCommand, upgradeSqlCommand,
} from './lazy-commands'
import { failOnChoices } from '../pipeline/hazard-policy'
import { alembicTargetAdvice } from '../runner/alembic-target-advice'
import { alembicCommandAdvice } from './alembic-command-advice'
import { commandNames, rewordParseFailure, unknownArgument, unknownCommandAdvice, unknownOptionAdvice } from './parse-failure'
import { describeError } from './describe-error'
import { migrationNameArgument } from './migration-name-arg'
import { ExitCode } from './exit-codes'
import { withRenamePrompt } from './prompt-rename'
import { downgradeTarget, upgradeTarget } from './revision-words'
import { stdoutIsReport, withConsoleOnStderr } from './console-on-stderr'
import { parseSecondsFlag } from './seconds-flag'
import { parseTimestampFlag } from './timestamp-flag'

const formats = ['text', 'sql', 'json', 'markdown', 'github'] as const
const reportOptions = {
  format: { choices: formats, default: 'text' as const, describe: 'output format' },
  direction: {
    choices: ['up', 'down', 'both'] as const,
    describe: 'the SQL shown: of up (default), of down, or with --format text both; --format json and markdown always hold both, github shows no SQL',
  },
}
/** directionFits rejects a --direction the format cannot show, where it would be silently ignored. */
const directionFits = (a: { format: string; direction?: string }) => {
  if (a.direction === undefined) return true
  if (a.format === 'json' || a.format === 'markdown') return `--format ${a.format} always holds both up and down: leave --direction out`
  if (a.format === 'github') return '--format github prints annotations, no SQL: leave --direction out'
  if (a.format === 'sql' && a.direction === 'both') return '--format sql prints one direction, a script to run: use --direction up or --direction down'
  return true
}
const logFormat = { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }
// Alembic's -m "message": taken only to say that the message is the NAME here.
const messageOption = { alias: 'm', type: 'string', hidden: true } as const
const onlineOption = {
  type: 'boolean',
  describe: 'PostgreSQL: build indexes CONCURRENTLY and add foreign keys and checks NOT VALID, then validate, in a migration run outside a transaction',
} as const

const renameOption = {
  type: 'string',
  array: true,
  nargs: 1, // one value per --rename, so that a positional after it stays a positional
  describe: 'a rename to carry out keeping the data: table.old_column=new_column, old_table=new_table or table.column:old_label=new_label (repeatable)',
} as const

const sqlOption = (command: string) => ({
  type: 'boolean', describe: `print the SQL ${command} would send, TypeORM's migrations table and transactions included, changing nothing (reads the migrations table)`,
} as const)

const dryRunOption = (command: string) => ({
  type: 'boolean', describe: `run what ${command} would in one transaction, then roll it back: errors surface, nothing changes`,
} as const)

const backupOption = (work: string) => ({
  type: 'string', describe: `back the database up first, when there are migrations to ${work}: to PATH (a new file or a folder), by default beside the SQLite file or <database>.<time>.dump (pg_dump) in the current folder`,
} as const)

const scratchOptions = {
  'from-migrations': { type: 'boolean', conflicts: 'drift', describe: 'compare the entities with a scratch database built from the migrations folder (no live database needed), and check the migrations\' down' },
  drift: { type: 'boolean', describe: 'compare the live database with a scratch database built from the migrations it applied: exit 4 when it was changed by hand' },
  'shadow-url': { type: 'string', describe: 'PostgreSQL: make the scratch database on the server (and as the user) this URL names' },
} as const
/** shadowUrlFits rejects a --shadow-url no scratch database uses. */
const shadowUrlFits = (a: { fromMigrations?: boolean; drift?: boolean; shadowUrl?: string }) =>
  a.shadowUrl === undefined || a.fromMigrations === true || a.drift === true || '--shadow-url goes with --from-migrations (or check --drift)'

const runSafetyOptions = {
  'wait-for-lock': { type: 'string', describe: 'wait up to SECONDS (default 300) for another upgrade, downgrade or stamp of the database to finish, then exit 2' },
  'lock-timeout': { type: 'string', describe: 'PostgreSQL, MySQL, MariaDB: a statement of a migration waits up to SECONDS for a table another session holds locked, then the migration fails (lock_timeout; lock_wait_timeout, in whole seconds)' },
  'statement-timeout': { type: 'string', describe: 'PostgreSQL, MariaDB: a statement of a migration runs up to SECONDS, then the migration fails (statement_timeout; max_statement_time)' },
} as const
/**
 * runSafetyFlags guard a run on a connection: `--sql` runs nothing (its script runs in the user's client, where
 * the session's own timeouts apply), and a dry run, which takes no migrations lock, has only the timeouts.
 */
const runSafetyFlags = Object.keys(runSafetyOptions)
/** runSafetyArgs reads the options of runSafetyOptions. */
const runSafetyArgs = (a: { waitForLock?: string; lockTimeout?: string; statementTimeout?: string }) => ({
  waitForLockMs: parseSecondsFlag('wait-for-lock', a.waitForLock),
  timeouts: { lockMs: parseSecondsFlag('lock-timeout', a.lockTimeout), statementMs: parseSecondsFlag('statement-timeout', a.statementTimeout) },
})

const epilogue = [
  'Exit codes:',
  '  0  success; for check, the database matches the entities',
  '  1  check: the entities have changes that no migration applies yet; stamp: the database does not match the entities (nothing recorded), or is not empty for stamp base',
  '  2  any error (one line on stderr says what to do; nothing is written)',
  '  3  generate only: a dropped table or column may have been renamed (see the hint printed)',
  '  4  check --drift only: the live database differs from the schema its applied migrations build (changed by hand)',
  '  5  check only: the migrations folder fails its checks (autogen.sum, an applied migration edited, one out of order; with --from-migrations a file never run or a down that does not revert)',
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
      const command = () => work(colored(output, typeof a.color === 'boolean' ? a.color : undefined))
      exitCode = await (stdoutIsReport(a) ? withConsoleOnStderr(command) : command())
    } catch (err) {
      output.err(`typeorm-autogen: ${describeError(err)}`)
      exitCode = ExitCode.error
    }
    await cacheWritesDone()
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
        .option('contract', { type: 'boolean', describe: 'write the contract migration of the applied expand migrations (after upgrade and deploy)' })
        .option('dry-run', { type: 'boolean', describe: 'print the files generate would write and its report, writing nothing' })
        .option('from-migrations', { type: 'boolean', describe: 'compare the entities with a scratch database built from the migrations folder, not the live database' })
        .option('shadow-url', scratchOptions['shadow-url'])
        .option('online', onlineOption)
        .option('message', messageOption)
        .strict(false).strictOptions()
        .check((a) => shadowUrlFits({ fromMigrations: a['from-migrations'], shadowUrl: a['shadow-url'] })),
      (a) => run(a, (out) => withRenamePrompt((ask) =>
        generateCommand({
          config: a.config, name: requiredName(migrationNameArgument('generate', a.name, a._.slice(1), a.message)), timestamp: parseTimestampFlag(a.timestamp), rename: a.rename, acceptDataLoss: a.acceptDataLoss, strategy: a.strategy, contract: a.contract, quiet: a.quiet, dryRun: a.dryRun,
          fromMigrations: a.fromMigrations, shadowUrl: a.shadowUrl, online: a.online,
        }, out, ask)))())
    .command('diff', 'print what generate would write, writing nothing', (y) =>
      y.options(reportOptions).option('rename', renameOption).option('online', onlineOption).check(directionFits),
      (a) => run(a, (out) => diffCommand({ config: a.config, format: a.format, direction: a.direction, rename: a.rename, quiet: a.quiet, online: a.online }, out))())
    .command('check', 'exit 1 when a migration is missing (for CI)', (y) =>
      y.options(reportOptions).option('rename', renameOption).options(scratchOptions)
        .option('fail-on', { choices: failOnChoices, describe: 'exit 6 on a hazard of this severity or above, in a migration not yet applied, that no reviewer marked // accepted' })
        .check(directionFits).check(shadowUrlFits),
      (a) => run(a, (out) => {
        const args = { config: a.config, format: a.format, direction: a.direction, rename: a.rename, quiet: a.quiet, shadowUrl: a.shadowUrl, failOn: a.failOn }
        if (a.fromMigrations === true) return checkFromMigrationsCommand(args, out)
        if (a.drift === true) return checkDriftCommand(args, out)
        return checkCommand(args, out)
      })())
    .command('upgrade [target]', 'apply pending migrations with TypeORM\'s runner: all, or up to --to, or --steps of them', (y) =>
      y.positional('target', { type: 'string', describe: 'head (every pending migration, the default), +N (the next N), or NAME (as --to; also head-1, NAME+2); with --sql, FROM:TO (the script of a database at FROM)' })
        .option('to', { type: 'string', describe: 'apply the pending migrations up to and including NAME (name, timestamp, or a unique prefix)' })
        .option('steps', { type: 'string', describe: 'apply the next N pending migrations' })
        .option('sql', sqlOption('upgrade'))
        .option('dry-run', dryRunOption('upgrade'))
        .options(runSafetyOptions)
        .option('backup', backupOption('run'))
        .conflicts('to', 'steps')
        .conflicts('sql', ['dry-run', 'backup', ...runSafetyFlags])
        .conflicts('dry-run', ['backup', 'wait-for-lock']),
      (a) => run(a, (out) => {
        const args = { config: String(a.config), quiet: a.quiet === true, ...upgradeTarget(a) }
        if (a.sql === true) return upgradeSqlCommand(args, out)
        if (a.dryRun === true) return upgradeDryRunCommand({ ...args, timeouts: runSafetyArgs(a).timeouts }, out)
        return upgradeCommand({ ...args, backup: a.backup, ...runSafetyArgs(a) }, out)
      })())
    .command('downgrade [target]', 'revert applied migrations: the last one, or --steps, or down to --to, or --all', (y) =>
      y.positional('target', { type: 'string', describe: '-N (the last N), base (every applied migration, as --all), or NAME (as --to; also head-2, NAME-1); with --sql, FROM:TO (the script of a database at FROM)' })
        .option('to', { type: 'string', describe: 'revert the migrations applied after NAME, which stays applied' })
        .option('steps', { type: 'string', describe: 'revert the last N applied migrations' })
        .option('all', { type: 'boolean', describe: 'revert every applied migration' })
        .options(runSafetyOptions)
        .conflicts('to', ['steps', 'all'])
        .option('sql', sqlOption('downgrade'))
        .option('dry-run', dryRunOption('downgrade'))
        .option('backup', backupOption('revert'))
        .conflicts('steps', 'all')
        .conflicts('sql', ['dry-run', 'backup', ...runSafetyFlags])
        .conflicts('dry-run', ['backup', 'wait-for-lock']),
      (a) => run(a, (out) => {
        const args = { config: String(a.config), quiet: a.quiet === true, ...downgradeTarget(a) }
        if (a.sql === true) return downgradeSqlCommand(args, out)
        if (a.dryRun === true) return downgradeDryRunCommand({ ...args, timeouts: runSafetyArgs(a).timeouts }, out)
        return downgradeCommand({ ...args, backup: a.backup, ...runSafetyArgs(a) }, out)
      })())
    .command('status', 'list migrations and whether each is applied', (y) => y.option('format', logFormat),
      (a) => run(a, (out) => statusCommand({ config: String(a.config), quiet: a.quiet === true, format: a.format }, out))())
    .command('current', 'print the last applied migration (nothing when none is)', (y) =>
      y.option('format', logFormat).option('verbose', { alias: 'v', type: 'boolean', describe: 'print it as history --verbose does, as Alembic\'s current -v' }),
      (a) => run(a, (out) => currentCommand({ config: String(a.config), quiet: a.quiet === true, format: a.format, verbose: a.verbose }, out))())
    .command('history', 'list the migrations in order with their change summaries and hazards', (y) =>
      y.option('format', logFormat).option('verbose', { alias: 'v', type: 'boolean', describe: 'each migration\'s file, whole header and hazard sentences' })
        .option('rev-range', { alias: 'r', type: 'string', describe: 'only the migrations from FROM to TO, both included, as Alembic\'s -r: base:head, AddTags:, :current, head-2:head' })
        .option('indicate-current', { alias: 'i', type: 'boolean', describe: 'mark the newest migration (head) and the last applied (current), as Alembic\'s -i' }),
      (a) => run(a, (out) => historyCommand({
        config: String(a.config), quiet: a.quiet === true, format: a.format, verbose: a.verbose, range: a.revRange, indicateCurrent: a.indicateCurrent,
      }, out))())
    .command('show <name>', 'print one migration\'s summary, hazards and SQL of up and down, running nothing', (y) =>
      y.positional('name', { type: 'string', demandOption: true, describe: 'the migration: name, timestamp, or a unique prefix' }).option('format', logFormat),
      (a) => run(a, (out) => showCommand({ config: String(a.config), quiet: a.quiet === true, format: a.format, name: String(a.name) }, out))())
    .command('stamp <name>', 'record the pending migrations up to NAME as applied without running them (adopting a database); for an applied NAME, remove the records after it; stamp base removes every record', (y) =>
      y.positional('name', { type: 'string', demandOption: true, describe: 'the migration: name, timestamp, or a unique prefix; head, the newest; base, before every migration' })
        .option('force', { type: 'boolean', describe: 'record without comparing the database with the schema of the migrations up to NAME' })
        .option('delete', { type: 'boolean', describe: 'remove the record of NAME instead (running nothing)' })
        .option('shadow-url', { type: 'string', describe: 'PostgreSQL: where to make the scratch database that checks a NAME older than the newest migration' })
        .option('dry-run', { type: 'boolean', describe: 'check as usual, then list what would be recorded (or removed), changing nothing' })
        .option('wait-for-lock', runSafetyOptions['wait-for-lock'])
        .conflicts('force', 'delete')
        .conflicts('dry-run', 'wait-for-lock'),
      (a) => run(a, (out) => stampCommand({
        config: String(a.config), quiet: a.quiet === true, name: String(a.name), force: a.force, delete: a.delete, shadowUrl: a.shadowUrl, dryRun: a.dryRun,
        waitForLockMs: parseSecondsFlag('wait-for-lock', a.waitForLock),
      }, out))())
    .command('create [name]', 'write an empty migration to fill in by hand (a data migration)', (y) =>
      y.positional('name', { type: 'string', describe: 'migration name, e.g. BackfillSlugs (required)' })
        .option('timestamp', { type: 'string', describe: 'fixed timestamp, 13 digits of milliseconds, for the file and class name' })
        .option('message', messageOption)
        .strict(false).strictOptions(),
      (a) => run(a, (out) => createCommand({ config: String(a.config), name: requiredName(migrationNameArgument('create', a.name, a._.slice(1), a.message), 'create', 'BackfillSlugs'), timestamp: parseTimestampFlag(a.timestamp) }, out))())
    .command('hash', 'write the migrations folder\'s autogen.sum anew from its migration files as they are', {}, (a) => run(a, (out) => hashCommand({ config: String(a.config) }, out))())
    .command('rebase <name>', 'give a migration not yet applied a newer timestamp than every other (one left out of order by a merge)', (y) =>
      y.positional('name', { type: 'string', demandOption: true, describe: 'the migration: its name (AddPostTags1700000000000 or AddPostTags), timestamp, a unique prefix, or its file name' })
        .option('timestamp', { type: 'string', describe: 'the new timestamp, 13 digits of milliseconds (default: now, or later than every migration)' }),
      (a) => run(a, (out) => rebaseCommand({ config: a.config, name: a.name, timestamp: parseTimestampFlag(a.timestamp), quiet: a.quiet }, out))())
    .demandCommand(1, `name a command: ${commandNames.slice(0, -1).join(', ')} or ${commandNames.at(-1)}`)
    .strict()
    .exitProcess(false)
    .fail((message, err) => {
      if (failed) return // yargs may report several problems of one command line: the first is enough
      failed = true
      // yargs words a bad choice on two lines ("Invalid values:" then the argument): one line, as every error.
      const command = argv.find((arg) => !arg.startsWith('-'))
      const line = rewordParseFailure((message ?? describeError(err)).split('\n').map((part) => part.trim()).filter(Boolean).join(' '), command)
      const advice = alembicCommandAdvice(command) ?? alembicTargetAdvice(unknownArgument(line) ?? '') ?? unknownCommandAdvice(command) ??
        unknownOptionAdvice(line, argv, declaredOptions(parser))
      output.err(`typeorm-autogen: ${line}${advice === undefined ? ' (see --help)' : `: ${advice}`}`)
      exitCode = ExitCode.error
    })
    .example('typeorm-autogen generate AddPostTags', 'write migrations/<timestamp>-AddPostTags.ts')
    .example('typeorm-autogen check --format json', 'in CI: exit 1 when a migration is missing')
    .example('typeorm-autogen check --format github', 'in GitHub Actions: the same, as annotations on the pull request')
    .example('typeorm-autogen upgrade -c src/data-source.ts', 'apply the pending migrations')
    .epilogue(epilogue)
    // No wrapping: wrapped to a width, yargs may glue an option's description to its [choices: ...].
    .wrap(null)
    .help()
    .version()
  await parser.parseAsync()
  return exitCode
}

function requiredName(name: string | undefined, command = 'generate', example = 'AddPostTags'): string {
  if (name === undefined || name === '') throw new UserError(`${command} needs a migration name: typeorm-autogen ${command} <Name>, e.g. ${example}`)
  return name
}

/** declaredOptions are the options of the command being parsed, as yargs holds them (its types do not declare getOptions). */
function declaredOptions(parser: unknown): string[] {
  return Object.keys((parser as { getOptions(): { key: Record<string, unknown> } }).getOptions().key)
}
