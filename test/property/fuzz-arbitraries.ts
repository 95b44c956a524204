import fc from 'fast-check'
import type { FuzzCase, FuzzDialect, OnDelete, PrimaryKeyKind, SchemaSpec, TableSpec } from './schema-spec'
import { type TableSeed, Ids, freshName, namesFor, newTable } from './schema-builders'
import { type EditSeed, applyEdits, editKinds } from './schema-edits'

const columnSeed = fc.record({
  name: fc.nat(), kind: fc.nat(), length: fc.constantFrom(10, 20, 40), precision: fc.constantFrom(6, 10), nullable: fc.boolean(),
  defaultVariant: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
})

const tableSeed: fc.Arbitrary<TableSeed> = fc.record({
  name: fc.nat(),
  primaryKey: fc.constantFrom<PrimaryKeyKind>('increment', 'int', 'uuid'),
  columns: fc.array(columnSeed, { minLength: 1, maxLength: 5 }),
  indexes: fc.array(fc.record({ columns: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), unique: fc.boolean(), partial: fc.boolean(), named: fc.boolean() }), { maxLength: 2 }),
  uniques: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { maxLength: 1 }),
  checks: fc.array(fc.nat(), { maxLength: 1 }),
  relations: fc.array(fc.record({ target: fc.nat(), name: fc.nat(), onDelete: fc.constantFrom<OnDelete>('CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT') }), { maxLength: 2 }),
  manyToMany: fc.array(fc.nat(), { maxLength: 1 }),
  rows: fc.nat({ max: 4 }),
})

const editSeed: fc.Arbitrary<EditSeed> = fc.record({ kind: fc.constantFrom(...editKinds), a: fc.nat(), b: fc.nat(), c: fc.nat() })

/** fuzzCase is the arbitrary of one case on `dialect`: schema A and the edits that make schema B. */
export function fuzzCase(dialect: FuzzDialect): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.array(tableSeed, { minLength: 1, maxLength: 4 }), fc.array(editSeed, { minLength: 1, maxLength: 5 }))
    .map(([tables, edits]) => {
      const a = buildSchema(dialect, tables)
      const { schema: b, applied } = applyEdits(dialect, a, edits)
      return { dialect, a, b, edits: applied }
    })
}

function buildSchema(dialect: FuzzDialect, seeds: readonly TableSeed[]): SchemaSpec {
  const ids = new Ids()
  const takenTables = new Set<string>()
  const tables: TableSpec[] = []
  for (const seed of seeds) {
    const name = freshName(namesFor('table', dialect), seed.name, takenTables)
    takenTables.add(name)
    tables.push(newTable(dialect, ids, name, seed, tables))
  }
  return { tables }
}

