import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { dropAndRestore } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// No entity declares a table's default character set, and the comparison leaves it alone, but a table made
// another way (a legacy latin1 table, converted by hand) keeps it: the down that creates again a table up drops
// gives it back, so that its columns hold the characters they held, and not the database's default.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
}

@Entity('legacy')
class Legacy {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) name: string
  @Column({ type: 'varchar', length: 20, charset: 'utf8mb4', collation: 'utf8mb4_bin' }) tag: string
}

const byHand = [
  'ALTER TABLE legacy CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci',
  'ALTER TABLE legacy MODIFY tag varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL',
]

const charsets = (db: TestDatabase) => db.query(`SELECT t.TABLE_COLLATION AS \`table\`, c.COLUMN_NAME AS \`column\`, c.COLLATION_NAME AS collation
  FROM information_schema.TABLES t JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
  WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 'legacy' AND c.COLLATION_NAME IS NOT NULL ORDER BY c.COLUMN_NAME`)

it('gives a table that up drops its default charset and collation back in down', async () => {
  const { source } = await dropAndRestore(() => createMariaDbDatabase('dropped_charset'), [Account, Legacy], [Account], byHand, async (db) => {
    expect(await charsets(db)).toEqual([
      { table: 'latin1_swedish_ci', column: 'name', collation: 'latin1_swedish_ci' },
      { table: 'latin1_swedish_ci', column: 'tag', collation: 'utf8mb4_bin' },
    ])
  })
  expect(source).toContain('DEFAULT CHARSET=\\`latin1\\` COLLATE=\\`latin1_swedish_ci\\`')
})
