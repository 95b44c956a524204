import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Like a foreign key (see mariadb-orphan-guards), a CHECK added to a table with rows is refused at its ADD
// ("CONSTRAINT ... failed") while a row breaks it, and a unique key while values repeat ("Duplicate entry"), after
// the migration's statements before it committed (Nest-Blog's unique on users.email came after the ALTERs of eight
// other tables). ADD_CHECK and ADD_UNIQUE counted those rows; a check for them now runs first. NULLs repeat nothing.

@Entity('shelf')
class ShelfBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) label: string
}

@Entity('shelf')
class ShelfWider {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 40 }) label: string
}

@Entity('item')
class ItemBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) size: number | null
}

@Entity('item')
@Check('CHK_item_size', '`size` > 0')
class ItemChecked {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) size: number | null
}

@Entity('person')
class PersonBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
  @Column({ type: 'varchar', length: 60 }) handle: string
}

@Entity('person')
@Unique('UQ_person_email', ['email'])
class PersonUnique {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
  @Index('IDX_person_handle', { unique: true }) @Column({ type: 'varchar', length: 60 }) handle: string
}

const columnsQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"

describe('MariaDB: a migration adding a check after other statements', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('check_guards')
    await migrateTo(db, [ShelfBefore, ItemBefore], 'Init')
    await db.query("INSERT INTO shelf (id, label) VALUES (1, 'top')")
    await db.query('INSERT INTO item (id, size) VALUES (1, 3), (2, NULL), (3, 0)')
  })
  afterEach(async () => db?.drop())

  it('fails before its first statement while a row breaks it, then runs once none does', async () => {
    const columnsBefore = await db.query(columnsQuery)
    await generateMigration(projectFor(db, [ShelfWider, ItemChecked]), 'Checked', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [ShelfWider, ItemChecked])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('rows of "item" break check "CHK_item_size" (`size` > 0): fix them first')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)

    await db.query('UPDATE item SET size = 1 WHERE id = 3')
    expect(await upgrade(projectFor(db, [ShelfWider, ItemChecked]))).toEqual(['Checked1800000000000'])
    expect(await pendingChanges(db, [ShelfWider, ItemChecked])).toEqual([])
  })
})

describe('MariaDB: a migration adding unique keys after other statements', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('unique_guards')
    await migrateTo(db, [ShelfBefore, PersonBefore], 'Init')
    await db.query("INSERT INTO shelf (id, label) VALUES (1, 'top')")
    await db.query("INSERT INTO person (id, email, handle) VALUES (1, 'a@x', 'ann'), (2, NULL, 'bob'), (3, NULL, 'cy'), (4, 'A@x', 'dee')")
  })
  afterEach(async () => db?.drop())

  it('fails before its first statement while values repeat, then runs once none do', async () => {
    const columnsBefore = await db.query(columnsQuery)
    await generateMigration(projectFor(db, [ShelfWider, PersonUnique]), 'Unique', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [ShelfWider, PersonUnique])).then(() => undefined, (error: Error) => error)
    // 'a@x' and 'A@x' are equal under the column's case-insensitive collation, as the index compares them.
    expect(failure?.message).toContain('rows of "person" repeat values of ("email"), which unique "UQ_person_email" takes once: remove the duplicates first')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)

    await db.query("UPDATE person SET email = 'd@x', handle = 'ann' WHERE id = 4")
    await expect(upgrade(projectFor(db, [ShelfWider, PersonUnique]))).rejects.toThrow('rows of "person" repeat values of ("handle"), which unique "IDX_person_handle" takes once')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)

    await db.query("UPDATE person SET handle = 'dee' WHERE id = 4")
    expect(await upgrade(projectFor(db, [ShelfWider, PersonUnique]))).toEqual(['Unique1800000000000'])
    expect(await pendingChanges(db, [ShelfWider, PersonUnique])).toEqual([])
  })
})
