import type { ColumnModel } from '../../../src/model/schema-model'
import { postgresProbeConditionSql } from '../../../src/dialect/postgres/postgres-probes'

// PostgreSQL 16 tests any text against any type's input function (pg_input_is_valid): a value made a type the
// probe has no pattern for (a date, an inet, a range) is counted there; before 16 it is not counted at all. This
// machine runs PostgreSQL 15: the SQL of the 16 branch is checked here, the 15 branch against the server too
// (test/hazards/postgres-cast-counts.test.ts).

const column = (type: string, more: Partial<ColumnModel> = {}): ColumnModel => ({ name: 'v', type, nullable: true, ...more })
const probe = (from: ColumnModel, to: ColumnModel) => ({ kind: 'not_convertible' as const, table: { name: 'reading' }, column: 'v', from, to })

describe('postgres: values of a type with no pattern of the probe', () => {
  it.each([
    [column('text'), column('date'), `NOT pg_input_is_valid("v"::text, 'date')`],
    [column('varchar', { length: 20 }), column('timestamp', { precision: 3 }), `NOT pg_input_is_valid("v"::text, 'timestamp(3)')`],
    [column('text'), column('inet'), `NOT pg_input_is_valid("v"::text, 'inet')`],
    [column('text'), column('jsonb'), `NOT pg_input_is_valid("v"::text, 'jsonb')`],
  ])('%j made %j is tested by the input function from PostgreSQL 16, and not before', (from, to, test) => {
    expect(postgresProbeConditionSql(probe(from, to), '"v"', 160004)).toBe(test)
    expect(postgresProbeConditionSql(probe(from, to), '"v"', 150012)).toBeUndefined()
  })

  it('tests the elements of text made an array, and the element a value becomes', () => {
    const sql = postgresProbeConditionSql(probe(column('text'), column('date', { isArray: true })), '"v"', 170000)!
    expect(sql).toContain(`NOT pg_input_is_valid(trim(literal_element), 'date')`)
    expect(sql).toContain(`ELSE NOT pg_input_is_valid("v"::text, 'date') END`)
  })

  it('keeps its own tests where it has them, on every version', () => {
    for (const version of [150012, 160004]) {
      expect(postgresProbeConditionSql(probe(column('text'), column('uuid')), '"v"', version)).toBe(`translate(lower(trim("v"::text)), '{}-', '') !~ '^[0-9a-f]{32}$'`)
    }
  })
})
