import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import { DefaultForms, UuidKeys } from '../support/postgres-default-forms'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Every common default form leaves `check` clean right after the migration that created it: PostgreSQL
// rewrites what it stores, and the diff must not regenerate the same "change" forever.

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('defaults_cycle')
})
afterAll(async () => db?.drop())

it('creates every default form and then finds nothing to change', async () => {
  const { up } = await migrateTo(db, [DefaultForms, UuidKeys], 'Defaults')
  expect(up.map((op) => op.kind)).toEqual([
    'create_extension',
    'create_enum',
    'create_enum',
    'create_table',
    'create_table',
  ])
  expect(await pendingChanges(db, [DefaultForms, UuidKeys])).toEqual([])
  await db.query('INSERT INTO default_forms DEFAULT VALUES')
  const [row] = await db.query<Record<string, unknown>>('SELECT plain, "emptyJsonb", json, half, flag, "arrayValues", status, named, "handCast" FROM default_forms')
  expect(row).toEqual({
    plain: 'abc',
    emptyJsonb: {},
    json: { a: 1 },
    half: '0.5',
    flag: true,
    arrayValues: ['a', 'b'],
    status: 'active',
    named: 'active',
    handCast: 'disabled',
  })
  await db.query('DELETE FROM default_forms')
  await revertLast(db, [DefaultForms, UuidKeys])
  expect(await pendingChanges(db, [])).toEqual([])
})

@Entity('labels')
class Labels {
  @PrimaryGeneratedColumn() id: number
  // TypeORM joins the elements as they are: '{it's,a,b,,"q"}' breaks the statement, splits 'a,b' and drops ''.
  @Column({ type: 'text', array: true, default: ["it's", 'a,b', '', 'say "hi"', 'back\\slash', 'NULL'] }) quoted: string[]
  @Column({ type: 'text', array: true, default: ['plain', 'words'] }) plain: string[]
}

it('writes array defaults whose elements need quoting as the elements given, and then finds nothing to change', async () => {
  const labels = await createPostgresDatabase('array_defaults')
  try {
    await migrateTo(labels, [Labels], 'Labels')
    expect(await pendingChanges(labels, [Labels])).toEqual([])
    await labels.query('INSERT INTO labels DEFAULT VALUES')
    expect(await labels.query('SELECT quoted, plain FROM labels')).toEqual([
      { quoted: ["it's", 'a,b', '', 'say "hi"', 'back\\slash', 'NULL'], plain: ['plain', 'words'] },
    ])
  } finally {
    await labels.drop()
  }
})

@Entity('events')
class Events {
  @PrimaryGeneratedColumn() id: number
  @CreateDateColumn() createdAt: Date
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date
  @Column({ type: 'timestamp', default: () => 'now()' }) seenAt: Date
}

it('takes CURRENT_TIMESTAMP(n) keeping every digit its column stores as now(), as hand-written and Prisma migrations write it', async () => {
  const events = await createPostgresDatabase('timestamp_digits')
  try {
    await events.query(`CREATE TABLE events (id serial PRIMARY KEY, "createdAt" timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      "updatedAt" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "seenAt" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(3))`)
    // Only the last is a change: CURRENT_TIMESTAMP(3) rounds to milliseconds what the column would keep in microseconds
    // (and the primary key's name, left to PostgreSQL here).
    const changes = (await pendingChanges(events, [Events])).filter((op) => op.kind !== 'rename_constraint')
    expect(changes.map((op) => op.kind === 'alter_column' ? `${op.to.name}: ${op.from.default} -> ${op.to.default}` : op.kind))
      .toEqual(['seenAt: CURRENT_TIMESTAMP(3) -> CURRENT_TIMESTAMP'])
  } finally {
    await events.drop()
  }
})

@Entity('stamps')
class Stamps {
  @PrimaryGeneratedColumn() id: number
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }) createdAt: Date
  @UpdateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }) updatedAt: Date
  @Column({ type: 'timestamp', precision: 3, default: () => 'LOCALTIMESTAMP(3)' }) seenAt: Date
}

it('takes an entity default written CURRENT_TIMESTAMP(n) as the database stores it, as n8n declares its timestamps', async () => {
  const stamps = await createPostgresDatabase('timestamp_digits_declared')
  try {
    // TypeORM hands the default over as ('now'::text)::timestamp(3) with time zone; hand-written migrations store
    // CURRENT_TIMESTAMP(3) or now(), which a timestamptz(3) rounds to the same milliseconds.
    await stamps.query(`CREATE TABLE stamps (id serial PRIMARY KEY, "createdAt" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      "updatedAt" timestamptz(3) NOT NULL DEFAULT now(), "seenAt" timestamp(3) NOT NULL DEFAULT LOCALTIMESTAMP(3))`)
    expect((await pendingChanges(stamps, [Stamps])).filter((op) => op.kind !== 'rename_constraint')).toEqual([])
  } finally {
    await stamps.drop()
  }
})
