import 'reflect-metadata'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm-0.3'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { LoadedProject } from '../../src/source/load-config'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// TypeORM 0.3's `width` is a display width its MySQL driver writes where the column has no length: `type: 'tinyint',
// width: 1` is `tinyint(1)`, which drivers such as JDBC's read as a boolean, and a `zerofill` column pads its values
// to its width (`int(6) zerofill` shows 42 as 000042). The tool left `width` out, so the
// migration it wrote made `tinyint` (`tinyint(4)` on MariaDB), where TypeORM's synchronize makes `tinyint(1)`, and
// found no difference between the two; a zerofill column lost its width too. Found on APITable's room-server (`is_template`, `alarm_status`). TypeORM 1.x
// removed the option.

@Entity('asset')
class Asset {
  @PrimaryColumn('bigint') id: string
  @Column({ name: 'is_template', type: 'tinyint', width: 1, default: 0 }) isTemplate: number
  @Column({ type: 'tinyint', width: 2 }) kind: number
  @Column({ type: 'int', width: 5, nullable: true }) level: number
  @Column({ type: 'int', width: 6, zerofill: true, nullable: true }) code: number
  @Column({ type: 'smallint', zerofill: true, nullable: true }) rank: number
}

function project(db: TestDatabase): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  return {
    dataSource: new DataSource({ ...db.options, entities: [Asset], migrations: [join(migrationsDir, '*.ts')], logging: false } as never) as never,
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(test)',
  }
}

const columnTypes = (db: TestDatabase) =>
  db.query("SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'asset' ORDER BY ORDINAL_POSITION")

describe('MariaDB: display widths (TypeORM 0.3)', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('displaywidth')
  })
  afterAll(async () => db?.drop())

  it('makes a tinyint of width 1 and a zerofill width as TypeORM does, and sees one made without it', async () => {
    const result = await generateMigration(project(db), 'Init', 1_700_000_001_000)
    expect(result.file).toBeDefined()
    await upgrade(project(db))
    expect(await columnTypes(db)).toEqual([
      { name: 'id', type: 'bigint(20)' },
      { name: 'is_template', type: 'tinyint(1)' },
      { name: 'kind', type: 'tinyint(4)' },
      { name: 'level', type: 'int(11)' },
      { name: 'code', type: 'int(6) unsigned zerofill' },
      { name: 'rank', type: 'smallint(5) unsigned zerofill' },
    ])
    expect((await compareProject(project(db))).up).toEqual([])

    await db.query('INSERT INTO asset (id, is_template, kind) VALUES (1, 1, 3)')
    await db.query('ALTER TABLE asset MODIFY COLUMN is_template tinyint NOT NULL DEFAULT 0')
    expect((await compareProject(project(db))).up.map((op) => op.kind)).toEqual(['alter_column'])
    // A display width stores nothing: MariaDB changes it instantly, and no value is converted.
    const widened = await generateMigration(project(db), 'Width', 1_700_000_002_000)
    const source = readFileSync(widened.file!, 'utf8')
    expect(source).toContain("tinyint(1) NOT NULL DEFAULT '0', ALGORITHM=INSTANT")
    expect(source).not.toMatch(/TYPE_CHANGE_REWRITE|TABLE_REBUILD/)
    await upgrade(project(db))
    expect((await compareProject(project(db))).up).toEqual([])
    expect(await db.query('SELECT id, is_template, kind FROM asset')).toEqual([{ id: '1', is_template: 1, kind: 3 }])
    await downgrade(project(db))
    await downgrade(project(db))
    expect(await db.query("SHOW TABLES LIKE 'asset'")).toEqual([])
  })
})
