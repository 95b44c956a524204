import { readdirSync } from 'node:fs'
import { createConnection } from 'mysql2/promise'
import { Client } from 'pg'
import { afterDatabaseLine, runBuiltCli } from '../support/run-cli'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, mariadbServer, postgresServer } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// A user who may read the entity table but not TypeORM's migrations table (a PostgreSQL role with no privilege
// on it, a MariaDB user granted SELECT on `note` only), through the built CLI: information_schema hides the
// table from such a user, and the commands took every migration for pending. They now stop with one line
// (exit 2), writing and changing nothing; where there is no migrations table, the user is told as before.

const [init, addViews, dropText, backfill] = names

/** LimitedUser is a login of the test database's server with no rights in it until granted SELECT on table `note`. */
interface LimitedUser {
  readonly name: string
  grantNote(): Promise<void>
  drop(): Promise<void>
}

const userName = () => `autogen_mtable_${process.pid}_${Math.random().toString(36).slice(2, 8)}`

async function limitedPostgresUser(db: TestDatabase): Promise<LimitedUser> {
  const name = userName()
  await db.query(`CREATE ROLE "${name}" LOGIN`)
  return {
    name,
    grantNote: async () => void await db.query(`GRANT SELECT ON note TO "${name}"`),
    async drop() {
      // The grant on `note` goes with its database; where that is still there, it is revoked first.
      await db.query(`REVOKE ALL ON note FROM "${name}"`).catch(() => undefined)
      const admin = new Client({ ...postgresServer, database: 'postgres' })
      await admin.connect()
      try {
        await admin.query(`DROP ROLE IF EXISTS "${name}"`)
      } finally {
        await admin.end()
      }
    },
  }
}

async function limitedMariaDbUser(db: TestDatabase): Promise<LimitedUser> {
  const name = userName()
  const database = (db.options as { database: string }).database
  const admin = async (sql: string) => {
    const connection = await createConnection({ ...mariadbServer })
    try {
      await connection.query(sql)
    } finally {
      await connection.end()
    }
  }
  await admin(`CREATE USER '${name}'@'%'`)
  return {
    name,
    grantNote: () => admin(`GRANT SELECT ON \`${database}\`.\`note\` TO '${name}'@'%'`),
    drop: () => admin(`DROP USER IF EXISTS '${name}'@'%'`),
  }
}

const cases: Array<[string, (prefix: string) => Promise<TestDatabase>, (db: TestDatabase) => Promise<LimitedUser>, (user: string) => string]> = [
  ['postgres', createPostgresDatabase, limitedPostgresUser, (user) =>
    `typeorm-autogen: the migrations table "migrations" exists but user "${user}" cannot read it (permission denied): ` +
    'grant SELECT on it (and INSERT, DELETE to run migrations), or connect as its owner\n'],
  ['mariadb', createMariaDbDatabase, limitedMariaDbUser, (user) =>
    `typeorm-autogen: user "${user}" cannot read the migrations table "migrations" (permission denied; the server does not tell such a user whether it exists): ` +
    'grant SELECT on it (and CREATE, INSERT, DELETE to run migrations), or connect as a user who can\n'],
]

describe.each(cases)('on %s', (label, createDatabase, limitedUser, refusal) => {
  const fixture = runnerFixture(() => createDatabase('mtable'))
  const user = {} as { limited: LimitedUser }
  const limited = (...args: string[]) => fixture.runner.cli(...args, '--config', 'limited.ts')
  const migrationFiles = () => readdirSync(fixture.runner.project.file('migrations')).sort()

  beforeAll(async () => {
    user.limited = await limitedUser(fixture.db)
    fixture.runner.project.write('limited.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify({ ...fixture.db.options, username: user.limited.name })}, entities: [Note], migrations: ['migrations/*.ts'] })`,
    ].join('\n'))
  })
  afterAll(async () => {
    await user.limited?.drop()
  })

  it('status, current, upgrade --sql, check and generate refuse a user who cannot read the migrations table, changing nothing', async () => {
    expect((await fixture.runner.cli('upgrade', '--to', 'AddViews')).code).toBe(0)
    await user.limited.grantNote()
    const files = migrationFiles()
    for (const args of [['status'], ['current', '--format', 'json'], ['upgrade', '--sql'], ['check'], ['generate', 'Next']]) {
      const run = await limited(...args)
      expect({ args, code: run.code, stdout: afterDatabaseLine(run.stdout), stderr: run.stderr.replace(/^Database: .*\n/, '') })
        .toEqual({ args, code: 2, stdout: '', stderr: refusal(user.limited.name) })
    }
    expect(migrationFiles()).toEqual(files)
    expect(await fixture.runner.recorded()).toEqual([init, addViews])
    const status = await fixture.runner.cli('status')
    expect(afterDatabaseLine(status.stdout)).toBe(`[applied] ${init}\n[applied] ${addViews}\n[pending] ${dropText}\n[pending] ${backfill}\n`)
  })

  it('where there is no migrations table, the user is told none is applied where the server says so, refused where it does not', async () => {
    await fixture.db.query('DROP TABLE migrations')
    const status = await limited('status')
    if (label === 'postgres') {
      expect(status.code).toBe(0)
      expect(afterDatabaseLine(status.stdout)).toBe(names.map((name) => `[pending] ${name}\n`).join(''))
    } else {
      // MariaDB refuses a user with no rights on a table alike whether it exists or not.
      expect(status.code).toBe(2)
      expect(status.stderr).toContain(refusal(user.limited.name))
    }
  })
})

describe('a DataSource that logs errors, on postgres', () => {
  const fixture = runnerFixture(() => createPostgresDatabase('mtablelog'))

  // The migrations table of a new database is absent, and its probe fails as expected: TypeORM's logger
  // printed that failure (`query failed: SELECT 1 FROM "migrations" ...`) on every first upgrade.
  it('prints no failed probe of the absent migrations table, and still logs a failing migration', async () => {
    fixture.runner.project.write('logging.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify(fixture.db.options)}, logging: ['error'], entities: [Note], migrations: ['migrations/*.ts'] })`,
    ].join('\n'))
    await fixture.db.query('DROP TABLE IF EXISTS migrations')
    // TypeORM's logger colours what it prints where it takes the output for a terminal's (with CI=true, say).
    const upgrade = runBuiltCli(fixture.runner.project.dir, ['upgrade', '--to', 'AddViews', '--config', 'logging.ts'])
    expect({ code: upgrade.code, stdout: upgrade.stdout, stderr: upgrade.stderr }).toEqual({ code: 0, stdout: expect.any(String), stderr: expect.any(String) })
    expect((upgrade.stdout + upgrade.stderr).replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('query failed')
    expect(await fixture.runner.recorded()).toEqual([init, addViews])
    // A query that fails in a migration is still the logger's to print.
    await fixture.db.query('ALTER TABLE note DROP COLUMN text')
    const failing = runBuiltCli(fixture.runner.project.dir, ['upgrade', '--config', 'logging.ts'])
    expect(failing.code).toBe(2)
    expect((failing.stdout + failing.stderr).replace(/\u001b\[[0-9;]*m/g, '')).toContain('query failed: ALTER TABLE "public"."note" DROP COLUMN "text"')
  })
})
