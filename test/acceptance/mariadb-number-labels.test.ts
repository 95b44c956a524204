import { Column, Entity, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { compareProject } from '../../src/pipeline/compare-project'

// MariaDB and MySQL store an ENUM value as its label's position, and convert a number to an ENUM by position:
// a gender column of 0/1/2 made an ENUM ('unknown', 'male', 'female') turned 1 into 'unknown' and 2 into 'male',
// with no error, while the hazard said the migration fails for the values that are not labels. Back to a
// number, each label becomes its position. A SET stores one bit per label and converts as that bit mask: a
// permissions column of 1/3 made SET('read', 'write', 'admin') turns 1 into 'read' and 3 into 'read,write'
// (a number below 0 or with a bit past the last label fails in strict mode); back, a set becomes the sum of
// its bits.

@Entity('person')
class PersonWithNumber {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', default: 0 }) gender: number
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true }) rank: string | null
  @Column({ type: 'int', nullable: true }) permissions: number | null
}

@Entity('person')
class PersonWithEnum {
  @PrimaryColumn('int') id: number
  @Column({ type: 'enum', enum: ['unknown', 'male', 'female'], default: 'unknown' }) gender: string
  @Column({ type: 'enum', enum: ['low', 'high'], nullable: true }) rank: string | null
  @Column({ type: 'set', enum: ['read', 'write', 'admin'], nullable: true }) permissions: string[] | null
}

const rows = 'SELECT id, gender, rank, permissions FROM person ORDER BY id'

describe('mariadb: a number column made an ENUM or a SET, and back', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('enumpos')
    await migrateTo(db, [PersonWithNumber], 'Init')
    await db.query('INSERT INTO person (id, gender, rank, permissions) VALUES (1, 1, 1, 1), (2, 2, NULL, 3)')
  })
  afterEach(async () => db?.drop())

  it('says each number is read as a label\'s position, or as a bit mask of labels, counting the values', async () => {
    const { hazards } = await compareProject(projectFor(db, [PersonWithEnum]))
    const casts = hazards.filter((h) => h.code === 'TYPE_CAST_MAY_FAIL')
    expect(casts.map((h) => [h.severity, h.message, h.measurement?.text])).toEqual([
      ['danger', expect.stringContaining('"person"."gender" from int to enum (\'unknown\', \'male\', \'female\'), which reads each number as the position of a label (1 becomes \'unknown\', 2 \'male\'), not as its text, and fails on a number that is no position'), '2 non-null values'],
      ['danger', expect.stringContaining('"person"."permissions" from int to set (\'read\', \'write\', \'admin\'), which reads each number as a set of labels, one bit each ' +
        '(1 becomes \'read\', 2 \'write\', 3 \'read,write\', 0 the empty set), not as its text, and fails on a number below 0 or with a bit past the last label'), '2 non-null values'],
      ['danger', expect.stringContaining('"person"."rank" from decimal(5,2) to enum (\'low\', \'high\'), which reads each number as the position of a label (1 becomes \'low\', 2 \'high\')'), '1 non-null value'],
    ])
    expect(casts[0]!.message).toContain('map the values by hand in the migration')
    expect(casts[1]!.message).toContain('unless the bits are what the values mean')
    expect(casts[0]!.message).not.toContain('do not look like')
  })

  it('converts as the hazard says, and down gives the numbers back', async () => {
    const { rowsAfter } = await expectCleanCycle(db, [PersonWithNumber], [PersonWithEnum], 'Labels', rows)
    expect(rowsAfter).toEqual([{ id: 1, gender: 'unknown', rank: 'low', permissions: 'read' }, { id: 2, gender: 'male', rank: null, permissions: 'read,write' }])
  })

  it('fails on a number with a bit past the last label of the SET, before changing anything', async () => {
    await db.query('INSERT INTO person (id, gender, permissions) VALUES (3, 1, 8)')
    const before = await db.query(rows)
    await expect(migrateTo(db, [PersonWithEnum], 'Labels')).rejects.toThrow(
      'rows of "person"."permissions" hold numbers below 0 or with a bit past the last label of set (\'read\', \'write\', \'admin\') (outside 0..7)')
    expect(await db.query(rows)).toEqual(before)
  })

  it('says a label becomes its position, and a set the sum of its bits, when made a number', async () => {
    await migrateTo(db, [PersonWithEnum], 'Labels')
    const { hazards } = await compareProject(projectFor(db, [PersonWithNumber]))
    expect(hazards.filter((h) => h.code === 'TYPE_CAST_MAY_FAIL').map((h) => h.message)).toEqual([
      expect.stringContaining('"person"."gender" from enum (\'unknown\', \'male\', \'female\') to int, which stores each label as its position (\'unknown\' becomes 1, \'male\' 2), not as its text'),
      expect.stringContaining('"person"."permissions" from set (\'read\', \'write\', \'admin\') to int, which stores each set as the sum of its labels\' bits (\'read\' becomes 1, \'write\' 2, \'read,write\' 3), not as its text'),
      expect.stringContaining('"person"."rank" from enum (\'low\', \'high\') to decimal(5,2), which stores each label as its position'),
    ])
  })
})
