import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// laudspeaker's PushPlatforms members put in another order (iOS, Android became Android, iOS): the migration
// makes the enum type again and converts the column into it, which rewrites the table under its lock and
// changes how ORDER BY sorts it, and generate said nothing of it (ENUM_REORDERED was MySQL's alone).

enum Before { IOS = 'iOS', ANDROID = 'Android' }
enum Sorted { ANDROID = 'Android', IOS = 'iOS' }
enum Inserted { WEB = 'Web', IOS = 'iOS', ANDROID = 'Android' }

@Entity('device')
class Device {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: Before, enumName: 'platform' }) platform: Before
  @Column({ type: 'enum', enum: Before, enumName: 'platform', array: true, default: [] }) others: Before[]
}

@Entity('device')
class SortedDevice {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: Sorted, enumName: 'platform' }) platform: Sorted
  @Column({ type: 'enum', enum: Sorted, enumName: 'platform', array: true, default: [] }) others: Sorted[]
}

@Entity('device')
class InsertedDevice {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: Inserted, enumName: 'platform' }) platform: Inserted
  @Column({ type: 'enum', enum: Inserted, enumName: 'platform', array: true, default: [] }) others: Inserted[]
}

describe('postgres: an enum type whose labels change order', () => {
  const database = migratedDatabase(() => createPostgresDatabase('enumorder'), [Device],
    `INSERT INTO device (platform, others) VALUES ('iOS', '{Android}'), ('Android', '{}'), ('iOS', '{iOS,Android}')`)

  it('is ENUM_REORDERED for each column using it, counting the rows rewritten', async () => {
    const { hazards } = await compareProject(projectFor(database(), [SortedDevice]))
    expect(hazards.map((h) => [h.code, h.message.replace(/, which makes.*\((\d+ rows)\).*/, ': $1')])).toEqual([
      ['ENUM_REORDERED', `Changes the order of the labels of enum "public"."platform" from ('iOS', 'Android') to ('Android', 'iOS'): 3 rows`],
      ['ENUM_REORDERED', `Changes the order of the labels of enum "public"."platform" from ('iOS', 'Android') to ('Android', 'iOS'): 3 rows`],
    ])
    expect(hazards.map((h) => h.message.match(/converts (\S+) into it, rewriting the table while writes to it wait/)?.[1]).sort()).toEqual(['"public"."device"."others"', '"public"."device"."platform"'])
  })

  it('is no hazard where a label is added before the others, which keeps their order', async () => {
    const { hazards } = await compareProject(projectFor(database(), [InsertedDevice]))
    expect(hazards).toEqual([])
  })

  it('reorders, up and down, with the rows kept', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [Device], [SortedDevice], 'Sorted',
      'SELECT id, platform::text, others::text FROM device ORDER BY id')
    expect(rowsAfter).toEqual([
      { id: 1, platform: 'iOS', others: '{Android}' },
      { id: 2, platform: 'Android', others: '{}' },
      { id: 3, platform: 'iOS', others: '{iOS,Android}' },
    ])
  })
})
