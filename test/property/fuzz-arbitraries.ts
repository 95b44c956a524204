import fc from 'fast-check'
import type { Deferrable, FuzzCase, FuzzDialect, OnDelete, PrimaryKeyKind, SchemaSpec, TableSpec, ViewSpec } from './schema-spec'
import { type RelationSeed, type TableSeed, type ViewSeed, Ids, freshName, namesFor, newTable, newView, withLaterRelations } from './schema-builders'
import { type EditKind, type EditSeed, applyEdits, editKinds } from './schema-edits'

const columnSeed = fc.record({
  name: fc.nat(), kind: fc.nat(), length: fc.constantFrom(10, 20, 40), precision: fc.constantFrom(6, 10), nullable: fc.boolean(),
  defaultVariant: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
})

/** sometimes is `arbitrary` in about one table of four, undefined otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })

const action = fc.constantFrom<OnDelete>('CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT')

const relationSeed: fc.Arbitrary<RelationSeed> = fc.record({
  target: fc.nat(), name: fc.nat(), onDelete: action, oneToOne: fc.boolean(),
  onUpdate: sometimes(action), unique: fc.option(fc.nat(), { nil: undefined }), deferrable: sometimes(fc.constantFrom<Deferrable>('INITIALLY DEFERRED', 'INITIALLY IMMEDIATE')),
})

const tableSeed: fc.Arbitrary<TableSeed> = fc.record({
  name: fc.nat(),
  primaryKey: fc.constantFrom<PrimaryKeyKind>('increment', 'int', 'uuid', 'identity'),
  compositeKey: fc.nat({ max: 3 }).map((n) => n === 0),
  bigKey: sometimes(fc.constant(true)),
  columns: fc.array(columnSeed, { minLength: 1, maxLength: 5 }),
  indexes: fc.array(fc.record({ columns: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), unique: fc.boolean(), partial: fc.boolean(), named: fc.boolean() }), { maxLength: 2 }),
  uniques: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { maxLength: 1 }),
  checks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { maxLength: 1 }),
  relations: fc.array(relationSeed, { maxLength: 2 }),
  later: sometimes(relationSeed),
  manyToMany: fc.array(fc.nat(), { maxLength: 1 }),
  child: sometimes(fc.array(fc.nat(), { maxLength: 2 })),
  embedded: sometimes(fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
  generated: sometimes(fc.nat()),
  code: sometimes(fc.nat()),
  otherSchema: sometimes(fc.constant(true)),
  rows: fc.nat({ max: 4 }),
})

const viewSeed: fc.Arbitrary<ViewSeed> = fc.record({ table: fc.nat(), columns: fc.array(fc.nat(), { maxLength: 2 }), materialized: fc.boolean(), over: fc.boolean() })

// FUZZ_EDITS (`npm run fuzz -- --edits rename_label,retype`) draws the edits among those kinds alone.
const drawnKinds = process.env.FUZZ_EDITS?.split(',').filter((kind): kind is EditKind => (editKinds as readonly string[]).includes(kind)) ?? editKinds
const editSeed: fc.Arbitrary<EditSeed> = fc.record({ kind: fc.constantFrom(...drawnKinds), a: fc.nat(), b: fc.nat(), c: fc.nat() })

/** fuzzCase is the arbitrary of one case on `dialect`: schema A and the edits that make schema B. */
export function fuzzCase(dialect: FuzzDialect): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.array(tableSeed, { minLength: 1, maxLength: 4 }), fc.array(editSeed, { minLength: 1, maxLength: 5 }), fc.array(viewSeed, { maxLength: 2 }))
    .map(([tables, edits, views]) => {
      const a = buildSchema(dialect, tables, views)
      const { schema: b, applied } = applyEdits(dialect, a, edits)
      return { dialect, a, b, edits: applied }
    })
}

function buildSchema(dialect: FuzzDialect, seeds: readonly TableSeed[], viewSeeds: readonly ViewSeed[]): SchemaSpec {
  const ids = new Ids()
  const takenTables = new Set<string>()
  const tables: TableSpec[] = []
  for (const seed of seeds) {
    const name = freshName(namesFor('table', dialect), seed.name, takenTables)
    takenTables.add(name)
    tables.push(newTable(dialect, ids, name, seed, tables))
  }
  const cyclic = withLaterRelations(dialect, ids, tables, seeds)
  const views: ViewSpec[] = []
  for (const seed of viewSeeds) {
    const view = newView(dialect, ids, cyclic, seed, new Set(views.map((v) => v.name)), views)
    if (view !== undefined) views.push(view)
  }
  return { tables: cyclic, ...(views.length > 0 && { views }) }
}

