import 'reflect-metadata'
import { Column, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { ColumnModel, SchemaModel } from '../../../src/model/schema-model'
import { createPgDatabase, entitiesOnDatabase, type PgTestDatabase } from './pg-test-database'
import { runCliInProcess } from '../../support/run-cli'
import { tempProject } from '../../support/temp-project'
import { createPostgresDatabase } from '../../support/test-database'
import { typeormProposes } from '../../support/migration-cycle'

@Entity('document')
class Document {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'text' }) body: string
}

@Entity('session')
class Session {
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_generate_v4()' }) id: string
}

@Entity('token')
class Token {
  @PrimaryGeneratedColumn('uuid') id: string
}

// Hand-written migrations (and TypeORM's with `uuidExtension: 'pgcrypto'`) make uuid keys with
// gen_random_uuid(), built into PostgreSQL 13 and later; TypeORM's own schema builder reads it, and every
// uuid_generate_vN(), as its uuid generation, so an entity that leaves the generator to TypeORM matches.
describe('postgres: a uuid key whose generator the entity leaves to TypeORM', () => {
  let db: PgTestDatabase
  let dataSource: DataSource
  let desired: SchemaModel
  let actual: SchemaModel

  beforeAll(async () => {
    db = await createPgDatabase('uuid_gen')
    await db.exec(`CREATE EXTENSION "uuid-ossp";
      CREATE TABLE document (id uuid NOT NULL DEFAULT gen_random_uuid(), body text NOT NULL, CONSTRAINT "PK_document" PRIMARY KEY (id));
      CREATE TABLE session (id uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_session" PRIMARY KEY (id));
      CREATE TABLE token (id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'::uuid, CONSTRAINT "PK_token" PRIMARY KEY (id))`)
    ;({ dataSource, desired, actual } = await entitiesOnDatabase(db, [Document, Session, Token], false))
  })
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  const idOf = (model: SchemaModel, table: string): ColumnModel =>
    model.tables.find((t) => t.name === table)!.columns.find((c) => c.name === 'id')!

  async function reconciled(): Promise<SchemaModel> {
    const connection = await db.connect()
    try {
      return await postgresDialect.reconcile!(desired, actual, connection)
    } finally {
      await connection.close()
    }
  }

  it('takes the database\'s gen_random_uuid() where TypeORM would write uuid_generate_v4(), as TypeORM\'s schema builder does', async () => {
    expect(await typeormProposes(db, [Document])).toEqual([])
    expect(idOf(desired, 'document').default).toBe('uuid_generate_v4()')
    const id = idOf(await reconciled(), 'document')
    expect(id.default).toBe('gen_random_uuid()')
    expect(id).toEqual(expect.objectContaining({ default: idOf(actual, 'document').default, generated: { kind: 'uuid' } }))
  })

  it('takes it for a key column renamed by a stated rename, from the column it comes from', async () => {
    const renamed = { ...desired, tables: desired.tables.map((t) => (t.name === 'document' ? { ...t, columns: t.columns.map((c) => (c.name === 'id' ? { ...c, name: 'uid' } : c)) } : t)) }
    const connection = await db.connect()
    try {
      const model = await postgresDialect.reconcile!(renamed, actual, connection, undefined, (table, column) => (table.name === 'document' && column === 'uid' ? 'id' : undefined))
      expect(model.tables.find((t) => t.name === 'document')!.columns.find((c) => c.name === 'uid')!.default).toBe('gen_random_uuid()')
    } finally {
      await connection.close()
    }
  })

  it('keeps a generator the entity declares itself, and a default that generates no uuid', async () => {
    const model = await reconciled()
    expect(idOf(model, 'session').default).toBe('uuid_generate_v4()')
    expect(idOf(model, 'token').default).toBe('uuid_generate_v4()')
  })
})

// A database whose uuid keys default to gen_random_uuid() and that has no uuid-ossp (its user may not install
// extensions: TypeORM only tries as it connects, and goes on without it): check asked for CREATE EXTENSION
// "uuid-ossp", which nothing would use, on every run (legacy38, on a hand-written schema).
describe('postgres: uuid keys on gen_random_uuid() without uuid-ossp', () => {
  it('check finds nothing to change, and an entity that names uuid_generate_v4() still asks for the extension', async () => {
    const db = await createPostgresDatabase('uuid_no_ossp')
    const config = `import { DataSource } from 'typeorm'\nexport default new DataSource({ ...${JSON.stringify(db.options)}, entities: ['entities/*.ts'] })\n`
    const project = tempProject({
      'ormconfig.ts': config,
      'entities/document.ts': "import { Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('document') export class Document { @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'document_pkey' }) id: string }\n",
    })
    try {
      await db.query('CREATE TABLE document (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY)')
      const checked = await runCliInProcess(project.dir, ['check'])
      expect(checked.stdout).not.toContain('uuid-ossp')
      expect(checked.code).toBe(0)
      project.write('entities/session.ts', "import { Entity, PrimaryColumn } from 'typeorm'\n@Entity('session') export class Session { @PrimaryColumn({ type: 'uuid', default: () => 'uuid_generate_v4()', primaryKeyConstraintName: 'session_pkey' }) id: string }\n")
      expect((await runCliInProcess(project.dir, ['diff'])).stdout).toContain('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"')
    } finally {
      project.remove()
      await db.drop()
    }
  })
})
