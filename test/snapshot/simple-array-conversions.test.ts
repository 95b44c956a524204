import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'
import { upgrade } from '../../src/runner/migration-runner'

// ohmyform keeps a user's roles as `simple-array` (`user,admin` in a text column). Made a native array
// (`type: 'text', array: true`), the migration converted each value whole: `user,admin` became the one
// element {"user,admin"}, and the user lost the admin role, with only a TYPE_CHANGE_REWRITE warning. The
// snapshot knew the column was declared simple-array, but its changes were read only for columns no
// operation touches. And an array made simple-array is stored as its text, `{user,admin}`, which TypeORM reads
// as `{user` and `admin}`.

@Entity('account')
class ListedRoles {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-array' }) roles: string[]
  @Column({ type: 'text', array: true, default: '{}' }) tags: string[]
}

@Entity('account')
class ArrayRoles {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', array: true, default: '{}' }) roles: string[]
  @Column({ type: 'simple-array' }) tags: string[]
}

@Entity('account')
class LongerRoles {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-array', nullable: true }) roles: string[] | null
  @Column({ type: 'text', array: true, default: '{}' }) tags: string[]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('simplearray')
  await generateMigration(projectFor(db, [ListedRoles]), 'Init', 1_700_000_000_000)
  await upgrade(projectFor(db, [ListedRoles]))
  await db.query(`INSERT INTO account (roles, tags) VALUES ('user,admin', '{a,b}'), ('user', '{}')`)
})
afterAll(async () => db?.drop())

it('warns that a simple-array made an array, or an array made simple-array, is converted whole', async () => {
  const { hazards } = await compareProject(projectFor(db, [ArrayRoles]))
  const casts = hazards.filter((h) => h.code === 'TYPE_CAST_MAY_FAIL' && h.message.includes(', declared '))
  expect(casts.map((h) => [h.severity, h.operation?.kind, h.message.replace(/:.*/, '')])).toEqual([
    ['danger', 'alter_column', 'Changes "public"."account"."roles" from text to text[], declared simple-array before and text now'],
    ['danger', 'alter_column', 'Changes "public"."account"."tags" from text[] to text, declared text before and simple-array now'],
  ])
  expect(casts[0]!.message).toContain('`user,admin` becomes the one element `{"user,admin"}`')
})

it('says nothing where the stored type stays (a change of nullability alone)', async () => {
  const { hazards } = await compareProject(projectFor(db, [LongerRoles]))
  expect(hazards.filter((h) => h.message.includes(', declared '))).toEqual([])
})
