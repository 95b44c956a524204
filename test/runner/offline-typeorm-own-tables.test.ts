import { runCliInProcess } from '../support/run-cli'
import { runScript } from '../support/run-script'
import { type TempProject, tempProject } from '../support/temp-project'
import { bothDialects, type TestDatabase } from '../support/test-database'

// A project that came from TypeORM 0.2, whose runner made no typeorm_metadata table, created it in a migration of
// its own, asking first whether it exists (connext/indra's typeormSync: `createTable(new Table(...), true)`).
// With a view among the entities, TypeORM's runner now creates that table before the first migration, and so
// does the script of `upgrade --sql`; but every query recorded gets no rows, so hasTable answered no there, the
// migration's CREATE TABLE was written too, and the script failed on it (`relation "typeorm_metadata" already
// exists`) where `upgrade` runs. TypeORM's own tables, which the script has made or the database has, exist.

const entities = `
import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar' }) text: string
}
@ViewEntity({ name: 'note_text', expression: 'SELECT "text" FROM "note"' })
export class NoteText {
  @ViewColumn() text: string
}
`

const migration = `
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm'
export class TypeormSync1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const metadataTable = queryRunner.connection.driver.buildTableName('typeorm_metadata', undefined, undefined)
    await queryRunner.createTable(new Table({
      name: metadataTable,
      columns: [
        { name: 'type', type: 'varchar', isNullable: false },
        { name: 'database', type: 'varchar', isNullable: true },
        { name: 'schema', type: 'varchar', isNullable: true },
        { name: 'table', type: 'varchar', isNullable: true },
        { name: 'name', type: 'varchar', isNullable: true },
        { name: 'value', type: 'text', isNullable: true },
      ],
    }), true)
    await queryRunner.query('CREATE TABLE "note" ("id" integer PRIMARY KEY, "text" varchar NOT NULL)')
    await queryRunner.query('CREATE VIEW "note_text" AS SELECT "text" FROM "note"')
    await queryRunner.query(\`INSERT INTO "\${metadataTable}" ("type", "name", "value") VALUES ('VIEW', 'note_text', 'SELECT "text" FROM "note"')\`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW "note_text"')
    await queryRunner.query('DROP TABLE "note"')
  }
}
`

describe.each(bothDialects('offline_own'))('on %s', (_label, createDatabase) => {
  let project: TempProject
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
    project = tempProject({ 'note.ts': entities, 'migrations/1700000000000-TypeormSync.ts': migration })
    project.write('ormconfig.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Note, NoteText } from './note'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note, NoteText], migrations: ['migrations/*.ts'] })`,
    ].join('\n'))
  })
  afterEach(async () => {
    project.remove()
    await db.drop()
  })

  it('writes a script that runs where upgrade runs, the migration finding the table the script made', async () => {
    const script = await runCliInProcess(project.dir, ['upgrade', '--sql'])
    expect(script.code).toBe(0)
    expect(script.stdout.match(/CREATE TABLE "typeorm_metadata"/g)).toHaveLength(1)
    runScript(db, script.stdout)
    expect(await db.query('SELECT "text" FROM "note_text"')).toEqual([])
  })
})
