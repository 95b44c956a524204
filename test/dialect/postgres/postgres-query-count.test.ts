import type { DatabaseConnection } from '../../../src/dialect/dialect'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { TableModel } from '../../../src/model/schema-model'
import { col, createOps, pgSchema, pgTable } from './pg-models'
import { createPgDatabase, type PgTestDatabase } from './pg-test-database'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'

/** A table with columns of several kinds, so that per-column or per-enum queries would show. */
function wideTable(i: number): TableModel {
  return pgTable(`t${String(i).padStart(2, '0')}`, [
    col('id', 'integer', { generated: { kind: 'increment' } }),
    col('name', 'character varying', { length: 20, default: "'x'" }),
    col('kind', 'enum', { enumValues: ['a', 'b'] }),
    col('tags', 'text', { isArray: true, nullable: true }),
    col('parent', 'integer', { nullable: true }),
  ], {
    primaryKey: { name: `PK_t${i}`, columns: ['id'] },
    uniques: [{ name: `UQ_t${i}_name`, columns: ['name'] }],
    checks: [{ name: `CHK_t${i}`, expression: 'id > 0' }],
    indexes: [{ name: `IDX_t${i}_parent`, columns: ['parent'], unique: false }],
    foreignKeys: [{ name: `FK_t${i}_parent`, columns: ['parent'], referencedTable: `t${String(i).padStart(2, '0')}`, referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
  })
}

describe('postgres introspection query count', () => {
  let db: PgTestDatabase
  beforeAll(async () => {
    db = await createPgDatabase('count')
  })
  afterAll(async () => {
    await db.drop()
  })

  async function countFor(tables: number): Promise<number> {
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
    const model = postgresDialect.normalize(pgSchema(Array.from({ length: tables }, (_, i) => wideTable(i + 1))))
    const empty = await db.introspect()
    await db.apply(postgresDialect.compile(changeSetOf(empty, createOps(model, empty))))
    const connection = await db.connect()
    try {
      const read = await postgresDialect.introspect(connection, { schemas: ['public'], ignoreTables: [] })
      expect(canonicalOnly(read)).toEqual(canonicalOnly(model))
      return connection.queryCount
    } finally {
      await connection.close()
    }
  }

  it('is the same for 1 table and for 20 tables', async () => {
    const one = await countFor(1)
    const twenty = await countFor(20)
    expect(twenty).toBe(one)
    expect(one).toBe(9)
  })

  it('reads on a second connection beside the first, and on the first alone where none can be opened', async () => {
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
    const model = postgresDialect.normalize(pgSchema([wideTable(1), wideTable(2)]))
    await db.apply(postgresDialect.compile(changeSetOf(await db.introspect(), createOps(model, await db.introspect()))))
    const connection = await db.connect()
    try {
      const seen = { first: 0, beside: 0, opened: 0, closed: 0 }
      const counted = (on: DatabaseConnection, key: 'first' | 'beside', beside?: () => Promise<DatabaseConnection>): DatabaseConnection => ({
        get queryCount() { return on.queryCount },
        query: (sql, params) => { seen[key]++; return on.query(sql, params) },
        close: () => { seen.closed++; return on.close() },
        ...(beside !== undefined && { beside }),
      })
      const twoOf = counted(connection, 'first', async () => { seen.opened++; return counted(await connection.beside!(), 'beside') })
      const read = await postgresDialect.introspect(twoOf, { schemas: ['public'], ignoreTables: [] })
      expect(canonicalOnly(read)).toEqual(canonicalOnly(model))
      expect(seen).toEqual({ first: 5, beside: 4, opened: 1, closed: 1 })
      expect(connection.queryCount).toBe(9)

      const refused = counted(connection, 'first', () => Promise.reject(new Error('sorry, too many clients already')))
      seen.first = 0
      expect(canonicalOnly(await postgresDialect.introspect(refused, { schemas: ['public'], ignoreTables: [] }))).toEqual(canonicalOnly(model))
      expect(seen.first).toBe(9)
    } finally {
      await connection.close()
    }
  })
})
