import type { Statement } from '../../src/dialect/statement'
import { renderMigrationFile } from '../../src/render/migration-file'
import type { MigrationPlan } from '../../src/render/migration-plan'
import { loadMigration, RecordingQueryRunner, typecheckMigration } from './fixtures/load-migration'
import { samplePlan, simplePlan } from './fixtures/sample-plan'

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
    const statements = awkwardSql.map((sql): Statement => ({ sql, operations: [] }))
    const { source } = renderMigrationFile(planWith(statements, [...statements].reverse()))
    expect(source).toContain('`"c, d" varchar(20) NOT NULL DEFAULT \'(,)\', ` +') // cut into pieces for reading
    const { instance } = loadMigration(source)
    const up = new RecordingQueryRunner()
    await instance.up(up)
    expect(up.executed).toEqual(awkwardSql)
    const down = new RecordingQueryRunner()
    await instance.down(down)
    expect(down.executed).toEqual([...awkwardSql].reverse())
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
  })

  it('type-checks strictly against the installed typeorm declarations', () => {
    const secondPart = { ...simplePlan, part: { number: 2, classes: ['AddAgeEnumValues1700000000000', 'AddAge1700000000001'], reasons: ['r'] } }
    const plans = [samplePlan, simplePlan, secondPart, planWith(awkwardSql.map((sql) => ({ sql, operations: [] })), [])]
    for (const plan of plans) {
      const { fileName, source } = renderMigrationFile(plan)
      expect(typecheckMigration(fileName, source)).toEqual([])
    }
    const { fileName, source } = renderMigrationFile(samplePlan)
    const broken = source.replace(/name = '[^']*';/, 'name = 1;')
    expect(typecheckMigration(fileName, broken).join('\n')).toMatch(/not assignable to type 'string/)
  })
})
