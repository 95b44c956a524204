import { sqliteMigrationScript } from '../../src/dialect/sqlite/sqlite-migration-script'
import { renderReport } from '../../src/render/report'
import type { MigrationPlan } from '../../src/plan/migration-plan'
import { samplePlan, simplePlan } from './fixtures/sample-plan'

describe('renderReport', () => {
  it('text: the summary, the warnings, then the up SQL', () => {
    expect(renderReport(simplePlan, 'text')).toBe([
      'Changes:',
      '  ~ table "user"',
      '      + column "age" integer NULL',
      '',
      'Up SQL:',
      'ALTER TABLE "user" ADD "age" integer;',
      '',
    ].join('\n'))
    const text = renderReport(samplePlan, 'text')
    expect(text).toContain('\nWarnings:\n  - NOT_DIFFED: Entity "Draft" skipped: it has no primary column\n  - RENAME_UNDECIDED: Column "user"."legacy" is dropped:\n    its data is lost\n\nUp SQL:\n')
    expect(text).toMatchSnapshot()
  })

  it('summary: the summary and the warnings without SQL', () => {
    expect(renderReport({ ...simplePlan, warnings: [{ code: 'NOT_COUNTED', message: 'careful' }] }, 'summary')).toBe(
      'Changes:\n  ~ table "user"\n      + column "age" integer NULL\n\nWarnings:\n  - NOT_COUNTED: careful\n',
    )
    expect(renderReport({ ...simplePlan, up: [], upStatements: [], downStatements: [] }, 'summary')).toBe('Changes:\n  (no changes)\n')
  })

  it('sql: the up statements ending with ";", notes as comments, and no down', () => {
    const plan: MigrationPlan = {
      ...simplePlan,
      upStatements: [
        { sql: 'ALTER TABLE "user" ADD "age" integer', operations: [] },
        { sql: 'PRAGMA foreign_key_check', operations: [], failIfRows: 'Foreign keys broken\nby the rebuild' },
        { sql: `ALTER TYPE "s" ADD VALUE 'b'`, operations: [], commitBeforeUse: 'a later statement uses it' },
      ],
    }
    expect(renderReport(plan, 'sql')).toBe([
      'ALTER TABLE "user" ADD "age" integer;',
      '-- must return no rows, else: Foreign keys broken',
      '--   by the rebuild',
      'PRAGMA foreign_key_check;',
      '-- generate writes this change as migrations cut before the first statement that needs this one committed: a later statement uses it',
      `ALTER TYPE "s" ADD VALUE 'b';`,
      '',
    ].join('\n'))
  })

  it('sql with the dialect\'s failing check: a statement that must return no rows is written as the check, both ways', () => {
    const check = { sql: 'SELECT 1 FROM "user" WHERE "age" IS NULL LIMIT 1', operations: [], failIfRows: 'rows hold NULL:\nfill them first' }
    const plan: MigrationPlan = { ...simplePlan, upStatements: [check, simplePlan.upStatements[0]!], downStatements: [check] }
    const context = { script: sqliteMigrationScript }
    const written = [
      '-- a check: the statements below fail when the query in them returns a row, and stop the script there: rows hold NULL:',
      '--   fill them first',
      'CREATE TEMP TABLE typeorm_autogen_check (found INTEGER CONSTRAINT "rows hold NULL: fill them first" CHECK (found = 0));',
      'INSERT INTO typeorm_autogen_check SELECT EXISTS (',
      'SELECT 1 FROM "user" WHERE "age" IS NULL LIMIT 1',
      ');',
      'DROP TABLE temp.typeorm_autogen_check;',
    ]
    expect(renderReport(plan, 'sql', 'up', undefined, context)).toBe([...written, 'ALTER TABLE "user" ADD "age" integer;', ''].join('\n'))
    expect(renderReport(plan, 'sql', 'down', undefined, context)).toBe([...written, ''].join('\n'))
    // The text report shows the query as the migration runs it.
    expect(renderReport(plan, 'text', 'up', undefined, context)).toContain('\nSELECT 1 FROM "user" WHERE "age" IS NULL LIMIT 1;\n')
  })

  it('sql down: only the down statements, without the hazards of up', () => {
    const down = renderReport(samplePlan, 'sql', 'down')
    expect(down).toBe(`${samplePlan.downStatements.map((s) => `${s.sql};`).join('\n')}\n`)
    expect(renderReport(simplePlan, 'sql', 'down')).toBe('ALTER TABLE "user" DROP COLUMN "age";\n')
  })

  it('sql: nothing at all for a plan without changes, in either direction', () => {
    const empty = { ...simplePlan, up: [], upStatements: [], downStatements: [] }
    expect(renderReport(empty, 'sql')).toBe('')
    expect(renderReport(empty, 'sql', 'down')).toBe('')
  })

  it('json: a stable document with keys in a fixed order', () => {
    const json = renderReport(samplePlan, 'json')
    const doc = JSON.parse(json)
    expect(Object.keys(doc)).toEqual(['version', 'name', 'summary', 'operations', 'up', 'down', 'warnings'])
    expect(doc.version).toBe(1)
    expect(doc.name).toBe('AddPostTags')
    expect(doc.operations).toEqual(JSON.parse(JSON.stringify(samplePlan.up)))
    expect(doc.up).toEqual(samplePlan.upStatements.map((s) => s.sql))
    expect(doc.down).toEqual(samplePlan.downStatements.map((s) => s.sql))
    expect(doc.warnings).toEqual(samplePlan.warnings)
    expect(doc.summary[doc.summary.length - 1]).toEqual({
      object: 'table',
      name: 'user',
      change: 'alter',
      headline: '~ table "user" (renamed from "account")',
      details: expect.arrayContaining(['~ check "CHK_age": "age" > 0 -> "age" >= 0']),
    })
    expect(Object.keys(doc.operations[7])).toEqual(['kind', 'table'])
    expect(Object.keys(doc.operations[7].table.columns[3])).toEqual(['name', 'default', 'nullable', 'precision', 'scale', 'type'])
    expect(json).toMatchSnapshot()
  })

  it('json: equal plans built with keys in another order give the same bytes', () => {
    const shuffle = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shuffle)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffle(v)]))
          : value
    const shuffled = shuffle(samplePlan) as MigrationPlan
    expect(Object.keys(shuffled)).not.toEqual(Object.keys(samplePlan))
    expect(renderReport(shuffled, 'json')).toBe(renderReport(samplePlan, 'json'))
  })

  it('gives byte-identical output for identical plans in every format', () => {
    for (const format of ['text', 'summary', 'sql', 'json'] as const) {
      expect(renderReport(JSON.parse(JSON.stringify(samplePlan)), format)).toBe(renderReport(samplePlan, format))
    }
  })

  it('needs no valid timestamp, for plans that are only shown', () => {
    expect(() => renderReport({ ...simplePlan, name: 'Pending', timestamp: 0 }, 'json')).not.toThrow()
  })
})
