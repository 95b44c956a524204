import { Column, Entity, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent } from 'typeorm'
import type { Hazard } from '../../src/hazards/hazard'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A tree made another kind of tree (`@Tree('closure-table')` to `'materialized-path'`): the migration adds the new
// kind's columns with their defaults (every `mpath` empty) or an empty closure table, and said nothing of the rows
// already written, whose ancestors and descendants TypeORM then finds wrong.

/** entities is a Node tree of the kind given. */
function entities(kind: 'closure-table' | 'materialized-path' | 'nested-set'): Function[] {
  @Entity('node') @Tree(kind)
  class Node {
    @PrimaryGeneratedColumn() id!: number
    @Column() name!: string
    @TreeParent() parent?: Node
    @TreeChildren() children!: Node[]
  }
  return [Node]
}

const noEffect = (hazards: readonly Hazard[]) => hazards.filter((h) => h.code === 'NO_SCHEMA_EFFECT').map((h) => h.message)

describe('a tree made another kind of tree', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, entities('closure-table'), 'Init')
  })
  afterAll(async () => db?.drop())

  it('is noted beside the operations that make the new kind, in the migration that makes them, and no more after it', async () => {
    const comparison = await compareProject(projectFor(db, entities('materialized-path')))
    expect(comparison.up.map((op) => op.kind)).toEqual(['drop_foreign_key', 'drop_foreign_key', 'drop_table', 'add_column'])
    expect(noEffect(comparison.hazards)).toEqual([
      expect.stringMatching(/^"node"\."parentId" changes its tree from closure-table to materialized-path: no migration fills the new tree's data/),
    ])
    const { source } = await migrateTo(db, entities('materialized-path'), 'Path')
    expect(source).toMatch(/NO_SCHEMA_EFFECT "node"\."parentId"/)
    expect(noEffect((await compareProject(projectFor(db, entities('materialized-path')))).hazards)).toEqual([])
  })
})
