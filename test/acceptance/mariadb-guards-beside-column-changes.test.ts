import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// The checks that run before a migration's first statement for rows a new foreign key or unique key would refuse
// (see mariadb-orphan-guards, mariadb-constraint-guards) were left out whenever an earlier operation touched the
// referenced table at all, or any column of the keyed table, so the ADD failed after the statements before it had
// committed. Found on CSTT-SIS/HRM_BE (NestJS, 58 entities): users.id made a bigint (TypeORM makes every column that
// joins to it one too) in the migration that gave tasks.assignee its foreign key, while a task's assignee_id pointed
// at no user: 33 ALTERs stayed done. A change that keeps every value as it was (a wider integer, another column
// added) leaves what the check finds as it is, so the check now runs first there too.

@Entity('member')
class MemberBefore {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
}

@Entity('member')
class MemberWithNickname {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
  @Column({ type: 'varchar', length: 30, nullable: true }) nickname: string | null
}

@Entity('member')
class MemberBigint {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
}

@Entity('member')
@Unique('UQ_member_email', ['email'])
class MemberUniqueEmail {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number
  @Column({ type: 'varchar', length: 60, nullable: true }) email: string | null
  @Column({ type: 'varchar', length: 30, nullable: true }) nickname: string | null
}

@Entity('task')
class TaskBefore {
  @PrimaryColumn('int') id: number
  @Column({ name: 'assignee_id', type: 'int', unsigned: true, nullable: true }) assigneeId: number | null
}

// As HRM_BE's tasks.assignee: the join column declared beside the relation, its type taken from the member's id.
function keyedTask(member: Function) {
  @Entity('task')
  class TaskKeyed {
    @PrimaryColumn('int') id: number
    @Column({ name: 'assignee_id', type: 'int', unsigned: true, nullable: true }) assigneeId: number | null
    @ManyToOne(() => member, { nullable: true, onDelete: 'SET NULL' }) @JoinColumn({ name: 'assignee_id' }) assignee: unknown
  }
  return TaskKeyed
}

const columnsQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"
const keysQuery = "SELECT CONSTRAINT_NAME n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY n"

describe('MariaDB: checks before the first statement, beside changes that keep the values they test', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('guards_beside')
    await migrateTo(db, [MemberBefore, TaskBefore], 'Init')
    await db.query("INSERT INTO member (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com'), (3, NULL)")
    await db.query('INSERT INTO task (id, assignee_id) VALUES (1, 1), (2, NULL), (3, 99)')
  })
  afterEach(async () => db?.drop())

  async function failsFirst(entities: Function[], message: string): Promise<void> {
    const columnsBefore = await db.query(columnsQuery)
    await generateMigration(projectFor(db, entities), 'Change', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, entities)).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain(message)
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)
    expect(await db.query(keysQuery)).toEqual([])
  }

  it('a foreign key to a table that gains a column', async () => {
    const entities = [MemberWithNickname, keyedTask(MemberWithNickname)]
    await failsFirst(entities, 'rows of "task" ("assignee_id") point at no row of "member"')

    await db.query('UPDATE task SET assignee_id = NULL WHERE id = 3')
    expect(await upgrade(projectFor(db, entities))).toEqual(['Change1800000000000'])
    expect(await pendingChanges(db, entities)).toEqual([])
  })

  it('a foreign key whose referenced and referencing columns are made wider integers', async () => {
    const entities = [MemberBigint, keyedTask(MemberBigint)]
    await failsFirst(entities, 'rows of "task" ("assignee_id") point at no row of "member"')

    await db.query('UPDATE task SET assignee_id = 2 WHERE id = 3')
    expect(await upgrade(projectFor(db, entities))).toEqual(['Change1800000000000'])
    expect(await pendingChanges(db, entities)).toEqual([])
    expect(await db.query('SELECT id, assignee_id a FROM task ORDER BY id')).toEqual([{ id: 1, a: '1' }, { id: 2, a: null }, { id: 3, a: '2' }])
  })

  it('a unique key on a table that gains another column', async () => {
    const entities = [MemberUniqueEmail, TaskBefore]
    await failsFirst(entities, 'rows of "member" repeat values of ("email"), which unique "UQ_member_email" takes once')

    await db.query("UPDATE member SET email = 'b@example.com' WHERE id = 2")
    expect(await upgrade(projectFor(db, entities))).toEqual(['Change1800000000000'])
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})
