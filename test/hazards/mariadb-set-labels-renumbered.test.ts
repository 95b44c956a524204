import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// A SET stores one bit per label, by the label's position. On taozhi1010/nest-admin a label inserted into
// sys_user.tags before the last ones kept every value by its text (measured on MariaDB 10.11: 'vip,test' stayed) but
// changed its number (5 became 9), so `tags & 4` and numbers written to the column meant other labels; generate
// said only TABLE_REBUILD. ENUM_REORDERED, which an ENUM's insertion gets, now says so for a SET; a label inserted
// keeps the values' order, labels reordered do not.

function entities(labels: readonly string[]) {
  @Entity('member')
  class Member {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'set', enum: [...labels], default: ['staff'] }) tags: string[]
  }
  return [Member]
}

describe('SET labels inserted or reordered on mariadb', () => {
  const db = migratedDatabase(() => createMariaDbDatabase('set_renumbered'), entities(['vip', 'staff', 'test']),
    "INSERT INTO member (tags) VALUES ('vip,test'), ('staff'), ('')")

  it('a label inserted: ENUM_REORDERED says the numbers change, and up and down keep the values', async () => {
    const { hazards } = await compareProject(projectFor(db(), entities(['vip', 'partner', 'staff', 'test'])))
    expect(hazards.filter((h) => h.code === 'ENUM_REORDERED').map((h) => h.message)).toEqual([
      "Changes the labels of \"member\".\"tags\" from ('vip', 'staff', 'test') to ('vip', 'partner', 'staff', 'test'), which renumbers the bits of every " +
        'stored value (the table is copied): a number written to or read from the column (`tags + 0`, `tags & 4`) means other labels (3 non-null values); ' +
        'add new labels at the end instead, unless the new order is meant.',
    ])
    const { rowsAfter } = await expectCleanCycle(db(), entities(['vip', 'staff', 'test']), entities(['vip', 'partner', 'staff', 'test']), 'Partner',
      'SELECT tags, tags + 0 AS bits FROM member ORDER BY id')
    expect(rowsAfter).toEqual([{ tags: 'vip,test', bits: '9' }, { tags: 'staff', bits: '4' }, { tags: '', bits: '0' }])
  })

  it('labels reordered: it says ORDER BY follows the new order too', async () => {
    const { hazards } = await compareProject(projectFor(db(), entities(['test', 'vip', 'staff'])))
    expect(hazards.filter((h) => h.code === 'ENUM_REORDERED').map((h) => h.message)).toEqual([
      expect.stringContaining('means other labels, and ORDER BY sorts the column in the new order'),
    ])
  })

  it('labels added at the end: nothing renumbered', async () => {
    const { hazards } = await compareProject(projectFor(db(), entities(['vip', 'staff', 'test', 'partner'])))
    expect(hazards.map((h) => h.code)).not.toContain('ENUM_REORDERED')
  })
})
