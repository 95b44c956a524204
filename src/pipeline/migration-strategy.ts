/**
 * MigrationStrategy is how `generate` writes a change: `direct` (one migration), `expand-contract` (the expand
 * migration, to be finished by a contract later) or `contract` (that contract, once expand is applied).
 */
export type MigrationStrategy = 'direct' | 'expand-contract' | 'contract'

/** migrationStrategies are the values of `--strategy` (`contract` is `--contract`). */
export const migrationStrategies = ['direct', 'expand-contract'] as const
