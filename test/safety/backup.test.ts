import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { allDialects, createMariaDbDatabase, createPostgresDatabase, postgresServer, type TestDatabase } from '../support/test-database'
import { type LockProject, lockProject, quick, slow } from './concurrent-upgrade'

// upgrade --backup copies the database before the first migration runs, to a new file the output names; the
// copy restores the rows from before the upgrade. A backup that cannot be written runs nothing. downgrade --backup
// copies it before the first migration is reverted.

describe.each(allDialects('backup'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let lock: LockProject
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliInProcess(lock.project.dir, args, env)
  beforeAll(async () => {
    db = await createDatabase()
    lock = await lockProject(db)
    lock.release()
    await db.query("INSERT INTO run_log (migration) VALUES ('before')")
  })
  afterAll(async () => {
    lock?.project.remove()
    await db?.drop()
  })

  /** restoredRuns restores the backup `file` into a database of its own and reads its run_log and migrations tables. */
  const restored = async (file: string): Promise<{ runs: string[]; migrationsTables: number }> => {
    if (label === 'sqlite') {
      const copy = new Database(file, { readonly: true })
      try {
        return {
          runs: (copy.prepare('SELECT migration FROM run_log ORDER BY id').all() as { migration: string }[]).map((r) => r.migration),
          migrationsTables: (copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'migrations'").get() as { n: number }).n,
        }
      } finally {
        copy.close()
      }
    }
    if (label === 'mariadb') {
      const target = await createMariaDbDatabase('restore')
      try {
        const restore = spawnSync('mariadb', ['-h', '127.0.0.1', '-u', 'root', (target.options as { database: string }).database], { input: readFileSync(file), encoding: 'utf8' })
        expect(restore.stderr).toBe('')
        const runs = (await target.query<{ migration: string }>('SELECT migration FROM run_log ORDER BY id')).map((r) => r.migration)
        const [{ n }] = await target.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'migrations'")
        return { runs, migrationsTables: Number(n) }
      } finally {
        await target.drop()
      }
    }
    const target = await createPostgresDatabase('restore')
    try {
      const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${(target.options as { database: string }).database}`, file], {
        env: { ...process.env, PGHOST: postgresServer.host, PGPORT: String(postgresServer.port), PGUSER: postgresServer.user }, encoding: 'utf8',
      })
      expect(restore.stderr).toBe('')
      const runs = (await target.query<{ migration: string }>('SELECT migration FROM run_log ORDER BY id')).map((r) => r.migration)
      const [{ n }] = await target.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'migrations'")
      return { runs, migrationsTables: Number(n) }
    } finally {
      await target.drop()
    }
  }

  it('refuses to overwrite a file, running nothing', async () => {
    const taken = lock.project.write('taken.bak', 'keep me')
    const run = await cli(['upgrade', '--backup', 'taken.bak'])
    expect(run.stderr).toBe(`typeorm-autogen: the backup file ${taken} exists already: name another with --backup PATH, or move that one away; nothing was run\n`)
    expect(run.code).toBe(2)
    expect(await lock.runs()).toEqual(['before'])
  })

  // `--backup backups/` wrote a file named backups; a file in a missing folder failed with the driver's words.
  it.each(['missing-folder/', 'missing-folder/before.bak'])('refuses --backup %s, a folder that does not exist, running nothing', async (path) => {
    const run = await cli(['upgrade', '--backup', path])
    expect(run.stderr).toBe(`typeorm-autogen: the folder ${lock.project.file('missing-folder')} for the backup does not exist: create it, or name another with --backup PATH; nothing was run\n`)
    expect(run.code).toBe(2)
    expect(existsSync(lock.project.file('missing-folder'))).toBe(false)
    expect(await lock.runs()).toEqual(['before'])
  })

  if (label === 'postgres') {
    it('says to install pg_dump when it is not on the PATH, running nothing and leaving no file', async () => {
      const run = await cli(['upgrade', '--backup', 'missing.dump'], { PATH: lock.project.file('no-such-folder') })
      expect(run.stderr).toBe('typeorm-autogen: --backup needs pg_dump, which is not on the PATH: install the PostgreSQL client tools (the postgresql-client package, the server\'s version or newer), or leave --backup out; nothing was run\n')
      expect(run.code).toBe(2)
      expect(existsSync(lock.project.file('missing.dump'))).toBe(false)
      expect(await lock.runs()).toEqual(['before'])
      expect(await lock.recorded()).toEqual([])
    })
  }

  it('backs up to PATH before the migrations run, and the backup restores the rows from before', async () => {
    const file = lock.project.file('before.bak')
    const run = await cli(['upgrade', '--backup', 'before.bak'])
    expect(run.stderr).toBe('')
    expect(afterDatabaseLine(run.stdout)).toMatch(new RegExp(`^Backed up the database to ${file}\\nApplied ${slow}.*\\nApplied ${quick}.*\\n`))
    expect(run.code).toBe(0)
    expect(await lock.runs()).toEqual(['before', slow, quick])
    expect(await restored(file)).toEqual({ runs: ['before'], migrationsTables: 0 })
  })

  it('backs up nothing when nothing is pending, and by default beside the SQLite file or in the current folder', async () => {
    const none = await cli(['upgrade', '--backup'])
    expect(afterDatabaseLine(none.stdout)).toBe('Up to date: no pending migrations.\n')
    expect((await cli(['downgrade', '--all'])).code).toBe(0)
    const run = await cli(['upgrade', '--backup'])
    const folder = label === 'sqlite' ? dirname((db.options as { database: string }).database) : lock.project.dir
    const base = label === 'sqlite' ? 'test\\.sqlite' : (db.options as { database: string }).database
    const [written] = readdirSync(folder).filter((f) => new RegExp(`^${base}\\.\\d{8}T\\d{6}Z\\.(backup|dump|sql)$`).test(f))
    expect(written).toBeDefined()
    expect(afterDatabaseLine(run.stdout)).toMatch(new RegExp(`^Backed up the database to ${join(folder, written!)}\\n`))
    expect(await restored(join(folder, written!))).toEqual({ runs: ['before'], migrationsTables: 1 })
  })

  it('downgrade backs up before the first revert, and the backup restores the rows and records from before', async () => {
    expect(await lock.runs()).toEqual(['before', slow, quick])
    const file = lock.project.file('before-downgrade.bak')
    const run = await cli(['downgrade', '--backup', 'before-downgrade.bak'])
    expect(run.stderr).toBe('')
    expect(afterDatabaseLine(run.stdout)).toMatch(new RegExp(`^Backed up the database to ${file}\\nReverted ${quick} .*\\n$`))
    expect(run.code).toBe(0)
    expect(await lock.runs()).toEqual(['before', slow])
    expect(await restored(file)).toEqual({ runs: ['before', slow, quick], migrationsTables: 1 })
  })

  it('downgrade backs up nothing when nothing is applied', async () => {
    expect((await cli(['downgrade', '--all'])).code).toBe(0)
    const run = await cli(['downgrade', '--backup', 'nothing.bak'])
    expect(afterDatabaseLine(run.stdout)).toBe('Nothing to revert: no migration is applied.\n')
    expect(run.code).toBe(0)
    expect(existsSync(lock.project.file('nothing.bak'))).toBe(false)
  })

  // A deploy script's mistyped folder was found only on the first deploy that had a migration to run.
  it.each(['downgrade', 'upgrade'])('%s refuses --backup into a folder that does not exist also when it has nothing to do', async (command) => {
    if (command === 'upgrade') expect((await cli(['upgrade'])).code).toBe(0)
    const run = await cli([command, '--backup', 'missing-folder/'])
    expect(run.stderr).toBe(`typeorm-autogen: the folder ${lock.project.file('missing-folder')} for the backup does not exist: create it, or name another with --backup PATH; nothing was run\n`)
    expect(run.code).toBe(2)
  })
})

