import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migratedDatabase } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// A table's key changes type in the migration that adds a foreign key from the table to itself: MariaDB refuses
// (errno 150) the key in the ALTER that changes the column it references, so it is added by an ALTER of its own
// (found by random round trips).

@Entity('node')
class UuidNode {
  @PrimaryColumn('uuid') id: string
}

@Entity('node')
class IntNode {
  @PrimaryColumn('int') id: number
  @ManyToOne(() => IntNode, { nullable: true }) @JoinColumn({ name: 'parent' }) parent: IntNode | null
}

describe('mariadb: a key retyped with a foreign key to it from its own table', () => {
  const database = migratedDatabase(() => createMariaDbDatabase('selfkey'), [UuidNode], 'SELECT 1')

  it('changes the key, then adds the key to it, and back', async () => {
    const { up } = await expectCleanCycle(database(), [UuidNode], [IntNode], 'IntKeys', 'SELECT id FROM node')
    expect(up.map((op) => op.kind)).toContain('add_foreign_key')
  })
})
