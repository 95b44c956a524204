import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// The MySQL counterpart of postgres-defaults: every common default form leaves `check` clean right after the
// migration that created it, though MariaDB stores many of them in another spelling (`current_timestamp()`,
// `0.50`, `'a,b'`, numbers unquoted), and down brings the empty database back.

enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
}

@Entity('default_forms')
class DefaultForms {
  @PrimaryGeneratedColumn() id: number
  @Column({ default: 'abc' }) plain: string
  @Column({ type: 'varchar', default: 'say "hi"' }) quoted: string
  @Column({ type: 'varchar', length: 20, default: "it's" }) apostrophe: string
  // TypeORM writes a string between quotes as it is: MySQL reads 'C:\temp' as C:<tab>emp.
  @Column({ type: 'varchar', length: 20, default: 'C:\\temp\\new' }) windowsPath: string
  @Column({ type: 'boolean', default: 'true' as never }) stringFlag: boolean
  @Column({ type: 'datetime', default: () => 'now()' }) createdNow: Date
  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' }) createdCurrent: Date
  @Column({ type: 'timestamp', default: () => 'current_timestamp()' }) lowerCurrent: Date
  @Column({ type: 'datetime', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)' }) precise: Date
  @CreateDateColumn() createdAt: Date
  @UpdateDateColumn() updatedAt: Date
  @Column({ type: 'decimal', precision: 5, scale: 2, default: 0.5 }) half: string
  @Column({ type: 'decimal', precision: 5, scale: 2, default: () => '0.50' }) halfRaw: string
  @Column({ type: 'decimal', precision: 5, scale: 2, default: () => "'0.5'" }) halfQuoted: string
  @Column({ default: true }) flag: boolean
  @Column({ type: 'boolean', default: () => 'false' }) rawFlag: boolean
  @Column({ type: 'int', default: -1 }) negative: number
  @Column({ type: 'int', default: () => '-1' }) negativeRaw: number
  @Column({ type: 'int', default: () => "'7'" }) quotedInt: number
  @Column({ type: 'float', default: -2 }) negativeFloat: number
  @Column({ type: 'double', default: 1e3 }) exponent: number
  // TypeORM's driver rounds a number default to the column's scale, and these have none: 1.5 became 2.
  @Column({ type: 'double', default: 1.5 }) ratio: number
  @Column({ type: 'float', default: 0.25 }) quarter: number
  @Column({ type: 'enum', enum: UserStatus, default: UserStatus.Active }) status: UserStatus
  @Column({ type: 'set', enum: ['a', 'b', 'c'], default: ['a', 'b'] }) letters: string[]
  // The server stores a set's members in the labels' order, each once, spelled as its label.
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true, default: 'b,a' }) reordered: string[]
  @Column({ type: 'set', enum: ['a', 'b', 'c'], default: ['c', 'A', 'c'] }) repeated: string[]
  // And an enum's default spelled as its label.
  @Column({ type: 'enum', enum: ['x', 'Y'], default: 'y' }) otherCase: string
  @Column({ type: 'varchar', length: 36, default: () => '(uuid())' }) uuid: string
  @Column({ type: 'date', default: () => '(curdate())' }) today: string
  @Column({ type: 'text', default: () => "('long text')" }) longText: string
  // Expressions the server stores in its own spelling: chr(65) as char(65 using utf8mb4), substring as substr.
  @Column({ type: 'varchar', length: 20, default: () => "concat(chr(65), 'FMU000')" }) displayId: string
  @Column({ type: 'varchar', length: 20, default: () => "(SUBSTRING('abcdef', 2, 3))" }) part: string
  @Column({ type: 'time', default: '12:00:00' }) noon: string
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) nullDefault: string | null
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('defaults_cycle')
})
afterAll(async () => db?.drop())

it('creates every default form and then finds nothing to change', async () => {
  const { up } = await migrateTo(db, [DefaultForms], 'Defaults')
  expect(up.map((op) => op.kind)).toEqual(['create_table'])
  expect(await pendingChanges(db, [DefaultForms])).toEqual([])
  await db.query('INSERT INTO default_forms () VALUES ()')
  const [row] = await db.query<Record<string, unknown>>(
    'SELECT plain, quoted, apostrophe, "windowsPath", "stringFlag", half, "halfQuoted", ratio, quarter, flag, "rawFlag", negative, "quotedInt", status, letters, reordered, repeated, "otherCase", "longText", noon, "nullDefault" FROM default_forms')
  expect(row).toEqual({
    plain: 'abc',
    quoted: 'say "hi"',
    apostrophe: "it's",
    windowsPath: 'C:\\temp\\new',
    stringFlag: 1,
    half: '0.50',
    halfQuoted: '0.50',
    ratio: 1.5,
    quarter: 0.25,
    flag: 1,
    rawFlag: 0,
    negative: -1,
    quotedInt: 7,
    status: 'active',
    letters: 'a,b',
    reordered: 'a,b',
    repeated: 'a,c',
    otherCase: 'Y',
    longText: 'long text',
    noon: '12:00:00',
    nullDefault: null,
  })
  await db.query('DELETE FROM default_forms')
  await revertLast(db, [DefaultForms])
  expect(await pendingChanges(db, [])).toEqual([])
})

// A collation of another database (TypeORM's own examples name PostgreSQL's `en_US`) would fail the CREATE
// TABLE after the statements before it had run: every command refuses it first, naming the column.
@Entity('titled')
class Titled {
  @PrimaryGeneratedColumn() id: number
  @Column({ collation: 'utf8mb4_BIN' }) code: string
  // MariaDB 10.10+ lists this one by its full name only in COLLATION_CHARACTER_SET_APPLICABILITY.
  @Column({ collation: 'utf8mb4_uca1400_ai_ci' }) sortable: string
  @Column({ collation: 'en_US' }) title: string
}

it('refuses a collation the server does not have, naming the column', async () => {
  await expect(pendingChanges(db, [Titled])).rejects.toThrow(
    '"titled"."title" declares collation "en_US", which this server does not have: name one that SHOW COLLATION lists in the entity, then run again')
})

@Entity('labelled')
class Labelled {
  @PrimaryGeneratedColumn() id: number
  @Column({ collation: 'French_CI_AS' }) label: string
  @Column({ charset: 'LATIN9' }) note: string
}

it('names every charset and collation the server does not have in one run', async () => {
  await expect(pendingChanges(db, [Labelled, Titled])).rejects.toThrow(new RegExp('^3 problems stop this run, fix each: ' +
    '\\(1\\) "labelled"\\."label" declares collation "French_CI_AS", .*; \\(2\\) "labelled"\\."note" declares charset "LATIN9", .*; \\(3\\) "titled"\\."title" declares collation "en_US", '))
})
