import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// autogen.keepDatabaseNames keeps the names a DBA gave (actor_pkey, actor_store_id_fkey...) where the entities'
// would be TypeORM's. A column renamed in the same table must not rename them all to TypeORM's names.

@Entity('store')
class Store {
  @PrimaryGeneratedColumn() id: number
}

@Entity('actor')
@Index(['lastName'])
@Check(`last_name <> ''`)
class Actor {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('first_name') @Column({ name: 'given_name', type: 'text' }) givenName: string
  @Column({ name: 'last_name', type: 'text' }) lastName: string
  @ManyToOne(() => Store) @JoinColumn({ name: 'store_id' }) store: Store
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('keptnames')
  await db.query(`CREATE TABLE store (id serial CONSTRAINT store_pkey PRIMARY KEY);
    CREATE TABLE actor (id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL CHECK (last_name <> ''),
      store_id integer REFERENCES store (id));
    CREATE INDEX actor_last_name_idx ON actor (last_name)`)
})
afterAll(async () => db?.drop())

it('renames the column alone, keeping the database names of the table\'s key, index, check and foreign key', async () => {
  const project = () => projectFor(db, [Store, Actor], { keepDatabaseNames: true })
  const before = postgresSchemaDump(db)
  const { comparison } = await generateMigration(project(), 'GivenName', 1_700_000_000_000)
  expect(comparison.up.map((op) => op.kind)).toEqual(['rename_column'])
  await upgrade(project())
  expect((await compareProject(project())).up).toEqual([])
  await downgrade(project())
  expect(postgresSchemaDump(db)).toEqual(before)
})
