import { DataSource, type MigrationInterface } from 'typeorm'
import type { TestDatabase } from './test-database'

/** upUnderLooseSqlMode runs the `up` of the generated migration `file` on a MariaDB session whose sql_mode has no strict mode. */
export function upUnderLooseSqlMode(db: TestDatabase, file: string): Promise<void> {
  return underLooseSqlMode(db, file, 'up')
}

/** downUnderLooseSqlMode runs the `down` of the generated migration `file` as upUnderLooseSqlMode runs its `up`. */
export function downUnderLooseSqlMode(db: TestDatabase, file: string): Promise<void> {
  return underLooseSqlMode(db, file, 'down')
}

async function underLooseSqlMode(db: TestDatabase, file: string, direction: 'up' | 'down'): Promise<void> {
  const dataSource = new DataSource({ ...db.options, logging: false } as never)
  await dataSource.initialize()
  const queryRunner = dataSource.createQueryRunner()
  try {
    await queryRunner.query("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'")
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migrations = require(file) as Record<string, new () => MigrationInterface>
    await Object.values(migrations)[0]!.prototype[direction].call(undefined, queryRunner)
  } finally {
    await queryRunner.release()
    await dataSource.destroy()
  }
}
