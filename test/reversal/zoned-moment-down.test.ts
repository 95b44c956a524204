import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A timestamptz made timestamp again at the same precision rounds nothing: the one value it changes is a moment in
// the hour the session's time zone repeats when its clocks are set back (01:30 in New York on 2026-11-01 is two
// moments), which timestamp cannot tell apart. `down` stops on such a value, and says so, not that it is too precise.

@Entity('visit')
class VisitAtLocalTime {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'timestamp' }) at: Date
}

@Entity('visit')
class VisitAtMoment {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'timestamptz' }) at: Date
}

describe('down making a timestamptz column timestamp again', () => {
  let db: TestDatabase
  const times = () => db.query(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at FROM visit ORDER BY id`)
  beforeAll(async () => {
    db = await createPostgresDatabase('zonedown')
    await migrateTo(db, [VisitAtLocalTime], 'Init')
    await migrateTo(db, [VisitAtMoment], 'Zoned')
    await db.query(`ALTER DATABASE "${db.options.database as string}" SET timezone = 'America/New_York'`)
    await db.query(`INSERT INTO visit (at) VALUES ('2026-11-01 05:30+00'), ('2026-07-01 12:00+00')`)
  })
  afterAll(async () => db?.drop())

  it('is, made timestamp again in up, TYPE_NARROWING that names the moments the session cannot tell apart and counts them', async () => {
    const comparison = await compareProject(projectFor(db, [VisitAtLocalTime]))
    const [narrowing, ...others] = comparison.hazards.filter((h) => h.code.startsWith('TYPE_'))
    expect(others).toEqual([])
    expect(narrowing).toMatchObject({ code: 'TYPE_NARROWING', severity: 'danger' })
    expect(narrowing!.message).toMatch(/^Changes "public"\."visit"\."at" from timestamptz to timestamp, which rounds nothing but changes the values that timestamp does not hold at the session's time zone \(a moment in the hour its clocks repeat when set back, .*\); each value is converted at the time zone of the session that runs the migration \(1 value changes as timestamp\); keep timestamptz where those moments matter; run it in the time zone the values were written in/)
  })

  it('stops on a moment of the hour the session repeats, naming that, and runs once none is there', async () => {
    const refusal = await revertLast(db, [VisitAtMoment]).then(() => undefined, (err: Error) => err.message)
    expect(refusal).toMatch(/down cannot run: changing "public"\."visit"\."at" back from timestamptz to timestamp would change its values that timestamp does not hold at the session's time zone \(a moment in the hour its clocks repeat when set back, .*\); run it at the time zone the values were written in \(SET TIME ZONE 'UTC', .*\), or remove this check from down\(\) to revert anyway; nothing was changed/)
    expect(refusal).not.toContain('more precise')
    expect(await pendingChanges(db, [VisitAtMoment])).toEqual([])
    expect(await times()).toEqual([{ at: '2026-11-01 05:30' }, { at: '2026-07-01 12:00' }])

    await db.query(`UPDATE visit SET at = '2026-11-01 07:30+00' WHERE at = '2026-11-01 05:30+00'`)
    await revertLast(db, [VisitAtMoment])
    expect(await pendingChanges(db, [VisitAtLocalTime])).toEqual([])
    expect(await db.query(`SELECT to_char(at, 'YYYY-MM-DD HH24:MI') AS at FROM visit ORDER BY id`)).toEqual([{ at: '2026-11-01 02:30' }, { at: '2026-07-01 08:00' }])
  })
})
