import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// The built CLI in a pipe (no terminal): a suspected rename stops `generate` with exit code 3 and the hint;
// `--rename` renames keeping the rows; `--accept-data-loss` writes the drop and add; `diff` and `check` warn.

const distIndex = resolve(__dirname, '../../dist/src/index')

const postV1 = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
}
`
const postV2 = (decorator = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from ${JSON.stringify(distIndex)}
void RenamedFrom
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  ${decorator} @Column({ type: 'text', nullable: true }) content: string | null
  @Column({ type: 'integer', default: 0 }) views: number
}
`
const hint =
  "typeorm-autogen: post.body may have been renamed to post.content: add @RenamedFrom('body') to Post.content, " +
  'or pass --rename post.body=content; pass --accept-data-loss to drop and add instead\n'

const setups: [string, () => Promise<TestDatabase>][] = [
  ['sqlite', createSqliteDatabase],
  ['postgres', () => createPostgresDatabase('renamecli')],
  ['mariadb', () => createMariaDbDatabase('renamecli')],
]

describe.each(setups)('the built CLI on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const migrations = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()
  // Discarding a generated migration takes autogen.sum back too, as `git checkout migrations` would.
  let initialSum: string
  const discard = (file: string) => {
    rmSync(file)
    writeFileSync(project.file('migrations/autogen.sum'), initialSum)
  }
  const rows = 'SELECT id, title, body FROM post ORDER BY id'

  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({
      'post.ts': postV1,
      'ormconfig.ts': [
        "import { DataSource } from 'typeorm'",
        "import { Post } from './post'",
        `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Post], migrations: ['migrations/*.ts'] })`,
      ].join('\n'),
    })
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    expect((await cli('upgrade')).code).toBe(0)
    initialSum = readFileSync(project.file('migrations/autogen.sum'), 'utf8')
    await db.query(`INSERT INTO post (title, body) VALUES ('one', 'first body'), ('two', NULL)`)
    project.write('post.ts', postV2())
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('stops generate with exit code 3, the hint, and no file', async () => {
    const run = await cli('generate', 'Rename')
    expect(run.stderr).toBe(hint)
    expect(run.code).toBe(3)
    expect(migrations()).toEqual(['1700000000000-Init.ts'])
  })

  it('renames with --rename, keeping every value, and renames back on downgrade', async () => {
    const before = await db.query(rows)
    const run = await cli('generate', 'Rename', '--rename', 'post.body=content', '--timestamp', '1700000001000')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const file = project.file('migrations/1700000001000-Rename.ts')
    expect(readFileSync(file, 'utf8')).toMatch(/RENAME COLUMN (IF EXISTS )?["`\\]+body["`\\]+ TO ["`\\]+content["`\\]+/)
    expect(readFileSync(file, 'utf8')).not.toMatch(/DROP COLUMN (IF EXISTS )?["`\\]+(body|content)["`\\]+/)
    expect((await cli('upgrade')).code).toBe(0)
    expect(await db.query('SELECT id, title, content AS body FROM post ORDER BY id')).toEqual(before)
    expect((await cli('check')).code).toBe(0)
    expect((await cli('downgrade')).code).toBe(0)
    expect(await db.query(rows)).toEqual(before)
    discard(file)
  })

  it('writes the drop and add with --accept-data-loss', async () => {
    const run = await cli('generate', 'DropAdd', '--accept-data-loss', '--timestamp', '1700000002000')
    expect(run.code).toBe(0)
    const file = project.file('migrations/1700000002000-DropAdd.ts')
    const source = readFileSync(file, 'utf8')
    expect(source).toMatch(/DROP COLUMN (IF EXISTS )?["`\\]+body["`\\]+/)
    expect(source).toMatch(/post\.body may have been renamed to post\.content/)
    discard(file)
  })

  if (label === 'sqlite') {
    it('renames as @RenamedFrom says', async () => {
      project.write('post.ts', postV2("@RenamedFrom('body')"))
      try {
        const run = await cli('generate', 'Rename', '--timestamp', '1700000003000')
        expect(run.code).toBe(0)
        const file = project.file('migrations/1700000003000-Rename.ts')
        expect(readFileSync(file, 'utf8')).toMatch(/RENAME COLUMN (IF EXISTS )?["`\\]+body["`\\]+ TO ["`\\]+content["`\\]+/)
        discard(file)
      } finally {
        project.write('post.ts', postV2())
      }
    })

    it('diff and check warn about the suspected rename and apply --rename', async () => {
      const diff = await cli('diff')
      expect(diff.code).toBe(0)
      expect(diff.stdout).toContain('post.body may have been renamed to post.content (same type text, same position)')
      const check = await cli('check', '--format', 'json')
      expect(check.code).toBe(1)
      expect(JSON.parse(check.stdout).warnings[0].message).toMatch(/^post\.body may have been renamed/)
      expect(JSON.parse(check.stdout).warnings[0].code).toBe('RENAME_UNDECIDED')
      const renamed = JSON.parse((await cli('diff', '--format', 'json', '--rename', 'post.body=content')).stdout)
      expect(renamed.operations.map((op: { kind: string }) => op.kind)).toEqual(['rename_column', 'add_column'])
      // The snapshot still names the migration reverted and deleted above (SNAPSHOT_STALE, see test/snapshot).
      expect(renamed.warnings.filter((w: { code: string }) => w.code !== 'SNAPSHOT_STALE')).toEqual([])
    })

    it('refuses a --rename that does not apply', async () => {
      const run = await cli('diff', '--rename', 'post.text=content')
      expect(run.code).toBe(2)
      expect(run.stderr).toBe('typeorm-autogen: --rename post.text=content does not apply: the database has no column "post"."text"\n')
    })

    it('refuses a --rename moving a table to another schema, which the database does not have', async () => {
      const run = await cli('diff', '--rename', 'crm.post=sales.post')
      expect(run.code).toBe(2)
      expect(run.stderr).toBe('typeorm-autogen: --rename crm.post=sales.post: the database has no schemas, so no table can move to another one\n')
    })
  }
})
