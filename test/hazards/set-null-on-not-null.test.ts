import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// `nullable: false` beside `onDelete: 'SET NULL'` on a ManyToOne (tried on laudspeaker's journey.workspace):
// TypeORM takes it, PostgreSQL makes the key, and from then on deleting a workspace that a journey references
// fails (null value in column "workspaceId" violates not-null constraint). generate said nothing of it.

@Entity('workspace')
class Workspace {
  @PrimaryGeneratedColumn() id: number
}

@Entity('journey')
class Journey {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: true }) workspace: Workspace | null
}

@Entity('journey')
class JourneySetNullNotNull {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Workspace, { onDelete: 'SET NULL', nullable: false }) workspace: Workspace
}

@Entity('journey')
class JourneySetNull {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Workspace, { onDelete: 'SET NULL', nullable: true }) workspace: Workspace | null
}

const setNull = async (entities: Function[], db: Parameters<typeof projectFor>[0]) =>
  (await compareProject(projectFor(db, entities))).hazards.filter((h) => h.code === 'SET_NULL_ON_NOT_NULL').map((h) => [h.severity, h.operation?.kind])

describe('postgres: a foreign key that sets NULL a NOT NULL column', () => {
  const database = migratedDatabase(() => createPostgresDatabase('setnull'), [Workspace, Journey],
    'INSERT INTO workspace (id) VALUES (1), (2); INSERT INTO journey ("workspaceId") VALUES (1), (2)')

  it('is SET_NULL_ON_NOT_NULL on the key the migration adds, once', async () => {
    expect(await setNull([Workspace, JourneySetNullNotNull], database())).toEqual([['danger', 'add_foreign_key']])
    const { hazards } = await compareProject(projectFor(database(), [Workspace, JourneySetNullNotNull]))
    expect(hazards.find((h) => h.code === 'SET_NULL_ON_NOT_NULL')?.message).toMatch(/^Foreign key "FK_\w+" on "public"\."journey" \("workspaceId"\) -> "public"\."workspace" is ON DELETE SET NULL, but \("workspaceId"\) is NOT NULL: deleting a row of "public"\."workspace" that a row references fails/)
  })

  it('is none for a nullable column', async () => {
    expect(await setNull([Workspace, JourneySetNull], database())).toEqual([])
  })

  it('is on the column made NOT NULL under a key that sets it NULL, and the delete then fails as it says', async () => {
    await migrateTo(database(), [Workspace, JourneySetNull], 'SetNull')
    expect(await setNull([Workspace, JourneySetNullNotNull], database())).toEqual([['danger', 'alter_column']])
    await migrateTo(database(), [Workspace, JourneySetNullNotNull], 'NotNull')
    await expect(database().query('DELETE FROM workspace WHERE id = 1')).rejects.toThrow(/not-null constraint/)
  })
})
