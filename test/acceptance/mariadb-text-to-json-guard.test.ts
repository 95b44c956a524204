import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { upUnderLooseSqlMode } from '../support/loose-sql-mode'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on taozhi1010/nest-admin, whose job log's `exception_info` varchar(2000) was made `json` with a row holding
// 'TypeError: x is not a function'. The migration's check said that outside strict mode the server would silently
// write 0, a zero date, NULL or the empty label in place of such values, but JSON is validated in any sql_mode: MariaDB's json is a
// longtext with a JSON_VALID check, and the ALTER fails ("CONSTRAINT `job_log.exception_info` failed"), as MySQL's
// JSON type refuses the text. The check's message now says so; the check itself runs first as before.

@Entity('job_log')
class JobLogText {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 2000, nullable: true }) exceptionInfo: string | null
}

@Entity('job_log')
class JobLogJson {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'json', nullable: true }) exceptionInfo: object | null
}

describe('MariaDB: text made json, with a value that is no JSON', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('text_to_json')
    await migrateTo(db, [JobLogText], 'Init')
    await db.query(`INSERT INTO job_log (exceptionInfo) VALUES ('{"err":"boom"}'), ('TypeError: x is not a function'), (NULL)`)
  })
  afterEach(async () => db?.drop())

  it('the server refuses it outside strict mode too', async () => {
    await db.query("CREATE TABLE probe_copy AS SELECT * FROM job_log")
    await expect(db.query("SET STATEMENT sql_mode = 'NO_ENGINE_SUBSTITUTION' FOR ALTER TABLE probe_copy MODIFY exceptionInfo json NULL"))
      .rejects.toThrow(/CONSTRAINT .* failed/)
  })

  it('the migration fails first, outside strict mode too, saying the server refuses such values in any sql_mode', async () => {
    const { file } = await generateMigration(projectFor(db, [JobLogJson]), 'Json', 1_800_000_000_000)
    await expect(upUnderLooseSqlMode(db, file!)).rejects.toThrow(
      'rows of "job_log"."exceptionInfo" hold values that do not convert to json: change them first (the server refuses them in any sql_mode)')
    expect(await pendingChanges(db, [JobLogText])).toEqual([])
  })
})
