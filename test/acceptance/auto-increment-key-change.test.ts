import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migratedDatabase } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase } from '../support/test-database'

@Entity('ticket')
class KeyedTwice {
  @PrimaryGeneratedColumn() id: number
  @PrimaryColumn({ type: 'varchar', length: 10 }) code: string
}

// A table the same migration creates: its statement comes between the key's drop and its add, by their phases.
@Entity('label')
class Label {
  @PrimaryGeneratedColumn() id: number
}

@Entity('ticket')
class KeyedOnce {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
}

// SQLite refuses AUTOINCREMENT beside another key column.
const servers: [string, () => Promise<TestDatabase>][] = [['postgres', () => createPostgresDatabase('autokey')], ['mariadb', () => createMariaDbDatabase('autokey')]]

describe.each(servers)('%s: an auto-increment key column keeps a key while the primary key changes', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [KeyedTwice], "INSERT INTO ticket (code) VALUES ('a'), ('b')")

  it('takes a column out of the primary key, and back', async () => {
    await expectCleanCycle(database(), [KeyedTwice], [KeyedOnce, Label], 'OneKey', 'SELECT id, code FROM ticket ORDER BY id')
  })
})
