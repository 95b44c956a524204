import { changeSetOf } from '../../src/plan/change-set'
import { renderMigrationFile } from '../../src/render/migration-file'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import type { Operation } from '../../src/operations/operation'
import type { MigrationPlan } from '../../src/plan/migration-plan'
import { samplePlan, simplePlan } from './fixtures/sample-plan'

describe('renderMigrationFile', () => {
  it('writes the sample plan as this file', () => {
    const { fileName, source } = renderMigrationFile(samplePlan)
    expect(fileName).toBe('1700000000000-AddPostTags.ts')
    expect(source).toMatchSnapshot()
  })

  it('writes byte-identical files for identical plans', () => {
    const copy: MigrationPlan = JSON.parse(JSON.stringify(samplePlan))
    expect(renderMigrationFile(copy).source).toBe(renderMigrationFile(samplePlan).source)
    expect(renderMigrationFile(samplePlan)).toEqual(renderMigrationFile(samplePlan))
  })

  it("follows TypeORM's naming: class <Name><timestamp> and name = the class name", () => {
    const { source } = renderMigrationFile(simplePlan)
    expect(source).toContain('export class AddAge1700000000001 implements MigrationInterface {')
    expect(source).toContain("    name = 'AddAge1700000000001';")
    expect(source).toContain("import type { MigrationInterface, QueryRunner } from 'typeorm';")
    expect(source).toContain('    public async up(queryRunner: QueryRunner): Promise<void> {')
    expect(source).toContain('    public async down(queryRunner: QueryRunner): Promise<void> {')
  })

  it('renders no date but the timestamp', () => {
    const { source } = renderMigrationFile(simplePlan)
    expect(source).not.toMatch(/20\d\d-\d\d-\d\d/)
    expect(source.match(/\d{13}/g)).toEqual(['1700000000001', '1700000000001', '1700000000001'])
  })

  it('never sets transaction = false: every file runs in TypeORM\'s default transaction mode', () => {
    const plan: MigrationPlan = {
      ...simplePlan,
      upStatements: [{ sql: `ALTER TYPE "s" ADD VALUE 'b'`, operations: [], commitBeforeUse: 'a later statement uses it' }],
    }
    expect(renderMigrationFile(plan).source).not.toMatch(/transaction/)
  })

  it('says in the header which part of a change cut at a commit the file is, and why', () => {
    const classes = ['AddAgeEnumValues1700000000001', 'AddAge1700000000002']
    const { source } = renderMigrationFile({ ...simplePlan, part: { number: 1, classes, reasons: ['a later statement uses the new value'] } })
    expect(source).toContain([
      '// Part 1 of 2 of one change: AddAgeEnumValues1700000000001, then AddAge1700000000002.',
      "// It is cut in parts so that each runs whole in one transaction, in TypeORM's default mode, because:",
      '//   - a later statement uses the new value',
    ].join('\n'))
  })

  it('runs a statement that must return no rows and throws with its message and the row count', () => {
    const plan: MigrationPlan = {
      ...simplePlan,
      upStatements: [{ sql: 'PRAGMA foreign_key_check', operations: [], failIfRows: "Foreign keys of \"post\" don't hold" }],
    }
    expect(renderMigrationFile(plan).source).toContain([
      '        {',
      '            const rows = await queryRunner.query(`PRAGMA foreign_key_check`);',
      '            if (rows.length > 0) {',
      "                throw new Error('Foreign keys of \"post\" don\\'t hold' + ' (' + rows.length + (rows.length === 1 ? ' row' : ' rows') + ' returned by the check)');",
      '            }',
      '        }',
    ].join('\n'))
  })

  it('puts the change summary and the warnings in the comment block on top', () => {
    const { source } = renderMigrationFile(samplePlan)
    const header = source.slice(0, source.indexOf('import type'))
    expect(header.split('\n').filter((line) => line !== '').every((line) => line.startsWith('//'))).toBe(true)
    expect(header).toContain('//       ~ check "CHK_age": "age" > 0 -> "age" >= 0\n')
    expect(header).toContain('// Warnings:\n//   - NOT_DIFFED: Entity "Draft" skipped: it has no primary column\n')
    expect(header).toContain('//   - RENAME_UNDECIDED: Column "user"."legacy" is dropped:\n//     its data is lost\n')
  })

  it('says so when a method has nothing to do', () => {
    const { source } = renderMigrationFile({ ...simplePlan, downStatements: [] })
    expect(source).toContain('    public async down(queryRunner: QueryRunner): Promise<void> {\n        // Nothing to do.\n    }')
  })

  it('refuses a name or timestamp TypeORM could not load', () => {
    expect(() => renderMigrationFile({ ...simplePlan, name: '2fa' })).toThrow(/migration name "2fa" must start with a letter/)
    expect(() => renderMigrationFile({ ...simplePlan, name: 'add-age' })).toThrow(/letters, digits and "_"/)
    expect(() => renderMigrationFile({ ...simplePlan, timestamp: 0 })).toThrow(/13-digit/)
    expect(() => renderMigrationFile({ ...simplePlan, timestamp: 1.5e12 + 0.5 })).toThrow(/13-digit/)
  })
})

describe('the header of a compiled plan', () => {
  it('lists what changes in the order up() changes it', () => {
    const apple = { name: 'apple', columns: [{ name: 'id', type: 'integer', nullable: false }], indexes: [], uniques: [], foreignKeys: [], checks: [] }
    const zebra = { ...apple, name: 'zebra' }
    const up: Operation[] = [
      { kind: 'create_table', table: zebra },
      { kind: 'add_column', table: { name: 'apple' }, column: { name: 'size', type: 'integer', nullable: true } },
    ]
    const before = { tables: [apple], enums: [], schemas: [], extensions: [], views: [] }
    const plan: MigrationPlan = {
      ...simplePlan, up, upStatements: sqliteDialect.compile(changeSetOf(before, up)), downStatements: [],
    }
    const { source } = renderMigrationFile(plan)
    expect(source).toContain('// Changes:\n//   + table "zebra" (1 column)\n//   ~ table "apple"\n//       + column "size" integer NULL\n')
    expect(source.indexOf('CREATE TABLE "zebra"')).toBeLessThan(source.indexOf('ALTER TABLE "apple"'))
  })
})
