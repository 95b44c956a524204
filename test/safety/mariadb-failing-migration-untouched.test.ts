import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// MariaDB commits each schema change on its own: a migration that fails on the rows halfway leaves the statements
// before it applied. Every change below but one fails on the rows given, beside a change of another table that comes first
// (a column added to "other"): the migration must stop before its first statement, leaving schema and rows as they
// were. "new unique not null column" and "new required relation" were found failing after "other" had changed.

@Entity('other') class Other0 { @PrimaryColumn('int') id: number }
@Entity('other') class Other1 { @PrimaryColumn('int') id: number; @Column({ type: 'int', nullable: true }) extra: number | null }
@Entity('p') class P { @PrimaryColumn('int') id: number }

@Entity('t') class Plain { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class UniqueCode { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true, unique: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') @Unique(['code', 'qty']) class UniquePair { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') @Index(['code'], { unique: true }) class UniqueIndex { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') @Check('qty >= 0') class Checked { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class NotNullCode { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20 }) code: string; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class Narrow { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 5, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class SmallQty { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'smallint', nullable: true }) qty: number | null }
@Entity('t') class IntCode { @PrimaryColumn('int') id: number; @Column({ type: 'int', nullable: true }) code: number | null; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class CodeKey { @PrimaryColumn('int') id: number; @PrimaryColumn({ type: 'varchar', length: 20 }) code: string; @Column({ type: 'int', nullable: true }) qty: number | null }
@Entity('t') class NewUnique { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'varchar', length: 20, unique: true }) tag: string }
@Entity('t') class NewOwner { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @ManyToOne(() => P, { nullable: false }) owner: P }
@Entity('t') class WithParentColumn { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'int', nullable: true }) parentId: number | null }
@Entity('t') class WithParent { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'int', nullable: true }) parentId: number | null; @ManyToOne(() => P, { nullable: true }) @JoinColumn({ name: 'parentId' }) parent: P | null }
@Entity('t') class Enum3 { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'simple-enum', enum: ['a', 'b', 'c'], nullable: true }) kind: string | null }
@Entity('t') class Enum2 { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'simple-enum', enum: ['a', 'b'], nullable: true }) kind: string | null }
@Entity('t') class Dec10 { @PrimaryGeneratedColumn() id: number; @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true }) amount: string | null }
@Entity('t') class Dec4 { @PrimaryGeneratedColumn() id: number; @Column({ type: 'decimal', precision: 4, scale: 2, nullable: true }) amount: string | null }
@Entity('t') class ParentKeyed { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null; @Column({ type: 'int', nullable: true }) qty: number | null; @Column({ type: 'int', nullable: true }) parentId: number | null; @ManyToOne(() => P, { nullable: false }) @JoinColumn({ name: 'parentId' }) parent: P }

interface Case { name: string; before: EntityList; after: EntityList; rows: string[]; strategy?: 'expand-contract' }
const rowsT = `INSERT INTO "t" ("id", "code", "qty") VALUES (1, 'x', 1), (2, 'x', 1), (3, 'abcdefgh', -5), (4, NULL, 70000)`
const cases: Case[] = [
  { name: 'unique', before: [Plain], after: [UniqueCode], rows: [rowsT] },
  { name: 'unique pair', before: [Plain], after: [UniquePair], rows: [rowsT] },
  { name: 'unique index', before: [Plain], after: [UniqueIndex], rows: [rowsT] },
  { name: 'check', before: [Plain], after: [Checked], rows: [rowsT] },
  { name: 'not null', before: [Plain], after: [NotNullCode], rows: [rowsT] },
  { name: 'narrow varchar', before: [Plain], after: [Narrow], rows: [rowsT] },
  { name: 'int to smallint', before: [Plain], after: [SmallQty], rows: [rowsT] },
  { name: 'text to int', before: [Plain], after: [IntCode], rows: [rowsT] },
  { name: 'primary key over a null', before: [Plain], after: [CodeKey], rows: [`INSERT INTO "t" ("id", "code", "qty") VALUES (1, 'x', 1), (2, NULL, 1)`] },
  { name: 'new unique not null column', before: [Plain], after: [NewUnique], rows: [rowsT] },
  { name: 'new required relation', before: [Plain, P], after: [NewOwner, P], rows: [rowsT] },
  { name: 'fk on orphans', before: [WithParentColumn, P], after: [WithParent, P], rows: [`INSERT INTO "t" ("id", "code", "parentId") VALUES (1, 'x', 99)`] },
  { name: 'fk added over nulls', before: [WithParentColumn, P], after: [ParentKeyed, P], rows: [`INSERT INTO "p" ("id") VALUES (1)`, `INSERT INTO "t" ("id", "code", "parentId") VALUES (1, 'x', 1), (2, 'y', NULL)`] },
  { name: 'enum label removed', before: [Enum3], after: [Enum2], rows: [`INSERT INTO "t" ("id", "kind") VALUES (1, 'c'), (2, 'a')`] },
  { name: 'decimal narrowed', before: [Dec10], after: [Dec4], rows: [`INSERT INTO "t" ("amount") VALUES (12345.67), (1.5)`] },
  // The expand migration adds "code__new" (committed at once), then copies into it: the copy's guard goes first.
  { name: 'expand: narrow varchar', before: [Plain], after: [Narrow], rows: [rowsT], strategy: 'expand-contract' },
  { name: 'expand: text to int', before: [Plain], after: [IntCode], rows: [rowsT], strategy: 'expand-contract' },
]


async function snapshot(db: TestDatabase): Promise<unknown[]> {
  const tables = await db.query<{ t: string }>(`SELECT TABLE_NAME t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1`)
  const out: unknown[] = []
  for (const { t } of tables) out.push(await db.query(`SHOW CREATE TABLE "${t}"`), await db.query(`SELECT * FROM "${t}"`))
  return out
}

// A foreign key checks no NULL: this one applies.
const applies = new Set(['fk added over nulls'])

describe('MariaDB: a migration failing on the rows changes nothing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const db = await createMariaDbDatabase('failsuntouched')
    try {
      await migrateTo(db, [...c.before, Other0], 'Init')
      for (const sql of c.rows) await db.query(sql)
      const after = [...c.after, Other1]
      await generateMigration(projectFor(db, after), 'Change', 1_800_000_000_000, c.strategy === undefined ? {} : { strategy: c.strategy })
      const before = await snapshot(db)
      if (applies.has(name)) return void (await upgrade(projectFor(db, after)))
      await expect(upgrade(projectFor(db, after))).rejects.toThrow(/nothing of the table was changed/)
      expect(await snapshot(db)).toEqual(before)
    } finally {
      await db.drop()
    }
  })
})
