import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migratedDatabase } from '../../support/migration-cycle'
import { createPostgresDatabase } from '../../support/test-database'

// Generated columns changed by a migration on a table holding rows (found by random round trips).

@Entity('g1')
class IntGenerated {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int' }) a: number
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + 1', nullable: true }) g: number
}

@Entity('g1')
class BigintGenerated {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int' }) a: number
  @Column({ type: 'bigint', generatedType: 'STORED', asExpression: 'a + 1', nullable: true }) g: string
}

@Entity('g1')
class BigintBoth {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'bigint' }) a: string
  @Column({ type: 'bigint', generatedType: 'STORED', asExpression: 'a + 1', nullable: true }) g: string
}

const rows = 'SELECT id, a::text, g::text FROM g1 ORDER BY id'
const seed = 'INSERT INTO g1 (a) VALUES (1), (41)'

describe('postgres: a stored generated column changes type', () => {
  const database = migratedDatabase(() => createPostgresDatabase('gentype'), [IntGenerated], seed)

  it('takes the new type with its values computed again, and back', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [IntGenerated], [BigintGenerated], 'BigintG', rows)
    expect(rowsAfter).toEqual([{ id: 1, a: '1', g: '2' }, { id: 2, a: '41', g: '42' }])
  })
})

describe('postgres: a stored generated column changes type with the column it reads', () => {
  const database = migratedDatabase(() => createPostgresDatabase('gentypes'), [IntGenerated], seed)

  it('takes the new types with its values computed again, and back', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [IntGenerated], [BigintBoth], 'BigintBoth', rows)
    expect(rowsAfter).toEqual([{ id: 1, a: '1', g: '2' }, { id: 2, a: '41', g: '42' }])
  })
})
