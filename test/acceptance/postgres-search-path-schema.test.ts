import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { recordedState, upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// TypeORM puts the tables of a DataSource without `schema`, and its migrations table, in the connection's
// current_schema(): the first schema of its search_path that exists, which a database, a role or the
// DataSource's connection options may set to another schema than public. Reading them in public, `check`
// found every table of a database synchronize() built missing, and the migrations table unmade.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column('varchar') name: string
  @Column({ type: 'enum', enum: ['low', 'high'], default: 'low' }) level: string
}

@Entity('account')
class AccountWithEmail {
  @PrimaryGeneratedColumn() id: number
  @Column('varchar') name: string
  @Column({ type: 'enum', enum: ['low', 'high', 'top'], default: 'low' }) level: string
  @Column({ type: 'varchar', nullable: true }) email: string | null
}

@ViewEntity({ name: 'high_account', expression: `SELECT id, name FROM account WHERE level = 'high'` })
class HighAccount {
  @ViewColumn() id: number
  @ViewColumn() name: string
}

const before = [Account, HighAccount]
const after = [AccountWithEmail, HighAccount]

/** Where each way of setting the search_path puts it, on a database that has the schema `app`. */
const searchPathSetBy: readonly [string, (db: TestDatabase) => Promise<TestDatabase>][] = [
  ['the database', async (db) => {
    await db.query(`ALTER DATABASE "${db.options.database as string}" SET search_path = app, public`)
    return db
  }],
  ['the DataSource\'s extra options', async (db) => ({ ...db, options: { ...db.options, extra: { options: '-c search_path=app,public' } } as typeof db.options })],
  ['the url\'s options', async (db) => {
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    const url = `postgres://${username}@${host}:${port}/${database}?options=${encodeURIComponent('-c search_path=app,public')}`
    return { ...db, options: { type: 'postgres', url } }
  }],
]

const relations = (db: TestDatabase) =>
  db.query(`SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v') AND n.nspname IN ('app', 'public') ORDER BY 1`)

describe.each(searchPathSetBy)('search_path = app, public set by %s', (_, setSearchPath) => {
  const made: TestDatabase[] = []
  const databaseWithPath = async (): Promise<TestDatabase> => {
    const db = await createPostgresDatabase('search_path_schema')
    made.push(db)
    await db.query('CREATE SCHEMA app')
    return setSearchPath(db)
  }
  afterAll(async () => {
    for (const db of made) await db.drop()
  })

  it('finds a database synchronize() built in app as matching its entities', async () => {
    const db = await databaseWithPath()
    await synchronizeWithTypeorm(db, before)
    expect(await relations(db)).toEqual([{ name: 'app.account' }, { name: 'app.high_account' }, { name: 'app.typeorm_metadata' }])
    expect(await pendingChanges(db, before)).toEqual([])
  })

  it('migrates in app, reads the migrations table where TypeORM keeps it, and reverts an edit', async () => {
    const db = await databaseWithPath()
    await migrateTo(db, before, 'Init')
    expect(await relations(db)).toEqual([{ name: 'app.account' }, { name: 'app.high_account' }, { name: 'app.migrations' }, { name: 'app.typeorm_metadata' }])
    await db.query(`INSERT INTO app.account (name, level) VALUES ('ann', 'high'), ('bob', 'low')`)
    const { source } = await expectCleanCycle(db, before, after, 'Email', 'SELECT id, name, level::text FROM app.account ORDER BY id')
    expect(source).toContain('ALTER TABLE "app"."account" ADD "email" varchar')
    expect(await upgrade(projectFor(db, after))).toHaveLength(1)
    const typeorm = projectFor(db, after).dataSource
    await typeorm.initialize()
    const { applied } = await recordedState(typeorm).finally(() => typeorm.destroy())
    const comparison = await compareProject(projectFor(db, after))
    expect(comparison.up).toEqual([])
    expect([...comparison.history.applied].sort()).toEqual([...applied].sort())
    expect(applied).toHaveLength(2)
  })
})

it('says what to do when no schema of the search_path exists and the DataSource gives none', async () => {
  const created = await createPostgresDatabase('search_path_schema')
  try {
    const db = { ...created, options: { ...created.options, extra: { options: '-c search_path=nowhere' } } as typeof created.options }
    await expect(pendingChanges(db, before)).rejects.toThrow(/no schema of the connection's search_path exists.*create the schema the search_path names, or set the DataSource's schema/)
  } finally {
    await created.drop()
  }
})
