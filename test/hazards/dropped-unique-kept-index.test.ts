import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { type TestDatabase, bothDialects } from '../support/test-database'

// Cromwell CMS's dashboard: a OneToOne to its user, whose join column also has an index of its own, made a
// ManyToOne. The unique constraint TypeORM gave the OneToOne goes; the index on userId stays. And a note whose
// index on userId goes while its index on (userId, id) stays.

@Entity('owner')
class Owner {
  @PrimaryGeneratedColumn() id: number
}

@Entity('dashboard')
class DashboardOneToOne {
  @PrimaryGeneratedColumn() id: number
  @OneToOne(() => Owner) @JoinColumn({ name: 'userId' }) user: Owner
  @Index() @Column({ type: 'int', nullable: true }) userId: number | null
}

@Entity('dashboard')
class DashboardManyToOne {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Owner) @JoinColumn({ name: 'userId' }) user: Owner
  @Index() @Column({ type: 'int', nullable: true }) userId: number | null
}

@Entity('dashboard')
class DashboardUnindexed {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Owner, { createForeignKeyConstraints: false }) @JoinColumn({ name: 'userId' }) user: Owner
  @Column({ type: 'int', nullable: true }) userId: number | null
}

@Entity('note')
@Index('IDX_note_user_id', ['userId', 'id'])
class NoteTwoIndexes {
  @PrimaryGeneratedColumn() id: number
  @Index('IDX_note_user') @Column({ type: 'int', nullable: true }) userId: number | null
}

@Entity('note')
@Index('IDX_note_user_id', ['userId', 'id'])
class NoteCompositeIndex {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) userId: number | null
}

describe.each(bothDialects('uqkept'))('%s: an index or unique constraint dropped beside an index of its columns', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Owner, DashboardOneToOne, NoteTwoIndexes], 'Init')
  })
  afterAll(async () => db?.drop())

  const dropIndexMessages = async (entities: Function[]) => {
    const { hazards } = await compareProject(projectFor(db, entities))
    return hazards.filter((h) => h.code === 'DROP_INDEX').map((h) => h.message)
  }

  it('says duplicates become possible, not that queries on the columns slow down, while an index of them stays', async () => {
    const [message, ...rest] = await dropIndexMessages([Owner, DashboardManyToOne, NoteTwoIndexes])
    expect(rest).toEqual([])
    expect(message).toMatch(/^Drops unique constraint "REL_\w+" on "(public"\.")?dashboard" \("userId"\), and duplicate values become possible; /)
    expect(message).toMatch(/keep it if the application relies on the values being unique\.$/)
  })

  it('still says queries may slow down where no index of the columns stays', async () => {
    const messages = await dropIndexMessages([Owner, DashboardUnindexed, NoteTwoIndexes])
    expect(messages.some((m) => m.startsWith('Drops unique constraint') && m.includes('queries that filter on these columns may slow down too'))).toBe(true)
  })

  it('finds no hazard in an index dropped where a kept index starting with its columns serves its queries', async () => {
    expect(await dropIndexMessages([Owner, DashboardOneToOne, NoteCompositeIndex])).toEqual([])
  })
})
