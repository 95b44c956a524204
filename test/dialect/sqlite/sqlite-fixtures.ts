import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ColumnModel, SchemaModel, TableModel } from '../../../src/model/schema-model'
import type { Statement } from '../../../src/dialect/statement'
import type { Operation } from '../../../src/operations/operation'
import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'

/** col is a column, NOT NULL unless told otherwise. */
export function col(name: string, type: string, extra: Partial<ColumnModel> = {}): ColumnModel {
  return { name, type, nullable: false, ...extra }
}

/** table is a table with empty constraint lists unless given. */
export function table(name: string, parts: Partial<TableModel>): TableModel {
  return { name, columns: [], indexes: [], uniques: [], foreignKeys: [], checks: [], ...parts }
}

/** schema is a model holding the tables, sorted by name. */
export function schema(...tables: TableModel[]): SchemaModel {
  return { tables: [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), enums: [], schemas: [], extensions: [], views: [] }
}

/** sqlOf lists the SQL of statements. */
export function sqlOf(statements: readonly Statement[]): string[] {
  return statements.map((s) => s.sql)
}

/** createAll is the migration that creates every table of `model` from nothing, foreign keys as their own ops. */
export function createAll(model: SchemaModel): Operation[] {
  return [
    ...model.tables.map((t): Operation => ({ kind: 'create_table', table: { ...t, foreignKeys: [] } })),
    ...model.tables.flatMap((t) => t.foreignKeys.map((foreignKey): Operation => ({ kind: 'add_foreign_key', table: { name: t.name }, foreignKey }))),
  ]
}

/** ScratchDatabase is a real SQLite file in a fresh temporary directory. */
export interface ScratchDatabase {
  readonly path: string
  /** db is a read-write handle for the test itself. */
  readonly db: Database.Database
  /** apply runs statements the way TypeORM's migration runner does: foreign keys off, one transaction. */
  apply(statements: readonly Statement[]): void
  /** read introspects the file through the dialect's own read-only connection. */
  read(ignoreTables?: readonly string[]): Promise<SchemaModel>
  remove(): void
}

/** scratchDatabase creates an empty database file in a new temporary directory. */
export function scratchDatabase(): ScratchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'autogen-sqlite-'))
  const path = join(dir, 'test.sqlite')
  const db = new Database(path)
  return {
    path,
    db,
    apply(statements) {
      db.pragma('foreign_keys = OFF')
      try {
        db.transaction(() => {
          for (const statement of statements) {
            const prepared = db.prepare(statement.sql)
            if (!prepared.reader) {
              prepared.run()
              continue
            }
            const rows = prepared.all()
            if (statement.failIfRows !== undefined && rows.length > 0) throw new Error(statement.failIfRows)
          }
        })()
      } finally {
        db.pragma('foreign_keys = ON')
      }
    },
    async read(ignoreTables = []) {
      const connection = await sqliteDialect.connect({ type: 'better-sqlite3', database: path })
      try {
        return await sqliteDialect.introspect(connection, { ignoreTables })
      } finally {
        await connection.close()
      }
    },
    remove() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
