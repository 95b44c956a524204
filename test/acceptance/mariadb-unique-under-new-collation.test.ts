import * as fs from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on taozhi1010/nest-admin: `sys_post`.`post_code` given utf8mb4_bin and a unique key in one migration, with the
// codes 'ceo' and 'CEO'. ADD_UNIQUE counted "1 duplicate value" under the column's old collation (the table's
// utf8mb4_general_ci), but the key compares them under the new one, where they differ, and the migration ran. The
// other way round it said "no duplicate values" and the migration failed ("Duplicate entry"). The duplicates are now
// counted under the collation the column has once migrated, and so does the check that refuses them before the
// migration's first statement (it compared them under the old one, or was left out where the column was recollated).

@Entity('post')
class PostCaseInsensitive {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64 }) code: string
}

@Entity('post')
class PostBinaryUnique {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin', unique: true }) code: string
}

@Entity('post')
class PostBinary {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' }) code: string
}

@Entity('post')
class PostCaseInsensitiveUnique {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, unique: true }) code: string
}

const addUniqueHazard = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('// hazard ADD_UNIQUE'))

describe('MariaDB: a unique key added to a column whose collation the migration changes', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('unique_collation')
  })
  afterEach(async () => db?.drop())

  it('made binary: values equal but for case are no duplicates, and the migration runs', async () => {
    await migrateTo(db, [PostCaseInsensitive], 'Init')
    await db.query("INSERT INTO post (code) VALUES ('ceo'), ('CEO'), ('hr')")
    const { file } = await generateMigration(projectFor(db, [PostBinaryUnique]), 'Unique', 1_800_000_000_000)
    expect(addUniqueHazard(file!)).toEqual([expect.stringContaining('which fails while values repeat (no duplicate values of ("code"))')])
    await upgrade(projectFor(db, [PostBinaryUnique]))
  })

  it('made case-insensitive (the table\'s collation): they are duplicates, and the migration is refused before it changes anything', async () => {
    await migrateTo(db, [PostBinary], 'Init')
    await db.query("INSERT INTO post (code) VALUES ('ceo'), ('CEO'), ('hr')")
    const { file } = await generateMigration(projectFor(db, [PostCaseInsensitiveUnique]), 'Unique', 1_800_000_000_000)
    expect(addUniqueHazard(file!)).toEqual([expect.stringContaining('which fails while values repeat (1 duplicate value of ("code"))')])
    await expect(upgrade(projectFor(db, [PostCaseInsensitiveUnique]))).rejects.toThrow('rows of "post" repeat values of ("code")')
  })
})

// Found on pigallery2: PersonEntry.name, under @Unique, made utf8mb4_general_ci from utf8mb4_bin while 'Alice' and
// 'alice' were stored. The ALTER failed ("Duplicate entry") after the ALTER of media_entity before it had committed.
// A check for the values the key holds equal under the new collation now runs before the first statement.

@Entity('tag')
class TagBinary {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin', unique: true }) name: string
  @Column({ type: 'varchar', length: 20 }) note: string
}

@Entity('tag')
class TagCaseInsensitive {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_general_ci', unique: true }) name: string
  @Column({ type: 'varchar', length: 40 }) note: string
}

@Entity('tag')
class TagWider {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin', unique: true }) name: string
  @Column({ type: 'varchar', length: 40 }) note: string
}

describe('MariaDB: a column of a unique key the table has given another collation', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('key_collation')
    await migrateTo(db, [TagBinary, PostBinary], 'Init')
  })
  afterEach(async () => db?.drop())

  it('with values the new collation holds equal: refused before any statement runs', async () => {
    await db.query("INSERT INTO tag (name, note) VALUES ('Alice', 'x'), ('alice', 'y'), ('bob', 'z')")
    await generateMigration(projectFor(db, [TagCaseInsensitive, PostBinaryUnique]), 'Recollate', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [TagCaseInsensitive, PostBinaryUnique])))
      .rejects.toThrow('rows of "tag" repeat values of ("name") under the collation "name" is given')
    const [note] = await db.query("SELECT CHARACTER_MAXIMUM_LENGTH AS length FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag' AND COLUMN_NAME = 'note'")
    expect(Number(note.length)).toBe(20)
    expect(await db.query("SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post' AND NON_UNIQUE = 0 AND COLUMN_NAME = 'code'")).toHaveLength(0)
  })

  it('a unique key added to a column made case-insensitive, after another table\'s ALTER: its duplicates refuse it before any statement runs', async () => {
    await db.query("INSERT INTO tag (name, note) VALUES ('Alice', 'x')")
    await db.query("INSERT INTO post (code) VALUES ('ceo'), ('CEO')")
    await generateMigration(projectFor(db, [TagWider, PostCaseInsensitiveUnique]), 'Unique', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [TagWider, PostCaseInsensitiveUnique]))).rejects.toThrow('rows of "post" repeat values of ("code")')
    const [note] = await db.query("SELECT CHARACTER_MAXIMUM_LENGTH AS length FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag' AND COLUMN_NAME = 'note'")
    expect(Number(note.length)).toBe(20)
  })

  it('with none: the migration runs', async () => {
    await db.query("INSERT INTO tag (name, note) VALUES ('Alice', 'x'), ('bob', 'z')")
    await generateMigration(projectFor(db, [TagCaseInsensitive, PostBinaryUnique]), 'Recollate', 1_800_000_000_000)
    await upgrade(projectFor(db, [TagCaseInsensitive, PostBinaryUnique]))
  })
})
