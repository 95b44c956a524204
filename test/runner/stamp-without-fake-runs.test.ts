import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm'
import { stamp } from '../../src/runner/stamp'
import type { LoadedProject } from '../../src/source/load-config'
import { bothDialects, type TestDatabase } from '../support/test-database'

// TypeORM before 0.3.8 has no fake run: runMigrations ignores `fake` and runs every migration. stamp, which records
// the migrations without running them, ran them on the live database: adopting UniqueNetwork's marketplace (TypeORM
// 0.3.7), `stamp Init` failed with "type ... already exists" in Init's up, and a migration whose up succeeds would
// have changed the database. TypeORM's runMigrations is put back here as those versions have it.

class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE note (id integer PRIMARY KEY)') }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP TABLE note') }
}

class AddTag1700000001000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE tag (id integer PRIMARY KEY)') }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP TABLE tag') }
}

const ownRunMigrations = Object.getOwnPropertyDescriptor(DataSource.prototype, 'runMigrations')!
beforeAll(() => {
  DataSource.prototype.runMigrations = function (this: DataSource, options?: { transaction?: 'all' | 'none' | 'each' }) {
    return (ownRunMigrations.value as DataSource['runMigrations']).call(this, { transaction: options?.transaction })
  }
})
afterAll(() => Object.defineProperty(DataSource.prototype, 'runMigrations', ownRunMigrations))

describe.each(bothDialects('stamp_no_fake'))('%s', (_label, create) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await create()
  })
  afterEach(async () => db?.drop())

  const project = (): LoadedProject => ({
    dataSource: new DataSource({ ...db.options, migrations: [Init1700000000000, AddTag1700000001000], logging: false } as never),
    settings: {},
    migrationsDir: db.dir,
    migrationsInSubfolders: false,
    configPath: '(test)',
  })

  it('records the migrations up to NAME and runs none of them', async () => {
    const result = await stamp(project(), 'AddTag', () => Promise.resolve(true))
    expect(result).toMatchObject({ target: 'AddTag1700000001000', recorded: ['Init1700000000000', 'AddTag1700000001000'], refused: false })
    expect((await db.query('SELECT name FROM migrations ORDER BY timestamp')).map((row) => row.name)).toEqual(['Init1700000000000', 'AddTag1700000001000'])
    for (const table of ['note', 'tag']) {
      await expect(db.query(`SELECT * FROM ${table}`)).rejects.toThrow()
    }
  })
})
