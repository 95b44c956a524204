import * as fs from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { downUnderLooseSqlMode, upUnderLooseSqlMode } from '../support/loose-sql-mode'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Outside strict mode MariaDB takes an ALTER that makes a TEXT or BLOB column a smaller one (mediumtext made text)
// and cuts the values longer than its bytes to that length, with a warning only; in strict mode it refuses it. The
// migration checks first, whichever way it runs, and fails changing nothing. TYPE_NARROWING counts the values it
// checks for, by their bytes: it counted every non-null value (on taozhi1010/nest-admin, a notice's longtext made text
// said "2 non-null values" where one was past 65,535 bytes).

@Entity('note')
class NoteSmall {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
  @Column({ type: 'tinyblob', nullable: true }) thumbnail: Buffer | null
}

@Entity('note')
class NoteLarge {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'mediumtext' }) body: string
  @Column({ type: 'mediumblob', nullable: true }) thumbnail: Buffer | null
}

const rowsQuery = 'SELECT id, CHAR_LENGTH(body) AS body, LENGTH(thumbnail) AS thumbnail FROM note ORDER BY id'

describe('outside strict mode, a migration making TEXT and BLOB columns smaller', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('nonstrict_lob')
  })
  afterEach(async () => db?.drop())

  it('fails in up before its ALTER while a value is longer than the smaller type takes', async () => {
    await migrateTo(db, [NoteLarge], 'Init')
    await db.query("INSERT INTO note (body, thumbnail) VALUES (REPEAT('é', 40000), NULL), ('short', REPEAT('b', 300))")
    const rowsBefore = await db.query(rowsQuery)
    const { file } = await generateMigration(projectFor(db, [NoteSmall]), 'Smaller', 1_800_000_000_000)
    const hazards = fs.readFileSync(file!, 'utf8').split('\n').filter((line) => line.includes('// hazard TYPE_NARROWING'))
    expect(hazards).toEqual([
      expect.stringContaining('Changes "note"."body" from mediumtext to text, which may truncate, round or reject the values that do not fit (1 row is longer than 65,535 bytes)'),
      expect.stringContaining('Changes "note"."thumbnail" from mediumblob to tinyblob, which may truncate, round or reject the values that do not fit (1 row is longer than 255 bytes)'),
    ])
    await expect(upUnderLooseSqlMode(db, file!)).rejects.toThrow('rows of "note"."body" hold values longer than the 65535 bytes text takes: shorten them first')
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)
    expect(await pendingChanges(db, [NoteLarge])).toEqual([])
  })

  it('fails in down, changing nothing, while a value written since up is longer than the smaller type takes', async () => {
    await migrateTo(db, [NoteSmall], 'Init')
    const { file } = await generateMigration(projectFor(db, [NoteLarge]), 'Larger', 1_800_000_000_000)
    await upgrade(projectFor(db, [NoteLarge]))
    await db.query("INSERT INTO note (body, thumbnail) VALUES ('short', REPEAT('b', 300))")
    const rowsAfter = await db.query(rowsQuery)
    await expect(downUnderLooseSqlMode(db, file!)).rejects.toThrow('rows of "note"."thumbnail" hold values longer than the 255 bytes tinyblob takes: shorten them first')
    expect(await db.query(rowsQuery)).toEqual(rowsAfter)
    expect(await pendingChanges(db, [NoteLarge])).toEqual([])
    await db.query("UPDATE note SET thumbnail = REPEAT('b', 255)")
    await downUnderLooseSqlMode(db, file!)
    expect(await pendingChanges(db, [NoteSmall])).toEqual([])
  })
})
