import type Database from 'better-sqlite3'
import { openSqliteDatabase } from './sqlite-driver'
import type { DataSource, DataSourceOptions } from 'typeorm'
import { UserError } from '../../source/user-error'
import type { ScratchDatabase } from '../dialect'
import { sqliteConnectionOn } from './sqlite-connection'

/**
 * createSqliteScratchDatabase is an in-memory database (better-sqlite3's, whichever SQLite driver the project
 * uses): nothing on disk, nothing to drop. It lives as long as the DataSource that opened it, so it is read
 * through a copy of it taken when `connect` is called.
 */
export async function createSqliteScratchDatabase(options: DataSourceOptions, shadowUrl?: string): Promise<ScratchDatabase> {
  if (shadowUrl !== undefined) {
    throw new UserError('--shadow-url names a database server: SQLite builds its scratch database in memory, leave --shadow-url out')
  }
  return {
    options: { ...options, type: 'better-sqlite3', database: ':memory:' } as DataSourceOptions,
    description: 'sqlite :memory:',
    async connect(dataSource: DataSource) {
      const opened = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
      return sqliteConnectionOn(openSqliteDatabase(opened.serialize()))
    },
    async drop() {},
  }
}
