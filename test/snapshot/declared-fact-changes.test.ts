import type { ColumnModel, SchemaModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { snapshotHazards } from '../../src/pipeline/snapshot-hazards'
import { sameDeclaredFacts } from '../../src/pipeline/entities-snapshot'
import { declaredFactChanges, describeFactChange } from '../../src/source/declared-fact-changes'
import { type ColumnFacts, type DeclaredFacts, driverTypeMeaning, meaningOf } from '../../src/source/declared-facts'
import { DataSource } from 'typeorm'
import { alterColumn } from '../../src/plan/column-change'

const tags = (facts: Partial<ColumnFacts>): ColumnFacts => ({ name: 'tags', type: 'simple-array', transformer: false, ...facts })
const factsOf = (...columns: ColumnFacts[]): DeclaredFacts => ({ tables: [{ name: 'post', columns }] })
const textColumn: ColumnModel = { name: 'tags', type: 'text', nullable: false }
const actual: SchemaModel = {
  tables: [{ name: 'post', columns: [textColumn], indexes: [], uniques: [], foreignKeys: [], checks: [] }],
  enums: [],
  schemas: [],
  extensions: [],
  views: [],
}

describe('declaredFactChanges', () => {
  it('finds nothing between equal facts', () => {
    expect(declaredFactChanges(factsOf(tags({})), factsOf(tags({})))).toEqual([])
  })

  it('lists a column whose declared type changed', () => {
    const changes = declaredFactChanges(factsOf(tags({})), factsOf(tags({ type: 'simple-json' })))
    expect(changes).toEqual([{ table: { name: 'post' }, from: tags({}), to: tags({ type: 'simple-json' }) }])
  })

  it('leaves added, dropped and other tables\' columns to the diff', () => {
    const before: DeclaredFacts = { tables: [{ name: 'post', columns: [tags({})] }] }
    const after: DeclaredFacts = { tables: [{ name: 'post', columns: [tags({ name: 'labels' })] }, { name: 'user', columns: [tags({})] }] }
    expect(declaredFactChanges(before, after)).toEqual([])
  })

  it('tells the same facts in another key order apart from different facts', () => {
    const reordered = JSON.parse('{"tables":[{"columns":[{"transformer":false,"type":"simple-array","name":"tags"}],"name":"post"}]}')
    expect(sameDeclaredFacts(reordered, factsOf(tags({})))).toBe(true)
    expect(sameDeclaredFacts(reordered, factsOf(tags({ length: '10' })))).toBe(false)
  })
})

describe('describeFactChange', () => {
  it('says what changed, one clause each', () => {
    expect(describeFactChange(tags({}), tags({ type: 'simple-json' }))).toEqual(['changes from simple-array to simple-json'])
    expect(describeFactChange(tags({}), tags({ transformer: true, transformerNames: ['Lower'] }))).toEqual(['gains a transformer Lower'])
    expect(describeFactChange(tags({ transformer: true }), tags({}))).toEqual(['loses its transformer'])
    expect(describeFactChange(tags({ transformer: true, transformerNames: ['A'] }), tags({ transformer: true }))).toEqual([
      'changes its transformer from A to an unnamed one',
    ])
    expect(describeFactChange(tags({ length: '10', precision: 5 }), tags({ length: '20', scale: 2 }))).toEqual([
      'changes its length from 10 to 20',
      'loses its precision 5',
      'gains scale 2',
    ])
    const kind = (discriminatorValues: Record<string, string>) => tags({ name: 'kind', type: 'varchar', discriminatorValues })
    expect(describeFactChange(kind({ Content: 'Content', Photo: 'photo' }), kind({ Content: 'Content', Photo: 'image', Video: 'video' }))).toEqual([
      "changes Photo's value from 'photo' to 'image'",
    ])
  })
})

describe('snapshotHazards', () => {
  const change = declaredFactChanges(factsOf(tags({})), factsOf(tags({ type: 'simple-json' })))
  const snapshotWarnings = (...args: Parameters<typeof snapshotHazards>) => snapshotHazards(...args).map((h) => h.message)

  it('notes a change no operation touches, naming how the database stores it and a command that exists', () => {
    expect(snapshotHazards(change, [], actual)).toEqual([{
      code: 'NO_SCHEMA_EFFECT',
      severity: 'info',
      subject: '"post"."tags"',
      message: '"post"."tags" changes from simple-array to simple-json: both are stored as text, so no migration ' +
        'converts the existing rows, which keep the old format; convert them with an UPDATE in a migration of your own ' +
        '(`typeorm-autogen create <Name>` writes an empty one) or keep the old declaration.',
    }])
  })

  it('says nothing when an operation writes that column or its table', () => {
    const alter: Operation = alterColumn({ name: 'post' }, textColumn, { ...textColumn, nullable: true })
    const drop: Operation = { kind: 'drop_table', table: actual.tables[0]! }
    expect(snapshotWarnings(change, [alter], actual)).toEqual([])
    expect(snapshotWarnings(change, [drop], actual)).toEqual([])
  })

  it('still warns when operations only touch other columns', () => {
    const other: Operation = { kind: 'add_column', table: { name: 'post' }, column: { name: 'title', type: 'text', nullable: true } }
    expect(snapshotWarnings(change, [other], actual)).toHaveLength(1)
  })

  it('says an unenforced size change leaves the rows unchecked', () => {
    const sized = declaredFactChanges(factsOf(tags({ length: '10' })), factsOf(tags({ length: '20' })))
    expect(snapshotWarnings(sized, [], actual)[0]).toMatch(/^"post"\."tags" changes its length from 10 to 20: the database does not enforce it/)
  })
})

describe('what a declaration means', () => {
  const meanings = [
    ['sqlite', driverTypeMeaning(new DataSource({ type: 'better-sqlite3', database: ':memory:' }).driver)],
    ['postgres', driverTypeMeaning(new DataSource({ type: 'postgres' }).driver)],
  ] as const

  it.each(meanings)('on %s: a design type and the type it stands for are the same column, simple-* formats are not', (_label, meaning) => {
    const implied = factsOf({ name: 'title', type: 'String', transformer: false, length: '200' })
    const spelled = factsOf({ name: 'title', type: 'varchar', transformer: false, length: '200' })
    expect(declaredFactChanges(implied, spelled)).toHaveLength(1)
    expect(declaredFactChanges(meaningOf(implied, meaning), meaningOf(spelled, meaning))).toEqual([])
    expect(sameDeclaredFacts(meaningOf(implied, meaning), meaningOf(spelled, meaning))).toBe(true)
    const counted = (type: string) => meaningOf(factsOf({ name: 'n', type, transformer: false }), meaning)
    expect(declaredFactChanges(counted('Number'), counted('integer'))).toEqual([])
    expect(declaredFactChanges(counted('simple-array'), counted('simple-json'))).toHaveLength(1)
  })

  // The note said that the rows of a column made simple-enum from enum "keep the old format" (found by a
  // workflow test on PostgreSQL): TypeORM's PostgreSQL and MySQL drivers write and read both as one enum.
  it.each([
    ['postgres', driverTypeMeaning(new DataSource({ type: 'postgres' }).driver)],
    ['mariadb', driverTypeMeaning(new DataSource({ type: 'mariadb' }).driver)],
  ] as const)('on %s: enum and simple-enum are the same column', (_label, meaning) => {
    const declared = (type: string) => meaningOf(factsOf({ name: 'status', type, transformer: false }), meaning)
    expect(declaredFactChanges(declared('enum'), declared('simple-enum'))).toEqual([])
    expect(declaredFactChanges(declared('simple-enum'), declared('simple-json'))).toHaveLength(1)
  })
})
