import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// A column added with `unique: true` and a constant default (`@Column({ unique: true, default: '' }) slug`, a
// slug or code added to a table that has rows): every existing row gets the same value, so the unique fails
// as soon as the table holds two rows. The hazard says so and counts the rows, where it used to say "fails
// while values repeat" with no count (the column is not in the database yet to count its duplicates).

@Entity('project')
class Project {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
}

@Entity('project')
class ProjectWithSlug {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'varchar', length: 100, unique: true, default: '' }) slug: string
}

@Entity('project')
class ProjectWithNullableCode {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'varchar', length: 100, unique: true, nullable: true }) code: string | null
}

@Entity('project')
@Unique('UQ_project_name_code', ['name', 'code'])
class ProjectWithNamedCode {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'varchar', length: 100, nullable: true }) code: string | null
}

describe.each(allDialects('uniqdefault'))('%s: a unique column added with a constant default', (_label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
    await migrateTo(db, [Project], 'Init')
    await db.query("INSERT INTO project (name) VALUES ('Website'), ('Mobile app')")
  })
  afterEach(async () => db?.drop())

  it('is said to fail on a table of two rows, counting them, and it does', async () => {
    const { hazards } = await compareProject(projectFor(db, [ProjectWithSlug]))
    const unique = hazards.filter((h) => h.code === 'ADD_UNIQUE')
    expect(unique.map((h) => h.message)).toEqual([expect.stringMatching(
      /, which fails while the table holds two rows or more: each gets the new column's default \('' in "slug"\) \(2 rows\); add the column without the unique, fill it with distinct values, then add the unique in a later migration\.$/,
    )])
    await generateMigration(projectFor(db, [ProjectWithSlug]), 'AddSlug', Date.now() + 60_000)
    await expect(upgrade(projectFor(db, [ProjectWithSlug]))).rejects.toThrow()
    expect(await pendingChanges(db, [Project])).toEqual([])
  })

  // A OneToOne added to a table with rows (a nullable join column with TypeORM's unique on it) warned that it
  // "fails while values repeat" (tried on SCENE-CE/mirador-multi-user's user.profile_id): a NULL never repeats.
  it('says nothing where a new column of the key is NULL in every row, which never repeats, and it does not fail', async () => {
    for (const entity of [ProjectWithNullableCode, ProjectWithNamedCode]) {
      const { hazards } = await compareProject(projectFor(db, [entity]))
      expect(hazards.filter((h) => h.code === 'ADD_UNIQUE')).toEqual([])
    }
    await generateMigration(projectFor(db, [ProjectWithNamedCode]), 'AddCode', Date.now() + 60_000)
    await upgrade(projectFor(db, [ProjectWithNamedCode]))
    expect(await pendingChanges(db, [ProjectWithNamedCode])).toEqual([])
  })
})
