import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { createMariaDbDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// An entity's options on how its table keeps its rows, `withoutRowid` (SQLite) and `engine` (MySQL), changed on an
// existing table: they were compared nowhere, so `check` passed and nothing was migrated. SQLite rebuilds the
// table, MariaDB alters its engine; the rows stay, and `down` puts the old option back.

@Entity('kv')
class KvWithRowid {
  @PrimaryColumn() k: string
  @Column() v: string
}

@Entity('kv', { withoutRowid: true })
class KvWithoutRowid {
  @PrimaryColumn() k: string
  @Column() v: string
}

@Entity('kv', { engine: 'InnoDB' })
class KvInnoDb {
  @PrimaryColumn({ length: 100 }) k: string
  @Column() v: string
}

@Entity('kv', { engine: 'myisam' })
class KvMyIsam {
  @PrimaryColumn({ length: 100 }) k: string
  @Column() v: string
}

@Entity('kv', { engine: 'MyISAM' })
@Index('IDX_v', ['v'])
class KvMyIsamIndexed {
  @PrimaryColumn({ length: 100 }) k: string
  @Column() v: string
}

@Entity('kv', { engine: 'MyISAM' })
class KvMyIsamEdited {
  @PrimaryColumn({ length: 100 }) k: string
  @Column() v: string
  @Column({ type: 'int', nullable: true }) n: number | null
}

const rows = 'SELECT k, v FROM kv ORDER BY k'

describe('sqlite', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createSqliteDatabase() })
  afterAll(async () => db?.drop())

  it('rebuilds a table made WITHOUT ROWID, keeps its rows, and rebuilds it back', async () => {
    await migrateTo(db, [KvWithRowid], 'Init')
    await db.query(`INSERT INTO kv (k, v) VALUES ('a', '1'), ('b', '2')`)
    const tableSql = 'SELECT sql FROM sqlite_master WHERE name = \'kv\''
    const { up } = await migrateTo(db, [KvWithoutRowid], 'WithoutRowid')
    expect(up.map((op) => op.kind)).toEqual(['alter_table_options'])
    expect((await db.query<{ sql: string }>(tableSql))[0]!.sql).toMatch(/\) WITHOUT ROWID$/)
    expect(await pendingChanges(db, [KvWithoutRowid])).toEqual([])
    expect(await db.query(rows)).toEqual([{ k: 'a', v: '1' }, { k: 'b', v: '2' }])

    await revertLast(db, [KvWithoutRowid])
    expect((await db.query<{ sql: string }>(tableSql))[0]!.sql).not.toMatch(/WITHOUT ROWID/)
    expect(await pendingChanges(db, [KvWithRowid])).toEqual([])
    expect(await db.query(rows)).toEqual([{ k: 'a', v: '1' }, { k: 'b', v: '2' }])
  })
})

describe('mariadb', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createMariaDbDatabase('table_options') })
  afterAll(async () => db?.drop())

  it('alters a table to the engine its entity names (in any case), keeps its rows, and alters it back', async () => {
    await migrateTo(db, [KvInnoDb], 'Init')
    await db.query(`INSERT INTO kv (k, v) VALUES ('a', '1'), ('b', '2')`)
    const before = await mariadbSchemaDump(db)
    const engine = "SELECT ENGINE AS engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'kv'"
    const { up, source } = await migrateTo(db, [KvMyIsam], 'MyIsam')
    expect(up.map((op) => op.kind)).toEqual(['alter_table_options'])
    expect(source).toContain('ENGINE=myisam')
    expect(await db.query(engine)).toEqual([{ engine: 'MyISAM' }])
    expect(await pendingChanges(db, [KvMyIsam])).toEqual([])
    expect(await db.query(rows)).toEqual([{ k: 'a', v: '1' }, { k: 'b', v: '2' }])

    await revertLast(db, [KvMyIsam])
    expect(await mariadbSchemaDump(db)).toEqual(before)
    expect(await pendingChanges(db, [KvInnoDb])).toEqual([])
  })

  // ALTER TABLE ... ALGORITHM=INPLACE or INSTANT is InnoDB's: a MyISAM table's index dropped or column added
  // got those clauses, and MariaDB refused the migration ("ALGORITHM=INPLACE is not supported").
  it('changes a MyISAM table, which the server copies, with no ALGORITHM InnoDB alone takes, and changes it back', async () => {
    const myIsam = await createMariaDbDatabase('myisam_edits')
    try {
      await migrateTo(myIsam, [KvMyIsamIndexed], 'Init')
      await myIsam.query(`INSERT INTO kv (k, v) VALUES ('a', '1')`)
      const before = await mariadbSchemaDump(myIsam)
      const { source } = await migrateTo(myIsam, [KvMyIsamEdited], 'Edited')
      expect(source).not.toMatch(/ALGORITHM=(INPLACE|INSTANT)/)
      expect(source).toContain('TABLE_REBUILD')
      expect(await pendingChanges(myIsam, [KvMyIsamEdited])).toEqual([])
      await revertLast(myIsam, [KvMyIsamEdited])
      expect(await mariadbSchemaDump(myIsam)).toEqual(before)
    } finally {
      await myIsam.drop()
    }
  })
})
