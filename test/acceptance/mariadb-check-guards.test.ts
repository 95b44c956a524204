import { Check, Column, Entity, PrimaryColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Like a foreign key (see mariadb-orphan-guards), a CHECK added to a table with rows is refused at its ADD
// ("CONSTRAINT ... failed") while a row breaks it, after the migration's statements before it committed.
// ADD_CHECK counted those rows; a check for them now runs first.

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
