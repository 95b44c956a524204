import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readHazardComments, unacceptedHazards } from '../../src/hazards/accepted-hazards'
import { describeHazard } from '../../src/hazards/describe-hazard'
import type { Operation } from '../../src/operations/operation'
import { applyOperations } from '../../src/operations/apply'
import { reverseOperations } from '../../src/operations/reverse'
import { pendingHazardLines, pendingHazards } from '../../src/pipeline/pending-hazards'
import { renderMigrationFile } from '../../src/render/migration-file'
import type { MigrationPlan } from '../../src/plan/migration-plan'
import { renderReport } from '../../src/render/report'
import { alter, before, column, findingsOf, postgresDialect as pg, users, usersName } from './hazard-fixtures'
import { changeSetOf } from '../../src/plan/change-set'

const U = usersName(pg)
const ops: Operation[] = [
  alter(pg, 'email', { nullable: false }),
  { kind: 'drop_column', table: U, column: users(pg).columns[3]! },
  { kind: 'add_column', table: U, column: column('nick', 'text', { nullable: true }) },
  { kind: 'create_index', table: U, index: { name: 'IDX_users_name', columns: ['name'], unique: false } },
]
const start = before(pg)
const hazards = findingsOf(pg, start, ops).map((f, i) => describeHazard(f, f.probe && { count: 1200 + i, complete: true }, 100_000))
const plan: MigrationPlan = {
  name: 'Tighten',
  timestamp: 1700000000000,
  up: ops,
  upStatements: pg.compile(changeSetOf(start, ops)),
  downStatements: pg.compile(changeSetOf(applyOperations(start, ops), reverseOperations(ops))),
  warnings: [],
  hazards,
}
const { source } = renderMigrationFile(plan)

describe('hazards in the migration file', () => {
  it('lists them in the header and comments each right above the statement it concerns', () => {
    expect(source).toMatchSnapshot()
    const lines = source.split('\n')
    const above = (sql: string) => lines[lines.findIndex((l) => l.includes(sql)) - 1]
    expect(above('DROP COLUMN "age"')).toBe(
      '        // hazard DROP_COLUMN (danger): Deletes every value in "public"."users"."age" (1,201 non-null values); copy the values elsewhere first if they are still needed.',
    )
    expect(above('SET NOT NULL')).toMatch(/^ {8}\/\/ hazard SET_NOT_NULL \(warning\): Makes "public"."users"."email" NOT NULL/)
    expect(above('CREATE INDEX')).toMatch(/^ {8}\/\/ hazard INDEX_WITHOUT_CONCURRENTLY \(warning\): /)
    expect(source).toContain('// Hazards (explained above their statements in up(); accept one there by changing "// hazard" to "// accepted"):\n//   - SET_NOT_NULL "public"."users"."email" (warning)\n')
    // Each sentence appears once: above its statement, not in the header.
    for (const hazard of hazards) expect(source.split(hazard.message).length).toBe(2)
  })

  it('reads back as open hazards, each accepted by editing its comment', () => {
    const read = readHazardComments(source)
    expect(read.map((h) => [h.code, h.severity, h.message, h.accepted])).toEqual(hazards.map((h) => [h.code, h.severity, h.message, false]))
    const edited = source.replace('// hazard DROP_COLUMN (danger)', '// accepted DROP_COLUMN (danger)')
    expect(readHazardComments(edited).find((h) => h.code === 'DROP_COLUMN')?.accepted).toBe(true)
    expect(unacceptedHazards(edited).map((h) => h.code)).toEqual(['SET_NOT_NULL', 'INDEX_WITHOUT_CONCURRENTLY'])
    expect(read.map((h) => source.split('\n')[h.line - 1])).toEqual(read.map((h) => expect.stringContaining(`// hazard ${h.code}`)))
  })

  it('comments hazards no statement carries out at the top of up()', () => {
    const lone = renderMigrationFile({ ...plan, upStatements: [], downStatements: [], hazards: hazards.slice(0, 1) }).source
    expect(lone).toContain('Promise<void> {\n        // hazard SET_NOT_NULL (warning): ')
    expect(lone).toContain('.\n        // Nothing to do.\n')
  })

  it('are listed by pending migration file until accepted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autogen-pending-'))
    try {
      const file = join(dir, renderMigrationFile(plan).fileName)
      writeFileSync(file, source)
      writeFileSync(join(dir, 'notes.md'), '// hazard DROP_TABLE (danger): not a migration')
      expect(pendingHazards(dir, false, ['Other1'])).toEqual([])
      const pending = pendingHazards(dir, false, ['Tighten1700000000000'])
      expect(pending).toEqual([{ migration: 'Tighten1700000000000', file, hazards: unacceptedHazards(source) }])
      expect(pendingHazardLines(pending)[1]).toMatch(/^warning: Tighten1700000000000 line \d+: DROP_COLUMN \(danger\): Deletes every value/)
      writeFileSync(file, source.replace(/\/\/ hazard /g, '// accepted '))
      expect(pendingHazards(dir, false, ['Tighten1700000000000'])).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('notes (info findings) in the migration file', () => {
  const widen = [alter(pg, 'name', { length: 200 })]
  const notePlan: MigrationPlan = {
    ...plan,
    up: widen,
    upStatements: pg.compile(changeSetOf(start, widen)),
    downStatements: pg.compile(changeSetOf(applyOperations(start, widen), reverseOperations(widen))),
    hazards: findingsOf(pg, start, widen).map((f) => describeHazard(f)),
  }
  const noteSource = renderMigrationFile(notePlan).source

  it('are written as notes, listed apart from hazards, and never need accepting', () => {
    expect(notePlan.hazards!.map((h) => [h.code, h.severity])).toEqual([['TYPE_CHANGE_SAFE', 'info']])
    expect(noteSource).toContain('// Notes (explained above their statements in up(); nothing to accept):\n//   - TYPE_CHANGE_SAFE "public"."users"."name"\n')
    expect(noteSource).not.toContain('// Hazards')
    expect(noteSource).toContain('        // note TYPE_CHANGE_SAFE: Changes "public"."users"."name" from varchar(100) to varchar(200)')
    expect(noteSource).not.toContain('// hazard')
    expect(readHazardComments(noteSource)).toEqual([])
  })

  it('are not pending even when an older file wrote one as a hazard comment', () => {
    const older = '        // hazard TYPE_CHANGE_SAFE (info): Changes "users"."name" from varchar(100) to varchar(200); nothing to do.\n'
    expect(readHazardComments(older).map((h) => h.severity)).toEqual(['info'])
    expect(unacceptedHazards(older)).toEqual([])
  })
})

describe('hazards in reports', () => {
  it('text and sql show them, json carries code, severity, message, operation and counts', () => {
    expect(renderReport(plan, 'text')).toContain('\nHazards:\n  - SET_NOT_NULL (warning): Makes "public"."users"."email" NOT NULL')
    expect(renderReport(plan, 'sql')).toContain('-- hazard DROP_COLUMN (danger): Deletes every value in "public"."users"."age" (1,201 non-null values); copy the values elsewhere first if they are still needed.\nALTER TABLE "public"."users" DROP COLUMN "age";')
    const doc = JSON.parse(renderReport(plan, 'json'))
    expect(Object.keys(doc)).toEqual(['version', 'name', 'summary', 'operations', 'up', 'down', 'warnings', 'hazards'])
    expect(doc.hazards[1]).toEqual({
      code: 'DROP_COLUMN',
      severity: 'danger',
      message: hazards[1]!.message,
      operation: 1,
      measurement: { count: 1201, complete: true, text: '1,201 non-null values' },
    })
    expect(renderReport(JSON.parse(JSON.stringify(plan)), 'json')).toBe(renderReport(plan, 'json'))
  })
})
