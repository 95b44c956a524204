import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { Hazard } from '../../../src/hazards/hazard'
import type { EnumTypeModel } from '../../../src/model/schema-model'
import { applyOperations } from '../../../src/operations/apply'
import type { Operation } from '../../../src/operations/operation'
import { reverseOperations } from '../../../src/operations/reverse'
import { splitAtCommits } from '../../../src/pipeline/split-at-commits'
import type { MigrationPlan } from '../../../src/plan/migration-plan'
import { col, pgSchema, pgTable } from './pg-models'
import { changeSetOf } from '../../../src/plan/change-set'
import { enumUsers } from '../../../src/diff/enum-users'
import { alterColumn } from '../../../src/plan/column-change'

const users = { schema: 'public', name: 'users' }
const mood = (values: string[]): EnumTypeModel => ({ schema: 'public', name: 'mood', values })
const moodColumn = col('mood', 'enum', { enumName: 'mood', default: "'calm'" })
const before = pgSchema([pgTable('users', [col('id'), moodColumn, col('age')])], { enums: [mood(['calm', 'busy'])] })

function planOf(up: Operation[], extra: Partial<MigrationPlan> = {}): MigrationPlan {
  return {
    name: 'Change',
    timestamp: 1_700_000_000_000,
    up,
    upStatements: postgresDialect.compile(changeSetOf(before, up)),
    downStatements: postgresDialect.compile(changeSetOf(applyOperations(before, up), reverseOperations(up))),
    warnings: [{ code: 'NOT_DIFFED', message: 'read me' }],
    ...extra,
  }
}

const grow: Operation = { kind: 'alter_enum', from: mood(['calm', 'busy']), to: mood(['calm', 'busy', 'away']), users: enumUsers(before, mood([])) }
const useAway: Operation = alterColumn(users, moodColumn, { ...moodColumn, default: "'away'" })
const dropAge: Operation = { kind: 'drop_column', table: users, column: col('age') }

describe('splitAtCommits', () => {
  it('leaves a plan that needs no commit inside as it is', () => {
    const plan = planOf([grow, dropAge])
    expect(splitAtCommits(plan, before, postgresDialect)).toEqual([plan])
  })

  it('cuts after the new enum value, before its first use, each part with its own statements, hazards and header', () => {
    const hazard = { code: 'DROP_COLUMN', operation: dropAge } as unknown as Hazard
    const plan = planOf([grow, useAway, dropAge], { hazards: [hazard] })
    const parts = splitAtCommits(plan, before, postgresDialect)
    expect(parts.map((p) => [p.name, p.timestamp, p.up])).toEqual([
      ['ChangeEnumValues', 1_700_000_000_000, [grow]],
      ['Change', 1_700_000_000_001, [useAway, dropAge]],
    ])
    expect(parts[0]!.upStatements.map((s) => s.sql)).toEqual([`ALTER TYPE "public"."mood" ADD VALUE 'away' AFTER 'busy'`])
    expect(parts.flatMap((p) => [...p.upStatements, ...p.downStatements]).some((s) => s.commitBeforeUse !== undefined)).toBe(false)
    expect(parts.map((p) => p.hazards)).toEqual([[], [hazard]])
    expect(parts.map((p) => p.warnings.map((w) => w.message))).toEqual([[], ['read me']])
    expect(parts[1]!.part).toEqual({
      number: 2,
      classes: ['ChangeEnumValues1700000000000', 'Change1700000000001'],
      reasons: [expect.stringMatching(/uses the new value 'away' of enum "mood"/)],
    })
  })

  it('names the parts by step when the first part holds more than enum changes', () => {
    const parts = splitAtCommits(planOf([dropAge, grow, useAway]), before, postgresDialect)
    expect(parts.map((p) => [p.name, p.up])).toEqual([['ChangeStep1', [dropAge, grow]], ['Change', [useAway]]])
  })
})
