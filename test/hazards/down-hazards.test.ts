import { readFileSync } from 'node:fs'
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { unacceptedHazards } from '../../src/hazards/accepted-hazards'
import { compareProject } from '../../src/pipeline/compare-project'
import { downHazardsNow } from '../../src/pipeline/down-hazards-at-downgrade'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { shownBy } from '../../src/pipeline/shown-findings'
import { renderReport } from '../../src/render/report'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { allDialects, inQuotesOf, type TestDatabase } from '../support/test-database'

@Entity('team')
class Team {
  @PrimaryGeneratedColumn() id: number
}

function membersBefore(label: string) {
  @Entity('member')
  @Check('score_not_negative', 'score >= 0')
  class MemberBefore {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 100 }) name: string
    @Column({ type: 'varchar', length: 100, unique: true }) email: string
    @Column({ type: label === 'sqlite' ? 'simple-enum' : 'enum', enum: ['active', 'archived'] }) status: string
    @Column({ type: 'integer' }) score: number
    @ManyToOne(() => Team) @JoinColumn({ name: 'teamId' }) team: Team
    @Column({ type: 'integer' }) teamId: number
  }
  return MemberBefore
}

/** up widens name and makes it nullable, drops the unique, loosens the enum, and drops the check and the foreign key. */
@Entity('member')
class MemberLoosened {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 255, nullable: true }) name: string | null
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'integer' }) score: number
  @Column({ type: 'integer' }) teamId: number
}

function membersAdded(label: string) {
  const Before = membersBefore(label)
  /** up only adds: a column and a table, which down drops. */
  @Entity('member')
  @Check('score_not_negative', 'score >= 0')
  class MemberAdded extends Before {
    @Column({ type: 'varchar', length: 30, nullable: true }) nickname: string | null
  }
  @Entity('badge')
  class Badge {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 30, unique: true }) label: string
  }
  return [MemberAdded, Badge]
}

/** up drops NOT NULL columns with no default (IRREVERSIBLE), and the check: down stops first while the table has rows. */
@Entity('member')
class MemberWithout {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'integer' }) score: number
}

@Entity('tagged')
class Tagged {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, nullable: true, unique: true }) code: string | null
  @ManyToOne(() => Team, { nullable: true }) @JoinColumn({ name: 'teamId' }) team: Team | null
  @Column({ type: 'integer', nullable: true }) teamId: number | null
}

/** up drops the nullable columns: down adds them back holding NULL in every row, which no unique or foreign key refuses. */
@Entity('tagged')
class TaggedWithout {
  @PrimaryGeneratedColumn() id: number
}

describe.each(allDialects('down_hazards'))('%s: the hazards of down are found at generate, without counts', (label, create) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await create()
    await migrateTo(db, [Team, Tagged, membersBefore(label)], 'Init')
    await db.query('INSERT INTO team (id) VALUES (1)')
    await db.query('INSERT INTO tagged (code, "teamId") VALUES (\'a\', 1)'.replace(/"/g, label === 'mariadb' ? '`' : '"'))
  })
  afterAll(async () => {
    await db.drop()
  })

  it('a down that narrows, sets NOT NULL, puts back an enum, a unique, a check and a foreign key warns of each', async () => {
    const comparison = await compareProject(projectFor(db, [Team, Tagged, MemberLoosened]))
    expect((comparison.downHazards ?? []).map((h) => h.code).sort()).toEqual(expectedCodes(label))
    expect(comparison.downHazards!.every((h) => h.measurement === undefined)).toBe(true)
  })

  it('a down that only drops what up added has no hazards', async () => {
    const comparison = await compareProject(projectFor(db, [Team, Tagged, ...membersAdded(label)]))
    expect(comparison.up.length).toBeGreaterThan(0)
    expect(comparison.downHazards).toEqual([])
  })

  it('a down that adds back the columns up dropped, empty, with their unique and foreign key, has none', async () => {
    const comparison = await compareProject(projectFor(db, [Team, TaggedWithout, MemberWithout]))
    expect(comparison.hazards.filter((h) => h.code === 'IRREVERSIBLE').length).toBeGreaterThan(0)
    expect(comparison.downHazards).toEqual([])
  })

  it('diff and check list them in text, json, markdown and github, apart from the hazards of up', async () => {
    const comparison = await compareProject(projectFor(db, [Team, Tagged, MemberLoosened]))
    const text = renderReport(comparison, 'text', 'both')
    expect(text).toContain('Down hazards (where down fails or loses what was written since up; downgrade counts them first):')
    expect(text.slice(text.indexOf('Down SQL:'))).toMatch(/-- down hazard SET_NOT_NULL ("public"\.)?"member"\."name" \(warning\)/)
    const json = JSON.parse(renderReport(comparison, 'json')) as { hazards: { code: string }[]; downHazards: { code: string; severity: string; message: string }[] }
    expect(json.downHazards.map((h) => h.code).sort()).toEqual(expectedCodes(label))
    expect(json.hazards.map((h) => h.code)).not.toContain('SET_NOT_NULL')
    expect(renderReport(comparison, 'markdown')).toContain(`### Hazards of down (${expectedCodes(label).length})`)
    const annotations = renderReport(comparison, 'github').split('\n').filter((line) => line.includes('title=down%3A '))
    expect(annotations.map((line) => /title=down%3A (\w+)/.exec(line)![1]).sort()).toEqual(expectedCodes(label))
    expect(annotations.every((line) => line.startsWith('::warning ') || line.startsWith('::notice '))).toBe(true)
  })

  it('the file lists them in a section of their own and above their statements in down(), with nothing to accept', async () => {
    const result = await generateMigration(projectFor(db, [Team, Tagged, MemberLoosened]), 'Loosen', 1_900_000_000_000, { dryRun: false })
    const source = readFileSync(result.file!, 'utf8')
    const down = source.slice(source.indexOf('public async down('))
    expect(source).toContain('Down hazards (')
    expect(down).toMatch(/\/\/ down hazard SET_NOT_NULL \(warning\): Makes ("public"\.)?"member"\."name" NOT NULL/)
    expect(unacceptedHazards(source).map((h) => h.code)).not.toContain('SET_NOT_NULL')
  })
})

/** expectedCodes are the hazards of down of MemberLoosened, on each database. */
function expectedCodes(label: string): string[] {
  switch (label) {
    // SQLite enforces no length: narrowing name back is a NO_SCHEMA_EFFECT note of up's kind, not a down hazard.
    case 'sqlite': return ['ADD_CHECK', 'ADD_FOREIGN_KEY', 'ADD_UNIQUE', 'ENUM_VALUE_REMOVED', 'SET_NOT_NULL']
    default: return ['ADD_CHECK', 'ADD_FOREIGN_KEY', 'ADD_UNIQUE', 'SET_NOT_NULL', 'TYPE_CAST_MAY_FAIL', 'TYPE_NARROWING']
  }
}

function states(label: string, labels: readonly string[]) {
  @Entity('state')
  class State {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: label === 'sqlite' ? 'simple-enum' : 'enum', enum: labels }) status: string
  }
  return State
}

@Entity('parent')
class Parent {
  @PrimaryGeneratedColumn() id: number
}

function children(checked: boolean) {
  @Entity('child')
  @Check('qty_not_negative', 'qty >= 0')
  class ChildChecked {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'integer' }) qty: number
    @ManyToOne(() => Parent) @JoinColumn({ name: 'parentId' }) parent: Parent
    @Column({ type: 'integer' }) parentId: number
  }
  @Entity('child')
  class ChildLoose {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'integer' }) qty: number
    @Column({ type: 'integer' }) parentId: number
  }
  return checked ? ChildChecked : ChildLoose
}

describe.each(allDialects('down_counts'))('%s: downgrade counts what a down puts back on the rows written since', (label, create) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await create()
    await migrateTo(db, [states(label, ['on', 'off']), Parent, children(true)], 'Init')
  })

  it('a check and a foreign key up dropped: the rows breaking the check and those pointing nowhere', async () => {
    const entities = [states(label, ['on', 'off']), Parent, children(false)]
    await migrateTo(db, entities, 'Loosen')
    await db.query('INSERT INTO parent (id) VALUES (1)')
    await db.query(inQuotesOf(label, 'INSERT INTO child (qty, "parentId") VALUES (1, 1), (-1, 1), (2, 7)'))
    const applied = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id DESC'))[0]!.name
    const now = await downHazardsNow(projectFor(db, entities), [applied], shownBy({}))
    expect(now.warnings).toEqual([])
    expect(now.migrations.flatMap((m) => m.hazards.map((h) => [h.code, h.measurement?.count])).sort()).toEqual([['ADD_CHECK', 1], ['ADD_FOREIGN_KEY', 1]])
    await db.query('DELETE FROM child')
  })
  afterAll(async () => {
    await db.drop()
  })

  it('ENUM_VALUE_REMOVED, with the rows holding the label', async () => {
    const entities = [states(label, ['on', 'off', 'paused']), Parent, children(false)]
    const { up } = await migrateTo(db, entities, 'Paused')
    expect(up.length).toBeGreaterThan(0)
    await db.query("INSERT INTO state (status) VALUES ('on'), ('paused'), ('paused')")
    const project = projectFor(db, entities)
    const applied = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id DESC'))[0]!.name
    const now = await downHazardsNow(project, [applied], shownBy({}))
    expect(now.warnings).toEqual([])
    expect(now.migrations.flatMap((m) => m.hazards.map((h) => [h.code, h.measurement?.count]))).toEqual([['ENUM_VALUE_REMOVED', 2]])
  })
})
