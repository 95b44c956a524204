import { join } from 'node:path'
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { connectMysql } from '../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { diffSchemas } from '../../src/diff/diff-schemas'
import type { Operation } from '../../src/operations/operation'
import type { SchemaModel } from '../../src/model/schema-model'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { LoadedProject } from '../../src/source/load-config'
import { readEntities } from '../../src/source/entity-metadata'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { type MysqlChurnPattern, mysqlChurnPatterns } from './mysql-churn-patterns'

// The churn probe: each pattern from TypeORM's issue history is created by TypeORM's own synchronize on
// MariaDB, then read as the CLI reads it (entities without connecting, normalized for the server, the
// database introspected and reconciled): the diff must find nothing to do.

/** diffAfterSynchronize creates the pattern with TypeORM's synchronize, runs `alter` on it, and diffs it against its entities. */
async function diffAfterSynchronize(
  pattern: MysqlChurnPattern,
  alter: (db: TestDatabase) => Promise<unknown> = async () => undefined,
  type: 'mariadb' | 'mysql' = 'mariadb',
): Promise<{ actual: SchemaModel; ops: Operation[] }> {
  const db = await createMariaDbDatabase('churn')
  const options = { ...db.options, type }
  const synchronized = new DataSource({ ...options, entities: [...pattern.entities], synchronize: true, logging: false } as never)
  try {
    await synchronized.initialize()
    await alter(db)
    const connection = await connectMysql(db.options)
    try {
      const dialect = mysqlDialectAt(connection.server)
      const entities = (await readEntities(new DataSource({ ...options, entities: [...pattern.entities] } as never))).model
      const actual = await dialect.introspect(connection, { ignoreTables: ['typeorm_metadata', 'migrations'] })
      const desired = await dialect.reconcile!(dialect.normalize(entities, options as never), actual, connection)
      return { actual, ops: diffSchemas(actual, desired, dialect.capabilities) }
    } finally {
      await connection.close()
    }
  } finally {
    if (synchronized.isInitialized) await synchronized.destroy()
    await db.drop()
  }
}

/**
 * ownMigrationCycle creates the pattern from an empty database with our own generated migration: it
 * generates and upgrades, diffs again, downgrades, and lists the tables the downgrade leaves.
 */
async function ownMigrationCycle(
  pattern: MysqlChurnPattern,
  type: 'mariadb' | 'mysql' = 'mariadb',
): Promise<{ created: number; next: readonly Operation[]; left: string[] }> {
  const db = await createMariaDbDatabase('churnown')
  const migrationsDir = join(db.dir, 'migrations')
  const project: LoadedProject = {
    dataSource: new DataSource({ ...db.options, type, entities: [...pattern.entities], migrations: [join(migrationsDir, '*.ts')], logging: false } as never),
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(churn)',
  }
  const tables = async () => (await db.query<{ name: string }>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('migrations', 'typeorm_metadata') ORDER BY 1",
  )).map((t) => t.name)
  try {
    const generated = await generateMigration(project, 'CreatePattern', 1_700_000_000_000)
    if (generated.file === undefined) throw new Error('nothing generated from an empty database')
    await upgrade(project)
    const created = (await tables()).length
    const next = (await compareProject(project)).up
    await downgrade(project)
    return { created, next, left: await tables() }
  } finally {
    await db.drop()
  }
}

describe('mysql churn probe: TypeORM synchronize, then no difference (MariaDB)', () => {
  it('has at least 20 patterns', () => {
    expect(mysqlChurnPatterns.length).toBeGreaterThanOrEqual(20)
  })

  it.each(mysqlChurnPatterns.map((p) => [`${p.name}${p.issue ? ` (${p.issue})` : ''}`, p] as const))('%s', async (_name, pattern) => {
    const { actual, ops } = await diffAfterSynchronize(pattern)
    expect(actual.tables.length).toBeGreaterThan(0)
    expect(ops).toEqual([])
  })

  it.each(mysqlChurnPatterns.filter((p) => /uuid|json/.test(p.name)).map((p) => [p.name, p] as const))(
    'with a `mysql` DataSource on MariaDB (varchar(36) uuids): %s', async (_name, pattern) => {
      const { actual, ops } = await diffAfterSynchronize(pattern, undefined, 'mysql')
      expect(actual.tables.length).toBeGreaterThan(0)
      expect(ops).toEqual([])
    })

  it('a boolean the database holds as tinyint(1) (older TypeORM, other tools) is no difference either', async () => {
    const booleans = mysqlChurnPatterns.find((p) => p.name.startsWith('booleans'))!
    const { actual, ops } = await diffAfterSynchronize(booleans, (db) => db.query('ALTER TABLE p12 MODIFY active tinyint(1) NOT NULL'))
    expect(actual.tables[0]!.columns.find((c) => c.name === 'active')).toMatchObject({ type: 'tinyint', length: 1 })
    expect(ops).toEqual([])
  })

  it('an unsigned boolean the database holds as tinyint(1) unsigned (apitable\'s is_deleted) is no difference either', async () => {
    const booleans = mysqlChurnPatterns.find((p) => p.name.startsWith('booleans'))!
    const { actual, ops } = await diffAfterSynchronize(booleans, (db) => db.query('ALTER TABLE p12 MODIFY hidden tinyint(1) unsigned NOT NULL DEFAULT 0'))
    expect(actual.tables[0]!.columns.find((c) => c.name === 'hidden')).toMatchObject({ type: 'tinyint unsigned', length: 1 })
    expect(ops).toEqual([])
  })
})

describe('where TypeORM wrote another default than the entity declares (MariaDB)', () => {
  @Entity('fraction_default') class FractionDefault {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'double', default: 1.5 }) ratio: number
    @Column({ type: 'float', precision: 7, scale: 3, default: 1.5 }) fixed: number
  }

  it('a fraction on a column with no scale, which TypeORM rounds (1.5 became 2), is the one change', async () => {
    const { ops } = await diffAfterSynchronize({ name: 'fraction default', entities: [FractionDefault] })
    expect(ops).toEqual([expect.objectContaining({ kind: 'alter_column', changes: ['default'], from: expect.objectContaining({ name: 'ratio', default: '2' }), to: expect.objectContaining({ default: '1.5' }) })])
  })
})

describe('mysql churn probe through our own migration: generate, upgrade, no difference, downgrade to empty (MariaDB)', () => {
  it.each(mysqlChurnPatterns.map((p) => [`${p.name}${p.issue ? ` (${p.issue})` : ''}`, p] as const))('%s', async (_name, pattern) => {
    const { created, next, left } = await ownMigrationCycle(pattern)
    expect(created).toBeGreaterThan(0)
    expect(next).toEqual([])
    expect(left).toEqual([])
  })

  it.each(mysqlChurnPatterns.filter((p) => /uuid|json/.test(p.name)).map((p) => [p.name, p] as const))(
    'with a `mysql` DataSource on MariaDB (varchar(36) uuids): %s', async (_name, pattern) => {
      const { created, next, left } = await ownMigrationCycle(pattern, 'mysql')
      expect(created).toBeGreaterThan(0)
      expect(next).toEqual([])
      expect(left).toEqual([])
    })
})
