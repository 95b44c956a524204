import { renameSync } from 'node:fs'
import Database from 'better-sqlite3'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Two branches change one SQLite table. Branch B's migration rebuilds the table (a change ALTER TABLE cannot
// make) and was generated before branch A's migration, applied first, added a column. Rebased after A's, B's
// rebuild would copy the columns it knew and drop A's column with its values: it stops instead, and the
// database is as it was.

const user = (name: string, extra = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('user')
export class User {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50${name} }) name: string
${extra}
}
`
const withX = '  @Column({ type: \'varchar\', nullable: true }) x: string | null'

let project: TempProject
beforeAll(() => {
  project = tempProject({
    'ormconfig.ts': sqliteConfig({ entities: "['entities/*.ts']", options: "migrations: ['migrations/*.ts']," }),
    'entities/user.ts': user(''),
  })
})
afterAll(() => project.remove())

const cli = async (...args: string[]) => {
  const run = await runCliInProcess(project.dir, [...args, '--quiet'])
  return { code: run.code, stderr: run.stderr }
}
const rows = () => {
  const db = new Database(project.file('data/app.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT * FROM "user" ORDER BY id').all()
  } finally {
    db.close()
  }
}

it('stops a rebuild that would drop a column a migration applied before it added', async () => {
  expect(await cli('generate', 'Init', '--timestamp', '1700000000000')).toEqual({ code: 0, stderr: '' })
  expect((await cli('upgrade')).code).toBe(0)
  // Branch B: name becomes nullable, which SQLite makes by rebuilding the table. Its file waits aside.
  project.write('entities/user.ts', user(', nullable: true'))
  expect((await cli('generate', 'NameNullable', '--timestamp', '1700000001000')).code).toBe(0)
  renameSync(project.file('migrations/1700000001000-NameNullable.ts'), project.file('NameNullable.ts.aside'))
  // Branch A: a column x, applied and filled.
  project.write('entities/user.ts', user('', withX))
  expect((await cli('hash')).code).toBe(0)
  expect((await cli('generate', 'AddX', '--timestamp', '1700000002000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  const db = new Database(project.file('data/app.sqlite'))
  db.exec(`INSERT INTO "user" (name, x) VALUES ('ann', 'precious'), ('bob', 'kept')`)
  db.close()
  const before = rows()
  // The merge: B's file comes back, and is rebased after A's as check says to.
  renameSync(project.file('NameNullable.ts.aside'), project.file('migrations/1700000001000-NameNullable.ts'))
  project.write('entities/user.ts', user(', nullable: true', withX))
  expect((await cli('hash')).code).toBe(0)
  expect((await cli('rebase', 'NameNullable1700000001000', '--timestamp', '1700000003000')).code).toBe(0)

  const upgrade = await cli('upgrade')
  expect(upgrade.code).toBe(2)
  expect(upgrade.stderr).toContain('"user" has columns this migration does not know, which its rebuild of the table would drop with their values')
  expect(rows()).toEqual(before)
  expect(before).toEqual([{ id: 1, name: 'ann', x: 'precious' }, { id: 2, name: 'bob', x: 'kept' }])

  // Its offline script stops there too, run as its header says (better-sqlite3's exec stops at the first error, as `sqlite3 -bail`).
  const script = await runCliInProcess(project.dir, ['upgrade', '--sql'])
  expect(script.code).toBe(0)
  const db2 = new Database(project.file('data/app.sqlite'))
  try {
    expect(() => db2.exec(script.stdout)).toThrow('CHECK constraint failed: NameNullable1700000003000 fails here: "user" has columns this migration does not know')
  } finally {
    db2.close()
  }
  expect(rows()).toEqual(before)
})
