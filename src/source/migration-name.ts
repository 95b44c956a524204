import type { MigrationInterface } from 'typeorm'

/** migrationNameOf is a migration's name as TypeORM records it: its `name`, else its class name. */
export function migrationNameOf(migration: MigrationInterface): string {
  return migration.name ?? migration.constructor.name
}
