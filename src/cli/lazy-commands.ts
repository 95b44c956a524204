import type * as CheckCommand from './commands/check-command'
import type * as CheckDrift from './commands/check-drift'
import type * as CheckFromMigrations from './commands/check-from-migrations'
import type * as CreateCommand from './commands/create-command'
import type * as DiffCommand from './commands/diff-command'
import type * as DryRunCommands from './commands/dry-run-commands'
import type * as GenerateCommand from './commands/generate-command'
import type * as HashCommand from './commands/hash-command'
import type * as MigrationLogCommands from './commands/migration-log-commands'
import type * as OfflineSqlCommands from './commands/offline-sql-commands'
import type * as RebaseCommand from './commands/rebase-command'
import type * as RunnerCommands from './commands/runner-commands'
import type * as StampCommand from './commands/stamp-command'
import type * as TypeScriptLoader from '../source/typescript-loader'

// The commands, each required when it runs: `--help` and a bad flag load no TypeORM, no database driver, no
// compiler and no planning code (`--version` is answered before the CLI loads: bin/typeorm-autogen.js).

export const registerTypeScriptLoader: typeof TypeScriptLoader.registerTypeScriptLoader = () =>
  (require('../source/typescript-loader') as typeof TypeScriptLoader).registerTypeScriptLoader()

export const checkCommand: typeof CheckCommand.checkCommand = (...a) => (require('./commands/check-command') as typeof CheckCommand).checkCommand(...a)
export const checkDriftCommand: typeof CheckDrift.checkDriftCommand = (...a) => (require('./commands/check-drift') as typeof CheckDrift).checkDriftCommand(...a)
export const checkFromMigrationsCommand: typeof CheckFromMigrations.checkFromMigrationsCommand = (...a) =>
  (require('./commands/check-from-migrations') as typeof CheckFromMigrations).checkFromMigrationsCommand(...a)
export const createCommand: typeof CreateCommand.createCommand = (...a) => (require('./commands/create-command') as typeof CreateCommand).createCommand(...a)
export const diffCommand: typeof DiffCommand.diffCommand = (...a) => (require('./commands/diff-command') as typeof DiffCommand).diffCommand(...a)
export const generateCommand: typeof GenerateCommand.generateCommand = (...a) => (require('./commands/generate-command') as typeof GenerateCommand).generateCommand(...a)
export const hashCommand: typeof HashCommand.hashCommand = (...a) => (require('./commands/hash-command') as typeof HashCommand).hashCommand(...a)
export const rebaseCommand: typeof RebaseCommand.rebaseCommand = (...a) => (require('./commands/rebase-command') as typeof RebaseCommand).rebaseCommand(...a)
export const stampCommand: typeof StampCommand.stampCommand = (...a) => (require('./commands/stamp-command') as typeof StampCommand).stampCommand(...a)

const migrationLog = () => require('./commands/migration-log-commands') as typeof MigrationLogCommands
export const currentCommand: typeof MigrationLogCommands.currentCommand = (...a) => migrationLog().currentCommand(...a)
export const historyCommand: typeof MigrationLogCommands.historyCommand = (...a) => migrationLog().historyCommand(...a)
export const showCommand: typeof MigrationLogCommands.showCommand = (...a) => migrationLog().showCommand(...a)
export const statusCommand: typeof MigrationLogCommands.statusCommand = (...a) => migrationLog().statusCommand(...a)

const runner = () => require('./commands/runner-commands') as typeof RunnerCommands
export const downgradeCommand: typeof RunnerCommands.downgradeCommand = (...a) => runner().downgradeCommand(...a)
export const upgradeCommand: typeof RunnerCommands.upgradeCommand = (...a) => runner().upgradeCommand(...a)

const offlineSql = () => require('./commands/offline-sql-commands') as typeof OfflineSqlCommands
export const downgradeSqlCommand: typeof OfflineSqlCommands.downgradeSqlCommand = (...a) => offlineSql().downgradeSqlCommand(...a)
export const upgradeSqlCommand: typeof OfflineSqlCommands.upgradeSqlCommand = (...a) => offlineSql().upgradeSqlCommand(...a)

const dryRun = () => require('./commands/dry-run-commands') as typeof DryRunCommands
export const downgradeDryRunCommand: typeof DryRunCommands.downgradeDryRunCommand = (...a) => dryRun().downgradeDryRunCommand(...a)
export const upgradeDryRunCommand: typeof DryRunCommands.upgradeDryRunCommand = (...a) => dryRun().upgradeDryRunCommand(...a)
