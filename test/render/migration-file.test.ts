import { renderMigrationFile } from '../../src/render/migration-file'
import type { MigrationPlan } from '../../src/render/migration-plan'
import { samplePlan, simplePlan } from './fixtures/sample-plan'

describe('renderMigrationFile', () => {
  it('writes the sample plan as this file', () => {
    const { fileName, source } = renderMigrationFile(samplePlan)
    expect(fileName).toBe('1700000000000-AddPostTags.ts')
    expect(source).toMatchSnapshot()
  })

  it('writes a plan that runs in a transaction as this file', () => {
    expect(renderMigrationFile(simplePlan).source).toMatchSnapshot()
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

  it('sets transaction = false and says why only when a statement must run outside a transaction', () => {
    expect(renderMigrationFile(simplePlan).source).not.toContain('transaction')
    const reasons = ['CREATE INDEX CONCURRENTLY cannot run inside a transaction block', 'ALTER TYPE ... ADD VALUE\ncannot be used in the same transaction']
    const plan: MigrationPlan = {
      ...simplePlan,
      upStatements: [{ sql: 'CREATE INDEX CONCURRENTLY "i" ON "t" ("c")', operations: [], outsideTransaction: reasons[0] }],
      downStatements: [
        { sql: 'SELECT 1', operations: [], outsideTransaction: reasons[1] },
        { sql: 'SELECT 2', operations: [], outsideTransaction: reasons[0] },
      ],
    }
    const { source } = renderMigrationFile(plan)
    expect(source).toContain([
      '    // This migration runs outside a transaction, because:',
      '    //   - CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
      '    //   - ALTER TYPE ... ADD VALUE',
      '    //     cannot be used in the same transaction',
      '    // If it fails halfway, the statements before the failure stay applied.',
      "    // TypeORM accepts this only with migrationsTransactionMode 'each' or 'none' (not the default 'all').",
      '    transaction = false as const;',
    ].join('\n'))
    expect(source.match(/transaction = false/g)).toHaveLength(1)
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
      "                throw new Error('Foreign keys of \"post\" don\\'t hold' + ' (' + rows.length + ' rows returned by the check)');",
      '            }',
      '        }',
    ].join('\n'))
  })

  it('puts the change summary and the warnings in the comment block on top', () => {
    const { source } = renderMigrationFile(samplePlan)
    const header = source.slice(0, source.indexOf('import type'))
    expect(header.split('\n').filter((line) => line !== '').every((line) => line.startsWith('//'))).toBe(true)
    expect(header).toContain('//       ~ check "CHK_age": "age" > 0 -> "age" >= 0\n')
    expect(header).toContain('// Warnings:\n//   - Entity "Draft" skipped: it has no primary column\n')
    expect(header).toContain('//   - Column "user"."legacy" is dropped:\n//     its data is lost\n')
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
