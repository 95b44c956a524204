import { Column, Entity, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// hunt48 on traduora: ids kept as varchar(36) (TypeORM's `type: 'mysql'`) made MariaDB's native uuid (`type:
// 'mariadb'`), in down of a migration that went the other way. A value that is no uuid failed the ALTER after the
// migration had dropped every foreign key to the table, which MariaDB does not roll back: the database was left
// without them. Text made a number or a date alike. Each such value is now checked for before the first statement;
// bytes made a uuid are read as its 16 bytes, not as its text.

@Entity('tag')
class TagBefore {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
  @Column({ type: 'varchar', length: 20 }) uses: string
  @Column({ type: 'varchar', length: 30, nullable: true }) seen: string | null
  @Column({ type: 'binary', length: 16, nullable: true }) origin: Buffer | null
}

@Entity('note')
class NoteBefore {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => TagBefore, { nullable: true }) tag: TagBefore | null
}

@Entity('tag')
class TagAfter {
  @PrimaryColumn({ type: 'uuid' }) id: string
  @Column({ type: 'int' }) uses: number
  @Column({ type: 'datetime', nullable: true }) seen: Date | null
  @Column({ type: 'uuid', nullable: true }) origin: string | null
}

@Entity('note')
class NoteAfter {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => TagAfter, { nullable: true }) tag: TagAfter | null
}

const schemaQuery = `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE ty FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations'
  UNION ALL SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2`

describe('MariaDB: text made a uuid, a number or a date, with values that do not convert', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('cast_guards')
    await migrateTo(db, [TagBefore, NoteBefore], 'Init')
    await db.query("INSERT INTO tag (id, uses, seen, origin) VALUES ('7d9f0a52-3a3b-4e3e-9d1c-2f0b6e1c4a10', '12', '2024-05-01 10:00:00', UNHEX('123e4567e89b12d3a456426655440000')), ('legacy-1', 'x12', 'yesterday', NULL)")
    await db.query("INSERT INTO note (tagId) VALUES ('legacy-1'), (NULL)")
  })
  afterAll(async () => db?.drop())

  it('fails before its first statement, naming each column in turn, and runs once the values convert', async () => {
    const schemaBefore = await db.query(schemaQuery)
    const project = projectFor(db, [TagAfter, NoteAfter])
    await generateMigration(project, 'NativeTypes', 1_800_000_000_000)
    const failureFor = async (): Promise<string | undefined> => {
      const failure = await upgrade(projectFor(db, [TagAfter, NoteAfter])).then(() => undefined, (error: Error) => error.message)
      expect(await db.query(schemaQuery)).toEqual(schemaBefore)
      return failure
    }
    expect(await failureFor()).toContain('rows of "note"."tagId" hold values that do not convert to uuid: change them first (outside strict mode the server would silently write NULL in their place)')
    await db.query("UPDATE note SET tagId = NULL WHERE tagId = 'legacy-1'")
    expect(await failureFor()).toContain('rows of "tag"."id" hold values that do not convert to uuid')
    await db.query("UPDATE tag SET id = '0b6e1c4a-2f0b-4e3e-9d1c-7d9f0a523a3b' WHERE id = 'legacy-1'")
    expect(await failureFor()).toContain('rows of "tag"."seen" hold values that do not convert to datetime: change them first (outside strict mode the server would silently write a zero date or time in their place)')
    await db.query("UPDATE tag SET seen = NULL WHERE seen = 'yesterday'")
    expect(await failureFor()).toContain('rows of "tag"."uses" hold values that do not convert to int: change them first (outside strict mode the server would silently write 0 in their place)')
    await db.query("UPDATE tag SET uses = '12' WHERE uses = 'x12'")

    expect(await upgrade(projectFor(db, [TagAfter, NoteAfter]))).toEqual(['NativeTypes1800000000000'])
    expect(await pendingChanges(db, [TagAfter, NoteAfter])).toEqual([])
    expect(await db.query('SELECT id, uses, seen, origin FROM tag ORDER BY seen DESC')).toEqual([
      { id: '7d9f0a52-3a3b-4e3e-9d1c-2f0b6e1c4a10', uses: 12, seen: '2024-05-01 10:00:00', origin: '123e4567-e89b-12d3-a456-426655440000' },
      { id: '0b6e1c4a-2f0b-4e3e-9d1c-7d9f0a523a3b', uses: 12, seen: null, origin: null },
    ])
    // Down makes them text again, which every value converts to.
    await revertLast(db, [TagAfter, NoteAfter])
    expect(await db.query(schemaQuery)).toEqual(schemaBefore)
  })
})
