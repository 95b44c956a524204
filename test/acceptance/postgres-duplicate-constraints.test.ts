import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Hand-written migrations leave duplicates behind (ever-traduora's `label` table: three foreign keys from
// project_id to project, and a unique constraint beside the unique index of the same columns). The entities
// declare one of each, so the others are dropped: the database goes on checking the same thing with the one
// kept, and no hazard may say that it stops checking those rows or that duplicate values become possible.

@Entity('project')
class Project {
  @PrimaryColumn({ type: 'integer' }) id: number
}

@Entity('label')
@Index('IDX_label_project_value', ['project', 'value'], { unique: true })
class Label {
  @PrimaryColumn({ type: 'integer' }) id: number
  @Column({ type: 'varchar', length: 255 }) value: string
  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'projectId', foreignKeyConstraintName: 'FK_label_project' }) project: Project
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('dup_constraints')
  await db.query('CREATE TABLE project (id integer CONSTRAINT "PK_project" PRIMARY KEY)')
  await db.query(`CREATE TABLE label (id integer CONSTRAINT "PK_label" PRIMARY KEY, value varchar(255) NOT NULL, "projectId" integer NOT NULL,
    CONSTRAINT "FK_label_project" FOREIGN KEY ("projectId") REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT "FK_project" FOREIGN KEY ("projectId") REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT label_project_fk FOREIGN KEY ("projectId") REFERENCES project (id) ON DELETE NO ACTION,
    CONSTRAINT label_project_terms_uq UNIQUE ("projectId", value))`)
  await db.query('CREATE UNIQUE INDEX "IDX_label_project_value" ON label ("projectId", value)')
})
afterAll(async () => db?.drop())

it('drops the duplicates with no hazard but where the one kept checks less', async () => {
  const { up, hazards } = await compareProject(projectFor(db, [Project, Label]))
  // (The primary keys are renamed to TypeORM's names too.)
  expect(up.filter((op) => op.kind !== 'rename_constraint').map((op) => `${op.kind} ${'foreignKey' in op ? op.foreignKey.name : 'unique' in op ? op.unique.name : ''}`).sort())
    .toEqual(['drop_foreign_key FK_project', 'drop_foreign_key label_project_fk', 'drop_unique label_project_terms_uq'])
  // label_project_fk does not cascade, as the kept key does: rows its check covered stay checked, but a project's
  // delete that it refused now goes through, so it is still said.
  expect(hazards.map((h) => `${h.code} ${h.message.split(' ').slice(0, 4).join(' ')}`))
    .toEqual(['DROP_FOREIGN_KEY Drops foreign key "label_project_fk"'])
})
