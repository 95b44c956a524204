import { DataSource } from 'typeorm'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { type Statement, statementOf, tableBlockPiece } from '../../src/dialect/statement'
import type { Operation } from '../../src/operations/operation'
import { renderMigrationFile } from '../../src/render/migration-file'
import type { MigrationPlan } from '../../src/plan/migration-plan'
import { column, schema, table } from '../support/model-builders'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'
import { loadMigration, RecordingQueryRunner, typecheckMigration } from './fixtures/load-migration'
import { samplePlan, simplePlan } from './fixtures/sample-plan'
import { changeSetOf } from '../../src/plan/change-set'

const sqlOf = (statements: readonly Statement[]): string[] => statements.map((s) => s.sql)

/** awkwardSql is SQL that a careless template literal would change or break. */
const awkwardSql = [
  'SELECT \'a`b\' AS "back`tick"',
  "SELECT '${not_interpolated}', '$', '${', '}' AS x",
  "SELECT E'line\\nbreak', '\\\\server\\share', 'ends with \\'",
  'SELECT \'carriage\rreturn\', \'crlf\r\nend\', \'\u2028\u2029\'',
  "SELECT 'emoji 🐘', 'lone \ud800 surrogate', '\\u0041'",
  '-- a comment with */ and ` inside\nSELECT 1',
  'SELECT `${`',
  '\\',
  '`',
  'CREATE TABLE "we""ird`" ("a`b" text DEFAULT \'it\'\'s, `quoted`\', "c, d" varchar(20) NOT NULL DEFAULT \'(,)\', [e] int, `f` int)',
  'CREATE TABLE "t`${x}" ("a\\b" text DEFAULT \'`\', "c" text DEFAULT \'${y}\', "d" varchar(20) NOT NULL DEFAULT \'\\\')',
]

/** awkwardTable is a CREATE TABLE as a compiler gives it, with a backtick and `${` in its name, defaults and check. */
const awkwardTable = tableBlockPiece({
  head: 'CREATE TABLE "t`${x}" (',
  lines: ['"a\\b" text DEFAULT \'`\'', '"c" text DEFAULT \'${y}\'', 'CONSTRAINT "CHK_c" CHECK ("c" <> \'`${z}`\')'],
  tail: ')',
})

function planWith(up: readonly Statement[], down: readonly Statement[] = []): MigrationPlan {
  return { ...simplePlan, upStatements: up, downStatements: down }
}

describe('a rendered migration file', () => {
  it('compiles, loads, and passes exactly the planned statements to queryRunner.query, up and down', async () => {
    const { source } = renderMigrationFile(samplePlan)
    const { className, instance } = loadMigration(source)
    expect(className).toBe('AddPostTags1700000000000')
    expect(instance.name).toBe('AddPostTags1700000000000')

    const up = new RecordingQueryRunner()
    await instance.up(up)
    expect(up.executed).toEqual(sqlOf(samplePlan.upStatements))

    const down = new RecordingQueryRunner()
    await instance.down(down)
    expect(down.executed).toEqual(sqlOf(samplePlan.downStatements))
  })

  it('commits the parts before it first, in a second part of a change, only while a transaction is open', async () => {
    const part = { number: 2, classes: ['AddAgeEnumValues1700000000000', 'AddAge1700000000001'], reasons: ['r'] }
    const { instance } = loadMigration(renderMigrationFile({ ...simplePlan, part }).source)
    const calls: string[] = []
    const runner = (active: boolean) => Object.assign(new RecordingQueryRunner(), {
      isTransactionActive: active,
      commitTransaction: async () => void calls.push('commit'),
      startTransaction: async () => void calls.push('start'),
    })
    const inTransaction = runner(true)
    await instance.up(inTransaction)
    expect(calls).toEqual(['commit', 'start'])
    expect(inTransaction.executed).toEqual(sqlOf(simplePlan.upStatements))
    await instance.up(runner(false))
    expect(calls).toEqual(['commit', 'start'])
  })

  it('leaves TypeORM its default transaction handling when nothing needs otherwise', () => {
    const { instance } = loadMigration(renderMigrationFile(simplePlan).source)
    expect('transaction' in instance).toBe(false)
  })

  it('passes SQL with backticks, ${, backslashes, CR and odd characters through unchanged', async () => {
    const statements = [...awkwardSql.map((sql): Statement => ({ sql, operations: [] })), statementOf(awkwardTable, [])]
    const expected = statements.map((s) => s.sql)
    const { source } = renderMigrationFile(planWith(statements, [...statements].reverse()))
    const { instance } = loadMigration(source)
    const up = new RecordingQueryRunner()
    await instance.up(up)
    expect(up.executed).toEqual(expected)
    const down = new RecordingQueryRunner()
    await instance.down(down)
    expect(down.executed).toEqual([...expected].reverse())
  })

  it('writes a CREATE TABLE as one template literal, a line per column or constraint, with no fragments joined by +', () => {
    const { source } = renderMigrationFile(planWith([statementOf(awkwardTable, [])]))
    expect(source).toContain([
      '        await queryRunner.query(`CREATE TABLE "t\\`\\${x}" (',
      '  "a\\\\b" text DEFAULT \'\\`\',',
      '  "c" text DEFAULT \'\\${y}\',',
      '  CONSTRAINT "CHK_c" CHECK ("c" <> \'\\`\\${z}\\`\')',
      ')`);',
    ].join('\n'))
    expect(source).not.toMatch(/` \+$/m)
  })

  it('fails on rows from a must-be-empty check, with the message and the count, and stops there', async () => {
    const check: Statement = {
      sql: 'PRAGMA foreign_key_check',
      operations: [],
      failIfRows: 'Rows of "post" point to no "user" (fix them first)\nthen rerun',
    }
    const after: Statement = { sql: 'PRAGMA foreign_keys = ON', operations: [] }
    const { instance } = loadMigration(renderMigrationFile(planWith([check, after])).source)

    const clean = new RecordingQueryRunner()
    await instance.up(clean)
    expect(clean.executed).toEqual([check.sql, after.sql])

    const dirty = new RecordingQueryRunner((sql) => (sql === check.sql ? [{ table: 'post' }, { table: 'post' }] : []))
    await expect(instance.up(dirty)).rejects.toThrow(
      'Rows of "post" point to no "user" (fix them first)\nthen rerun (2 rows returned by the check)',
    )
    expect(dirty.executed).toEqual([check.sql])

    const oneRow = new RecordingQueryRunner((sql) => (sql === check.sql ? [{ table: 'post' }] : []))
    await expect(instance.up(oneRow)).rejects.toThrow(
      'Rows of "post" point to no "user" (fix them first)\nthen rerun (1 row returned by the check)',
    )
  })

  it('runs checks that follow one another all, and fails with the message of each that returned rows', async () => {
    const nulls = (column: string): Statement => ({ sql: `SELECT 1 FROM t WHERE ${column} IS NULL LIMIT 1`, operations: [], failIfRows: `rows of "t"."${column}" hold NULL` })
    const checks = [nulls('a'), nulls('b'), nulls('c')]
    const after: Statement = { sql: 'ALTER TABLE t MODIFY a int NOT NULL', operations: [] }
    const { instance } = loadMigration(renderMigrationFile(planWith([...checks, after])).source)

    const clean = new RecordingQueryRunner()
    await instance.up(clean)
    expect(clean.executed).toEqual([...checks.map((c) => c.sql), after.sql])

    const dirty = new RecordingQueryRunner((sql) => (sql === checks[0]!.sql || sql === checks[2]!.sql ? [{ 1: 1 }] : []))
    await expect(instance.up(dirty)).rejects.toThrow(
      'rows of "t"."a" hold NULL (1 row returned by the check); rows of "t"."c" hold NULL (1 row returned by the check)')
    expect(dirty.executed).toEqual(checks.map((c) => c.sql))
  })

  it('type-checks strictly against the installed typeorm declarations', () => {
    const secondPart = { ...simplePlan, part: { number: 2, classes: ['AddAgeEnumValues1700000000000', 'AddAge1700000000001'], reasons: ['r'] } }
    const checks = [1, 2].map((n): Statement => ({ sql: `SELECT ${n}`, operations: [], failIfRows: `check ${n}` }))
    const plans = [samplePlan, simplePlan, secondPart, planWith(awkwardSql.map((sql) => ({ sql, operations: [] })), []), planWith(checks, [])]
    for (const plan of plans) {
      const { fileName, source } = renderMigrationFile(plan)
      expect(typecheckMigration(fileName, source)).toEqual([])
    }
    const { fileName, source } = renderMigrationFile(samplePlan)
    const broken = source.replace(/name = '[^']*';/, 'name = 1;')
    expect(typecheckMigration(fileName, broken).join('\n')).toMatch(/not assignable to type 'string/)
  })
})

/**
 * A rendered file run by TypeORM against a real database builds the very catalog the compiled statements
 * build when run one by one: the file sends exactly the compiled SQL (SQLite keeps CREATE TABLE's text).
 */
describe.each([
  ['sqlite', sqliteDialect, createSqliteDatabase],
  ['postgres', postgresDialect, () => createPostgresDatabase('render_runs')],
] as const)('a rendered migration file on %s', (label, dialect, createDatabase) => {
  const databases: TestDatabase[] = []
  afterAll(async () => {
    for (const db of databases) await db.drop()
  })

  const odd = table('odd', [
    column('id', 'integer', { generated: { kind: 'increment' } }),
    column('note', 'text', { nullable: true, default: "'a`b ${x}'" }),
    column('title', 'varchar', { length: 40 }),
  ], {
    primaryKey: { name: 'PK_odd', columns: ['id'] },
    checks: [{ name: 'CHK_odd_note', expression: `"note" <> '\`\${y}\`'` }],
    indexes: [{ name: 'IDX_odd_title', columns: ['title'], unique: false }],
  })
  const ops: Operation[] = [{ kind: 'create_table', table: odd }]

  it('builds the catalog the compiled statements build, backticks and ${ included', async () => {
    const statements = dialect.compile(changeSetOf(schema([]), ops))
    expect(statements[0]?.createTable?.lines).toContainEqual(expect.stringContaining('CHK_odd_note'))
    const { source } = renderMigrationFile({ ...simplePlan, up: ops, upStatements: statements, downStatements: [] })
    const viaFile = await createDatabase()
    const direct = await createDatabase()
    databases.push(viaFile, direct)

    const dataSource = new DataSource(viaFile.options)
    await dataSource.initialize()
    const runner = dataSource.createQueryRunner()
    try {
      await loadMigration(source).instance.up(runner)
    } finally {
      await runner.release()
      await dataSource.destroy()
    }
    for (const statement of statements) await direct.query(statement.sql)

    expect(await catalogOf(label, viaFile)).toEqual(await catalogOf(label, direct))
    expect(await catalogOf(label, direct)).toContain('CHK_odd_note')
  })
})

async function catalogOf(label: string, db: TestDatabase): Promise<string> {
  if (label === 'postgres') return postgresSchemaDump(db)
  return JSON.stringify(await db.query('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name'), null, 1)
}
