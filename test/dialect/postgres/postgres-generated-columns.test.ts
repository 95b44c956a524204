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

@Entity('g2')
class ReadsA {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', default: 0 }) b: number
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + 1', nullable: true }) g: number
}

@Entity('g2')
class ReadsB {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', default: 0 }) b: number
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'b + 1', nullable: true }) g: number
}

@Entity('g2')
class ReadsNew {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', default: 0 }) b: number
  @Column({ type: 'int', default: 5 }) z: number
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'z + 1', nullable: true }) g: number
}

const readers = 'INSERT INTO g2 (a, b) VALUES (1, 10), (NULL, 20)'

describe('postgres: a generated column comes to read another column instead of one the migration drops', () => {
  const database = migratedDatabase(() => createPostgresDatabase('genreadb'), [ReadsA], readers)

  it('changes its expression before the column it read is dropped, and back', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [ReadsA], [ReadsB], 'ReadB', 'SELECT id, b FROM g2 ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, b: 10 }, { id: 2, b: 20 }])
    expect(await database().query('SELECT g FROM g2 ORDER BY id')).toEqual([{ g: null }, { g: null }])
  })
})

describe('postgres: a generated column comes to read a column the migration adds', () => {
  const database = migratedDatabase(() => createPostgresDatabase('genreadz'), [ReadsA], readers)

  it('changes its expression after the column it reads is added, and back', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [ReadsA], [ReadsNew], 'ReadZ', 'SELECT id, a, b, g FROM g2 ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, a: 1, b: 10, g: 6 }, { id: 2, a: null, b: 20, g: 6 }])
  })
})

@Entity('g3')
class NoLiteral {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) a: number | null
}

@Entity('g3')
class Literal {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'varchar', length: 20, generatedType: 'STORED', asExpression: "'x'", nullable: true }) g: string
}

describe('postgres: a generated column whose expression is a string literal', () => {
  const database = migratedDatabase(() => createPostgresDatabase('genliteral'), [NoLiteral], 'INSERT INTO g3 (a) VALUES (1)')

  it('is added, then found as the entities have it, and dropped again', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [NoLiteral], [Literal], 'Literal', 'SELECT id, a FROM g3 ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, a: 1 }])
  })
})
