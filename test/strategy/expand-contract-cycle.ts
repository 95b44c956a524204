import { readFileSync, rmSync } from 'node:fs'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import type { Operation } from '../../src/operations/operation'
import { compareLoaded } from '../../src/cli/commands/pending-comparison'
import { compareProject } from '../../src/pipeline/compare-project'
import { upgradeVerification } from '../../src/pipeline/upgrade-verification'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import type { TestDatabase } from '../support/test-database'
import * as v from './expand-contract-entities'

let clock = 1_810_000_000_000
const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)

/** Written is one migration a generate step wrote. */
interface Written {
  readonly source: string
  readonly name: string
  readonly file: string
}

/** generateExpand writes the expand migration of a change, alone. */
async function generateExpand(db: TestDatabase, after: EntityList, options: GenerateOptions): Promise<Written> {
  clock += 1000
  const result = await generateMigration(projectFor(db, after), 'Change', clock, { ...options, strategy: 'expand-contract' })
  if (result.file === undefined || result.plan.phase?.step !== 'expand') throw new Error('generateExpand: the change was not split')
  expect(result.written).toHaveLength(1)
  return { source: readFileSync(result.file, 'utf8'), name: `ChangeExpand${clock}`, file: result.file }
}

/** generateContract writes the contract migration of the applied expand migration. */
async function generateContract(db: TestDatabase, after: EntityList): Promise<Written> {
  clock += 1000
  const result = await generateMigration(projectFor(db, after), 'Change', clock, { strategy: 'contract' })
  if (result.file === undefined) throw new Error('generateContract: nothing written')
  return { source: readFileSync(result.file, 'utf8'), name: `ChangeContract${clock}`, file: result.file }
}

/** expectContractDue checks what `check` sees between expand and contract: changes left, and the contract due. */
async function expectContractDue(db: TestDatabase, after: EntityList, expand: Written): Promise<readonly Operation[]> {
  const comparison = await compareProject(projectFor(db, after))
  expect(comparison.contractDue).toEqual([expand.name])
  expect(comparison.warnings.map((w) => w.message).join('\n')).toContain(`the expand migration ${expand.name} is applied and its contract is due`)
  // What check and diff show is the contract still due (its last copy, then the drop), not the direct diff.
  const shown = await compareLoaded(projectFor(db, after), { config: '(test)', format: 'text' }, {})
  expect(shown.plan.up).toEqual(comparison.contract?.plan.up)
  expect(kinds(shown.plan.up)).toContain('copy_column')
  expect((await upgradeVerification(projectFor(db, after)))?.code).toBe('CONTRACT_DUE')
  // A direct migration now would drop the old column without the last copy: generate refuses.
  await expect(generateMigration(projectFor(db, after), 'Direct', clock + 500)).rejects.toThrow(/its contract is due/)
  return comparison.up
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
      await expect(generateMigration(projectFor(db, [v.PostContent]), 'Early', clock + 1, { strategy: 'contract' }))
        .rejects.toThrow(/no expand migration .* awaits a contract/)
      const expand = await generateExpand(db, [v.PostContent], { renames: parseRenameFlags(['post.body=content']) })
      expect(expand.source).toContain('Phase: EXPAND, 1 of 2')
      expect(expand.source.split('public async down')[0]).not.toMatch(/RENAME COLUMN|DROP COLUMN/)
      await expect(generateMigration(projectFor(db, [v.PostContent]), 'Change', clock + 1, { strategy: 'contract' }))
        .rejects.toThrow(`the expand migration ${expand.name} is not applied yet: run \`typeorm-autogen upgrade\` and deploy`)

      expect(await upgrade(projectFor(db, [v.PostContent]))).toEqual([expand.name])
      expect(await db.query('SELECT body, content FROM post ORDER BY id')).toEqual([
        { body: 'first', content: 'first' }, { body: 'second', content: 'second' }, { body: 'third', content: 'third' },
      ])
      // Old code can still insert (content is nullable meanwhile), and so can new code (body was relaxed).
      await db.query(`INSERT INTO post (title, body, score) VALUES ('old code', 'written by old code', '4')`)
      await db.query(`INSERT INTO post (title, content, score) VALUES ('new code', 'written by new code', '5')`)
      expect(kinds(await expectContractDue(db, [v.PostContent], expand))).toContain('drop_column')
      // The row old code wrote has no content yet: contract copies body into it before content becomes NOT NULL.
      const due = await compareProject(projectFor(db, [v.PostContent]))
      const notNull = due.contract?.plan.hazards?.find((h) => h.code === 'SET_NOT_NULL')
      expect(notNull?.measurement?.text).toBe('no row has NULL in "content" and in "body"')
      // Contract drops body once copied into content where it held none: only a row where the two differ loses a value.
      const dropBody = () => compareProject(projectFor(db, [v.PostContent])).then((c) => c.contract?.plan.hazards?.find((h) => h.code === 'DROP_COLUMN'))
      expect((await dropBody())?.measurement?.text).toBe('no row holds another value in "content"')
      await db.query(`UPDATE post SET body = 'Second' WHERE id = 2`)
      expect((await dropBody())?.measurement?.text).toBe('1 row holds another value in "content"')
      await db.query(`UPDATE post SET body = 'second' WHERE id = 2`)

      const contract = await generateContract(db, [v.PostContent])
      expect(contract.source).toContain(`Phase: CONTRACT, 2 of 2. It finishes ${expand.name}`)
      expect(await upgrade(projectFor(db, [v.PostContent]))).toEqual([contract.name])
      expect(await pendingChanges(db, [v.PostContent])).toEqual([])
      expect((await compareProject(projectFor(db, [v.PostContent]))).contractDue).toEqual([])
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
      rmSync(contract.file)
      rmSync(expand.file)
    })

    it('changes score from text to integer in two steps, converting every value both ways', async () => {
      const rowsAtStart = await db.query(start)
      const expand = await generateExpand(db, [v.PostScore], {})
      expect(expand.source).toContain('TYPE_CAST_MAY_FAIL')
      expect(await upgrade(projectFor(db, [v.PostScore]))).toEqual([expand.name])
      expect(await db.query('SELECT score, score__new FROM post ORDER BY id')).toEqual([
        { score: '10', score__new: 10 }, { score: '20', score__new: 20 }, { score: '-3', score__new: -3 },
      ])
      await db.query(`UPDATE post SET score = '11' WHERE id = 1`) // written by code after expand: contract copies it again
      expect(kinds(await expectContractDue(db, [v.PostScore], expand))).toEqual(expect.arrayContaining(['drop_column', 'alter_column']))
      // Copied into every row before the drop: the drop loses nothing the copy keeps.
      expect((await compareProject(projectFor(db, [v.PostScore]))).contract?.plan.hazards?.map((h) => h.code)).not.toContain('DROP_COLUMN')
      // A row old code wrote has no score__new: contract copies score into every row before it becomes NOT NULL.
      await db.query(`INSERT INTO post (title, body, score) VALUES ('old code', 'x', '7')`)
      const notNull = (await compareProject(projectFor(db, [v.PostScore]))).contract?.plan.hazards?.find((h) => h.code === 'SET_NOT_NULL')
      expect(notNull?.measurement?.text).toBe('no row has NULL in "score"')
      await db.query('DELETE FROM post WHERE id > 3')

      const contract = await generateContract(db, [v.PostScore])
      expect(contract.source).toMatch(/RENAME COLUMN "score__new" TO "score"|"score__new"/)
      expect(await upgrade(projectFor(db, [v.PostScore]))).toEqual([contract.name])
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
      rmSync(contract.file)
      rmSync(expand.file)
    })

    it('renames only the case of a column in place where column names ignore case, keeping its values', async () => {
      clock += 1000
      const renames = parseRenameFlags(['post.title=Title'])
      const result = await generateMigration(projectFor(db, [v.PostTitleCase]), 'TitleCase', clock, { strategy: 'expand-contract', renames })
      if (db.label === 'postgres') {
        expect(result.plan.phase?.step).toBe('expand')
      } else {
        expect(result.plan.phase).toBeUndefined()
        expect(kinds(result.plan.up)).toEqual(['rename_column'])
        expect((result.plan.hazards ?? []).map((h) => h.code)).not.toContain('RENAME')
        const rows = await db.query('SELECT id, title FROM post ORDER BY id')
        expect(await upgrade(projectFor(db, [v.PostTitleCase]))).toEqual([`TitleCase${clock}`])
        expect(await pendingChanges(db, [v.PostTitleCase])).toEqual([])
        await revertLast(db, [v.PostTitleCase])
        expect(await db.query('SELECT id, title FROM post ORDER BY id')).toEqual(rows)
      }
      for (const { file } of result.written) rmSync(file)
    })

    it('writes one ordinary migration when nothing is risky', async () => {
      clock += 1000
      const result = await generateMigration(projectFor(db, [v.PostViews]), 'AddViews', clock, { strategy: 'expand-contract' })
      expect(result.plan.phase).toBeUndefined()
      expect(result.file).toMatch(/-AddViews\.ts$/)
      expect(kinds(result.plan.up)).toEqual(['add_column'])
      rmSync(result.file!)
    })
  })
}
