import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import type { Operation } from '../../src/operations/operation'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import type { TestDatabase } from '../support/test-database'
import * as v from './expand-contract-entities'

let clock = 1_810_000_000_000
const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)

/** Phases are the two migrations written for one change, and a way to hold contract back while expand runs alone. */
interface Phases {
  readonly expandSource: string
  readonly contractSource: string
  readonly expandName: string
  readonly contractName: string
  /** Runs `whileHeld` with the contract file out of the migrations folder, then puts it back. */
  holdContract(whileHeld: () => Promise<void>): Promise<void>
  remove(): void
}

async function generatePhases(db: TestDatabase, after: EntityList, options: GenerateOptions): Promise<Phases> {
  clock += 1000
  const result = await generateMigration(projectFor(db, after), 'Change', clock, { ...options, strategy: 'expand-contract' })
  if (result.file === undefined || result.contract === undefined) throw new Error('generatePhases: the change was not split')
  const contractFile = result.contract.file
  const held = join(db.dir, 'held')
  const expandFile = result.file
  return {
    expandSource: readFileSync(expandFile, 'utf8'),
    contractSource: readFileSync(contractFile, 'utf8'),
    expandName: `ChangeExpand${clock}`,
    contractName: `ChangeContract${clock + 1}`,
    async holdContract(whileHeld) {
      mkdirSync(held, { recursive: true })
      renameSync(contractFile, join(held, basename(contractFile)))
      try {
        await whileHeld()
      } finally {
        renameSync(join(held, basename(contractFile)), contractFile)
      }
    },
    remove() {
      rmSync(expandFile)
      rmSync(contractFile)
    },
  }
}

/**
 * describeExpandContract runs, on one dialect, a column rename and a risky type change written as expand and
 * contract: expand alone keeps both columns filled (and `check` still sees contract's changes), contract
 * brings the database to the entities with every row kept, reverting contract brings the old column back
 * with its values, and reverting expand the schema and rows of the start.
 */
export function describeExpandContract(label: string, createDatabase: () => Promise<TestDatabase>): void {
  describe(`${label}: expand and contract`, () => {
    let db: TestDatabase
    const start = 'SELECT id, title, body, score FROM post ORDER BY id'
    beforeAll(async () => {
      db = await createDatabase()
      await migrateTo(db, [v.PostV1], 'Init')
      await db.query(`INSERT INTO post (title, body, score) VALUES ('one', 'first', '10'), ('two', 'second', '20'), ('three', 'third', '-3')`)
    })
    afterAll(async () => db?.drop())

    it('renames body to content in two steps, keeping every value both ways', async () => {
      const rowsAtStart = await db.query(start)
      const phases = await generatePhases(db, [v.PostContent], { renames: parseRenameFlags(['post.body=content']) })
      expect(phases.expandSource).toContain('Phase: EXPAND, 1 of 2')
      expect(phases.contractSource).toContain('Phase: CONTRACT, 2 of 2')
      expect(phases.expandSource.split('public async down')[0]).not.toMatch(/RENAME COLUMN|DROP COLUMN/)

      await phases.holdContract(async () => {
        expect(await upgrade(projectFor(db, [v.PostContent]))).toEqual([phases.expandName])
        expect(await db.query('SELECT body, content FROM post ORDER BY id')).toEqual([
          { body: 'first', content: 'first' }, { body: 'second', content: 'second' }, { body: 'third', content: 'third' },
        ])
        // Old code can still insert (content is nullable meanwhile), and so can new code (body was relaxed).
        await db.query(`INSERT INTO post (title, body, score) VALUES ('old code', 'written by old code', '4')`)
        await db.query(`INSERT INTO post (title, content, score) VALUES ('new code', 'written by new code', '5')`)
        expect(kinds(await pendingChanges(db, [v.PostContent]))).toContain('drop_column')
      })

      expect(await upgrade(projectFor(db, [v.PostContent]))).toEqual([phases.contractName])
      expect(await pendingChanges(db, [v.PostContent])).toEqual([])
      expect(await db.query('SELECT id, title, content AS body, score FROM post ORDER BY id')).toEqual([
        ...rowsAtStart,
        { id: 4, title: 'old code', body: 'written by old code', score: '4' },
        { id: 5, title: 'new code', body: 'written by new code', score: '5' },
      ])
      await db.query('DELETE FROM post WHERE id > 3')

      await revertLast(db, [v.PostContent])
      expect(await db.query('SELECT body, content FROM post ORDER BY id')).toEqual([
        { body: 'first', content: 'first' }, { body: 'second', content: 'second' }, { body: 'third', content: 'third' },
      ])
      await revertLast(db, [v.PostContent])
      expect(await pendingChanges(db, [v.PostV1])).toEqual([])
      expect(await db.query(start)).toEqual(rowsAtStart)
      phases.remove()
    })

    it('changes score from text to integer in two steps, converting every value both ways', async () => {
      const rowsAtStart = await db.query(start)
      const phases = await generatePhases(db, [v.PostScore], {})
      expect(phases.expandSource).toContain('TYPE_CAST_MAY_FAIL')
      expect(phases.contractSource).toMatch(/RENAME COLUMN "score__new" TO "score"|"score__new"/)

      await phases.holdContract(async () => {
        expect(await upgrade(projectFor(db, [v.PostScore]))).toEqual([phases.expandName])
        expect(await db.query('SELECT score, score__new FROM post ORDER BY id')).toEqual([
          { score: '10', score__new: 10 }, { score: '20', score__new: 20 }, { score: '-3', score__new: -3 },
        ])
        await db.query(`UPDATE post SET score = '11' WHERE id = 1`) // written by code after expand: contract copies it again
        expect(kinds(await pendingChanges(db, [v.PostScore]))).toEqual(expect.arrayContaining(['drop_column', 'alter_column']))
      })

      expect(await upgrade(projectFor(db, [v.PostScore]))).toEqual([phases.contractName])
      expect(await pendingChanges(db, [v.PostScore])).toEqual([])
      expect(await db.query('SELECT id, score FROM post ORDER BY id')).toEqual([{ id: 1, score: 11 }, { id: 2, score: 20 }, { id: 3, score: -3 }])

      await revertLast(db, [v.PostScore])
      expect(await db.query('SELECT score, score__new FROM post ORDER BY id')).toEqual([
        { score: '11', score__new: 11 }, { score: '20', score__new: 20 }, { score: '-3', score__new: -3 },
      ])
      await revertLast(db, [v.PostScore])
      expect(await pendingChanges(db, [v.PostV1])).toEqual([])
      expect(await db.query(start)).toEqual(rowsAtStart.map((row: Record<string, unknown>) => (row.id === 1 ? { ...row, score: '11' } : row)))
      await db.query(`UPDATE post SET score = '10' WHERE id = 1`)
      phases.remove()
    })

    it('writes one ordinary migration when nothing is risky', async () => {
      clock += 1000
      const result = await generateMigration(projectFor(db, [v.PostViews]), 'AddViews', clock, { strategy: 'expand-contract' })
      expect(result.contract).toBeUndefined()
      expect(result.file).toMatch(/-AddViews\.ts$/)
      expect(kinds(result.plan.up)).toEqual(['add_column'])
      rmSync(result.file!)
    })
  })
}
