import type { MigrationInterface, QueryRunner } from 'typeorm'

/** MigrationRun is a migration's `up` or `down`, bound to it. */
export type MigrationRun = (queryRunner: QueryRunner) => Promise<unknown>

/**
 * wrapMigration has a migration's `up` or `down` run as `wrap` makes it of the one it had. The new one is
 * defined on the migration, not assigned: a class whose methods are read-only on its prototype (a `@final`
 * decorator that sets `writable: false`, as OhMyForm's base migration does) makes an assignment throw.
 */
export function wrapMigration(migration: MigrationInterface, direction: 'up' | 'down', wrap: (run: MigrationRun) => MigrationRun): void {
  const run: MigrationRun = migration[direction].bind(migration)
  Object.defineProperty(migration, direction, { value: wrap(run), writable: true, configurable: true, enumerable: false })
}
