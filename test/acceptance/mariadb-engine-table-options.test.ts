import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges, projectFor, revertLast, typeormProposes } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { compareProject } from '../../src/pipeline/compare-project'

// Spacebar (hunt76) gives every entity `engine: "InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"`,
// which TypeORM writes after ENGINE= as it is: the engine, then the table's default charset and collation. The
// whole option was read as the engine's name, one that keeps no foreign keys, and `generate` stopped (exit 2):
// '"users" has engine InnoDB DEFAULT CHARSET=... which keeps no foreign keys'.

const tableOptions = 'InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci'

@Entity({ name: 'users', engine: tableOptions })
class User {
  @PrimaryColumn() id: string
  @Column() username: string
}

@Entity({ name: 'notes', engine: 'InnoDB, CHARACTER SET = latin1' })
class Note {
  @PrimaryColumn() id: string
  @Column() text: string
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'owner_id' }) owner: User
}

@Entity({ name: 'notes', engine: 'InnoDB ROW_FORMAT=COMPRESSED' })
class CompressedNote {
  @PrimaryColumn() id: string
}

const collations = (db: TestDatabase) => db.query(`SELECT t.TABLE_NAME AS \`table\`, t.ENGINE AS engine, t.TABLE_COLLATION AS collation
  FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME IN ('users', 'notes') ORDER BY t.TABLE_NAME`)

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('engine_options')
})
afterAll(async () => {
  await db.drop()
})

it('reads the table options after the engine as the table default charset and collation', async () => {
  const { source } = await migrateTo(db, [User, Note], 'Init')
  expect(source).toContain('ENGINE=InnoDB DEFAULT CHARSET=\\`utf8mb4\\` COLLATE=\\`utf8mb4_unicode_ci\\`')
  expect(await collations(db)).toEqual([
    { table: 'notes', engine: 'InnoDB', collation: 'latin1_swedish_ci' },
    { table: 'users', engine: 'InnoDB', collation: 'utf8mb4_unicode_ci' },
  ])
  expect(await pendingChanges(db, [User, Note])).toEqual([])
  expect(await typeormProposes(db, [User, Note])).toEqual([])
  await revertLast(db, [User, Note])
  expect(await collations(db)).toEqual([])
})

it('refuses a table option it would not compare, naming it', async () => {
  await expect(compareProject(projectFor(db, [User, CompressedNote]))).rejects.toThrow(
    '"notes": its engine option "InnoDB ROW_FORMAT=COMPRESSED" holds "ROW_FORMAT=COMPRESSED", a table option other than the default charset and collation')
})
