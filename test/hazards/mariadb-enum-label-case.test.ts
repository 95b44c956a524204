import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlEnumLabelKey } from '../../src/dialect/mysql/mysql-enum-label-key'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// MariaDB converts an ENUM's values by their text under the column's collation: with the default, case- and
// accent-insensitive, a label made 'email' from 'Email' keeps the rows holding it (they read 'email' after).
// The migration said ENUM_VALUE_REMOVED and ENUM_REORDERED, and its check before the ALTER failed while any
// row held 'Email': the label could not be recased at all (moving the rows to 'email' first stores 'Email').

function entities(kinds: readonly string[], collation?: string) {
  @Entity('contact')
  class Contact {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'enum', enum: [...kinds], collation }) kind: string
  }
  return [Contact]
}

describe('an ENUM label recased on mariadb', () => {
  const db = migratedDatabase(() => createMariaDbDatabase('enum_label_case'), entities(['Email', 'Phone']), "INSERT INTO contact (kind) VALUES ('Email'), ('Phone'), ('Email')")

  it('keeps the values under a case-insensitive collation: no label removed or reordered, and up and down run', async () => {
    const { hazards } = await compareProject(projectFor(db(), entities(['email', 'Phone'])))
    expect(hazards.map((h) => h.code)).toEqual(['TABLE_REBUILD'])
    const { rowsAfter } = await expectCleanCycle(db(), entities(['Email', 'Phone']), entities(['email', 'Phone']), 'Recase', 'SELECT kind FROM contact ORDER BY id')
    expect(rowsAfter).toEqual([{ kind: 'email' }, { kind: 'Phone' }, { kind: 'email' }])
  })

  it('still reports a label removed under a binary collation, where the server refuses the values', async () => {
    const { hazards } = await compareProject(projectFor(db(), entities(['email', 'Phone'], 'utf8mb4_bin')))
    expect(hazards.filter((h) => h.code === 'ENUM_VALUE_REMOVED').map((h) => h.message)).toEqual([
      expect.stringContaining("Removes 'Email' from the values \"contact\".\"kind\" accepts, which fails while rows hold them (2 rows hold 'Email')"),
    ])
  })
})

describe('mysqlEnumLabelKey', () => {
  it.each([
    ['Email', 'email', undefined, true],
    ['Été', 'ete', 'utf8mb4_general_ci', true],
    ['Été', 'été', 'utf8mb4_uca1400_as_ci', true],
    ['Été', 'ete', 'utf8mb4_0900_as_ci', false],
    ['Email', 'email', 'utf8mb4_bin', false],
    ['Email', 'email', 'utf8mb4_0900_as_cs', false],
    ['Email', 'Email', 'utf8mb4_bin', true],
  ])('%s and %s under %s are one value: %s', (a, b, collation, same) => {
    expect(mysqlEnumLabelKey(a, collation) === mysqlEnumLabelKey(b, collation)).toBe(same)
  })
})
