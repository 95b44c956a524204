/**
 * typeorm-autogen's public API: the same pipeline the CLI runs, as functions.
 */
export { compareProject, type Comparison } from './pipeline/compare-project'
export { generateMigration, type GenerateResult } from './pipeline/generate-migration'
export { upgrade, downgrade, migrationStatus, type MigrationStatus } from './runner/migration-runner'
export { loadProject, type LoadedProject } from './source/load-config'
export type { AutogenSettings } from './source/autogen-settings'
export { UserError } from './source/user-error'
export { runCli } from './cli/cli'
export { ExitCode } from './cli/exit-codes'
export { diffSchemas } from './diff/diff-schemas'
export { reverseOperations } from './operations/reverse'
export type { Operation } from './operations/operation'
export type * from './model/schema-model'
