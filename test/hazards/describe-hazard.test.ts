import type { Probe } from '../../src/dialect/probe'
import { describeHazard } from '../../src/hazards/describe-hazard'
import { hazardCodes, hazardSeverity } from '../../src/hazards/hazard'
import type { HazardFinding } from '../../src/hazards/hazard-finding'
import { formatApproximate, formatCount } from '../../src/hazards/hazard-names'
import { measurementText, withoutMeasurement } from '../../src/hazards/measurement-text'

const table = { name: 'users' }
const finding: HazardFinding = {
  code: 'DROP_COLUMN',
  operation: { kind: 'drop_column', table, column: { name: 'age', type: 'integer', nullable: true } },
  what: 'Deletes every value in "users"."age"',
  advice: 'copy the values elsewhere first if they are still needed',
  probe: { kind: 'non_null', table, column: 'age' },
}

describe('describeHazard', () => {
  it('writes what happens, the count, and what to do, as one sentence', () => {
    expect(describeHazard(finding, { count: 1204, complete: true }, 100_000)).toEqual({
      code: 'DROP_COLUMN',
      severity: 'danger',
      message: 'Deletes every value in "users"."age" (1,204 non-null values); copy the values elsewhere first if they are still needed.',
      operation: finding.operation,
      measurement: { count: 1204, complete: true, text: '1,204 non-null values' },
    })
  })
  it('leaves the count out when the data was not measured', () => {
    expect(describeHazard(finding).message).toBe('Deletes every value in "users"."age"; copy the values elsewhere first if they are still needed.')
    expect(describeHazard(finding).measurement).toBeUndefined()
  })
  it('keeps a message on one line, whatever the names hold', () => {
    expect(describeHazard({ ...finding, what: 'Deletes "a\nb"' }).message).toBe('Deletes "a b"; copy the values elsewhere first if they are still needed.')
  })
  it('gives every code one severity', () => {
    expect(Object.keys(hazardSeverity).sort()).toEqual([...hazardCodes].sort())
  })
})

const probes = ([
  { kind: 'non_null', table, column: 'age' },
  { kind: 'nulls', table, column: 'email' },
  { kind: 'duplicates', table, columns: ['email', 'name'] },
  { kind: 'longer_than', table, column: 'name', length: 50 },
  { kind: 'out_of_range', table, column: 'n', min: '-32768', max: '32767' },
  { kind: 'more_decimals', table, column: 'n', scale: 2 },
  { kind: 'holds_values', table, column: 's', values: ['archived', 'gone'] },
  { kind: 'not_convertible', table, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: { name: 'code', type: 'integer', nullable: false } },
] as Probe[])

describe('withoutMeasurement', () => {
  const results = [
    { count: 0, complete: true }, { count: 1, complete: true }, { count: 1234, complete: true },
    { count: 0, complete: false }, { count: 7, complete: false }, { count: 100_000, complete: false, estimate: 2_500_000 },
  ]
  // Messages whose own words hold parentheses, as some rules write them.
  const whats = ['Deletes every value in "users"."age"', 'Changes "users"."name" from varchar(255) to varchar(50)', '"users"."n" declares int4 (it stores integer)']
  it('takes out exactly the count describeHazard put in, for every probe and result', () => {
    for (const what of whats) {
      for (const probe of [{ kind: 'rows', table } as Probe, ...probes]) {
        const uncounted = describeHazard({ ...finding, what, probe }).message
        expect(withoutMeasurement(uncounted)).toBeUndefined()
        for (const result of results) expect(withoutMeasurement(describeHazard({ ...finding, what, probe }, result, 100_000).message)).toBe(uncounted)
      }
    }
  })
})

describe('measurementText', () => {
  const rows: Probe = { kind: 'rows', table }
  it('counts rows exactly, as "more than" the limit, or by the planner\'s estimate', () => {
    expect(measurementText(rows, { count: 1, complete: true }, 10)).toBe('1 row')
    expect(measurementText(rows, { count: 0, complete: true }, 10)).toBe('the table is empty')
    expect(measurementText(rows, { count: 100_000, complete: false }, 100_000)).toBe('more than 100,000 rows')
    expect(measurementText(rows, { count: 100_000, complete: false, estimate: 1_234_567 }, 100_000)).toBe('about 1.2M rows (planner estimate)')
  })
  it('says when only part of the table was read', () => {
    const nulls: Probe = { kind: 'nulls', table, column: 'email' }
    expect(measurementText(nulls, { count: 12, complete: true }, 100)).toBe('12 rows have NULL in "email"')
    expect(measurementText(nulls, { count: 1, complete: true }, 100)).toBe('1 row has NULL in "email"')
    expect(measurementText(nulls, { count: 0, complete: true }, 100)).toBe('no row has NULL in "email"')
    expect(measurementText(nulls, { count: 3, complete: false }, 100)).toBe('at least 3 rows have NULL in "email" (only the first 100 rows were read)')
    expect(measurementText(nulls, { count: 0, complete: false }, 100)).toBe('could not tell (only the first 100 rows were read; the table has more)')
  })
  it('phrases every probe', () => {
    const result = { count: 3, complete: true }
    const texts = ([
      { kind: 'duplicates', table, columns: ['email'] },
      { kind: 'longer_than', table, column: 'name', length: 50 },
      { kind: 'out_of_range', table, column: 'n', min: '-32768', max: '32767' },
      { kind: 'more_decimals', table, column: 'n', scale: 0 },
      { kind: 'more_decimals', table, column: 'n', scale: 2 },
      { kind: 'holds_values', table, column: 's', values: ['archived', 'gone'] },
      { kind: 'not_convertible', table, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: { name: 'code', type: 'integer', nullable: false } },
    ] as Probe[]).map((probe) => measurementText(probe, result, 100))
    expect(texts).toEqual([
      '3 duplicate values of ("email")',
      '3 rows are longer than 50 characters',
      '3 values lie outside -32768..32767',
      '3 values have a fractional part',
      '3 values have more than 2 decimal places',
      "3 rows hold 'archived' or 'gone'",
      '3 values do not look like integer',
    ])
  })
  it('never says "none" of a table it read only part of', () => {
    const texts = probes.map((probe) => measurementText(probe, { count: 0, complete: false }, 100_000))
    expect(new Set(texts)).toEqual(new Set(['could not tell (only the first 100,000 rows were read; the table has more)']))
  })
  it('formats numbers without depending on the locale', () => {
    expect([formatCount(0), formatCount(999), formatCount(1000), formatCount(1234567)]).toEqual(['0', '999', '1,000', '1,234,567'])
    expect([formatApproximate(999), formatApproximate(45_000), formatApproximate(1_250_000), formatApproximate(312_000_000), formatApproximate(2e9)])
      .toEqual(['999', '45k', '1.3M', '312M', '2B'])
  })
})
