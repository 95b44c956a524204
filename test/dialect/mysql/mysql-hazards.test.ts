import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { MysqlServer } from '../../../src/dialect/mysql/mysql-server'
import { findHazards } from '../../../src/hazards/find-hazards'
import type { Operation } from '../../../src/operations/operation'
import { changeSetOf } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'
import { AUTOCOMMIT_NOTE, renderMigrationFile } from '../../../src/render/migration-file'
import { col, mariadb1011, myTable, mySchema, mysql8, mysql8Loose } from './my-models'

const mood = col('mood', 'enum', { enumValues: ['a', 'b'], nullable: true })
const name = col('name', 'varchar', { length: 50 })
const post = myTable('post', [col('id'), name, mood], { primaryKey: { columns: ['id'] } })
const before = mySchema([post])

// classifyTypeChange is the schema side's (mysql-type-change); these rules only need its answer.
const findingsOf = (ops: Operation[], server: MysqlServer) => {
  const dialect = { ...mysqlDialectAt(server), classifyTypeChange: () => 'narrowing' as const }
  const changes = changeSetOf(before, ops)
  return findHazards({ changes, statements: dialect.compile(changes), dialect })
}
const codes = (ops: Operation[], server: MysqlServer) => findingsOf(ops, server).map((f) => f.code)

describe('mysql hazards', () => {
  it('says a narrowing truncates silently outside strict mode, and may be rejected in it', () => {
    const narrowing = [alterColumn(post, name, { ...name, length: 10 })]
    const loose = findingsOf(narrowing, mysql8Loose).find((f) => f.code === 'TYPE_NARROWING')!
    expect(loose.what).toContain('silently truncates or rounds the values that do not fit: the server is not in strict mode (sql_mode)')
    // Which values it counts follows the type limits (the schema side's); some probe counts them.
    expect(loose.probe).toMatchObject({ table: { name: 'post' }, column: 'name' })
    const strict = findingsOf(narrowing, mysql8).find((f) => f.code === 'TYPE_NARROWING')!
    expect(strict.what).toContain('which may truncate, round or reject')
    expect(mysqlDialectAt(mysql8Loose).capabilities.truncatesOnNarrowing).toBe(true)
    expect(mysqlDialectAt(mariadb1011).capabilities.truncatesOnNarrowing).toBeUndefined()
  })

  it('says a NOT NULL column added without a default fills the rows with an implicit default', () => {
    const [finding] = findingsOf([{ kind: 'add_column', table: post, column: col('rank') }], mariadb1011)
    expect(finding).toMatchObject({
      code: 'ADD_NOT_NULL_WITHOUT_DEFAULT',
      what: expect.stringContaining("silently get its type's implicit default (0, '', a zero date, the first ENUM label)"),
      probe: { kind: 'rows', table: { name: 'post' } },
    })
  })

  it('reports an ENUM whose labels are reordered or inserted before the end, and counts the copy, but not labels added at the end', () => {
    expect(codes([alterColumn(post, mood, { ...mood, enumValues: ['a', 'b', 'c'] })], mariadb1011)).toEqual([])
    for (const labels of [['b', 'a'], ['a', 'c', 'b'], ['c', 'a', 'b']]) {
      const findings = findingsOf([alterColumn(post, mood, { ...mood, enumValues: labels })], mariadb1011)
      expect(findings.map((f) => f.code)).toEqual(['ENUM_REORDERED', 'TABLE_REBUILD'])
      expect(findings[0]!.probe).toEqual({ kind: 'non_null', table: { name: 'post' }, column: 'mood' })
    }
    expect(codes([alterColumn(post, mood, { ...mood, enumValues: ['b'] })], mariadb1011)).toEqual(['ENUM_VALUE_REMOVED', 'TABLE_REBUILD'])
  })

  it('reports no ENUM_REORDERED for a label put in the place of a removed one: the labels kept keep their positions', () => {
    // fantasticit/wipi's article.status: ('draft', 'publish') made ('unpublished', 'publish'); 'publish' stays 2.
    expect(codes([alterColumn(post, mood, { ...mood, enumValues: ['x', 'b'] })], mariadb1011)).toEqual(['ENUM_VALUE_REMOVED', 'TABLE_REBUILD'])
    expect(codes([alterColumn(post, mood, { ...mood, enumValues: ['x', 'y', 'b'] })], mariadb1011))
      .toEqual(['ENUM_VALUE_REMOVED', 'ENUM_REORDERED', 'TABLE_REBUILD'])
  })

  it('counts a table copy as TABLE_REBUILD, and asserts nothing where no copy happens', () => {
    expect(codes([alterColumn(post, col('id'), col('id', 'bigint'))], mariadb1011)).toEqual(['TYPE_NARROWING', 'TABLE_REBUILD'])
    expect(codes([{ kind: 'create_index', table: post, index: { name: 'IDX_name', columns: ['name'], unique: false } }], mariadb1011)).toEqual([])
  })

  it("counts a table's first FULLTEXT index as TABLE_REBUILD (InnoDB adds FTS_DOC_ID), not a second one", () => {
    const fulltext = (name: string) => ({ name, columns: ['name'], unique: false, method: 'fulltext' })
    for (const server of [mariadb1011, mysql8]) {
      expect(codes([{ kind: 'create_index', table: post, index: fulltext('FT_a') }], server)).toEqual(['TABLE_REBUILD'])
      const withOne = { ...post, indexes: [fulltext('FT_a')] }
      const changes = changeSetOf(mySchema([withOne]), [{ kind: 'create_index', table: withOne, index: fulltext('FT_b') }])
      const dialect = mysqlDialectAt(server)
      expect(findHazards({ changes, statements: dialect.compile(changes), dialect }).map((f) => f.code)).toEqual([])
    }
  })

  it('reports a type change that copies the table once, as TYPE_CHANGE_REWRITE, not as TABLE_REBUILD too', () => {
    const count = col('count', 'int')
    const counted = myTable('post', [col('id'), count], { primaryKey: { columns: ['id'] } })
    for (const server of [mariadb1011, mysql8]) {
      const dialect = mysqlDialectAt(server)
      const changes = changeSetOf(mySchema([counted]), [alterColumn(counted, count, { ...count, type: 'bigint' })])
      const findings = findHazards({ changes, statements: dialect.compile(changes), dialect })
      expect(findings.map((f) => f.code)).toEqual(['TYPE_CHANGE_REWRITE'])
      expect(findings[0]!.probe).toEqual({ kind: 'rows', table: { name: 'post' } })
    }
  })

  it("weighs a longer varchar by the table's charset: 255 to 320 utf8mb4 characters keeps the length prefix (safe), 50 to 100 grows it (a copy)", () => {
    const email = col('email', 'varchar', { length: 255 })
    const lead = myTable('lead', [col('id'), email], { primaryKey: { columns: ['id'] }, charset: 'utf8mb4' })
    const findingsFor = (length: number, from = email) => {
      const table = { ...lead, columns: [col('id'), from] }
      const dialect = mysqlDialectAt(mariadb1011)
      const changes = changeSetOf(mySchema([table]), [alterColumn(table, from, { ...from, length })])
      return findHazards({ changes, statements: dialect.compile(changes), dialect }).map((f) => f.code)
    }
    expect(findingsFor(320)).toEqual(['TYPE_CHANGE_SAFE'])
    expect(findingsFor(100, { ...email, length: 50 })).toEqual(['TYPE_CHANGE_REWRITE'])
  })

  it('says a rebuild in place (LOCK=NONE) lets writes go on, and a copy locks the table', () => {
    const [inPlace] = findingsOf([alterColumn(post, name, { ...name, nullable: true })], mariadb1011)
    expect(inPlace).toMatchObject({ code: 'TABLE_REBUILD', what: 'Rebuilds table "post" in place: every row and index is written again, while writes to the table go on' })
    expect(inPlace!.advice).not.toContain('locked')
    const copied = findingsOf([alterColumn(post, col('id'), col('id', 'bigint'))], mariadb1011).find((f) => f.code === 'TABLE_REBUILD')
    expect(copied!.advice).toContain('it is locked meanwhile')
  })

  it('counts one TABLE_REBUILD for a change between uuid and a number, which takes two ALTERs', () => {
    const id = col('id')
    expect(codes([alterColumn(post, id, { ...id, type: 'uuid' })], mariadb1011)).toEqual(['TYPE_NARROWING', 'TABLE_REBUILD'])
  })

  it('heads the migration file with the note that DDL runs outside transactions, but not for a plan of updates alone', () => {
    const ops: Operation[] = [{ kind: 'add_column', table: post, column: col('body', 'text', { nullable: true }) }]
    const changes = changeSetOf(before, ops)
    const dialect = mysqlDialectAt(mariadb1011)
    const plan = { name: 'AddBody', timestamp: 1700000000000, up: ops, upStatements: dialect.compile(changes), downStatements: [], warnings: [] }
    const header = renderMigrationFile(plan).source.split('import type')[0]!
    expect(header.replace(/\n \* /g, ' ')).toContain(AUTOCOMMIT_NOTE)
    const copy: Operation[] = [{ kind: 'copy_column', table: post, from: name, to: { ...name, name: 'title' }, rows: 'all' }]
    const updates = { ...plan, up: copy, upStatements: dialect.compile(changeSetOf(before, copy)) }
    expect(renderMigrationFile(updates).source).not.toContain('outside transactions')
  })

  it('says a copy from a number into an ENUM column reads each number as a label\'s position', () => {
    const rank = col('rank', 'int', { nullable: true })
    const ranked = myTable('post', [col('id'), rank], { primaryKey: { columns: ['id'] } })
    const copy: Operation[] = [{ kind: 'copy_column', table: ranked, from: rank, to: { ...mood, name: 'rank_label' }, rows: 'all' }]
    const dialect = mysqlDialectAt(mariadb1011)
    const changes = changeSetOf(mySchema([ranked]), copy)
    const [finding] = findHazards({ changes, statements: dialect.compile(changes), dialect })
    expect(finding).toMatchObject({
      code: 'TYPE_CAST_MAY_FAIL',
      what: 'Copies "post"."rank" into "rank_label" from int to enum (\'a\', \'b\'), which reads each number as the position of a label (1 becomes \'a\', 2 \'b\'), not as its text, and fails on a number that is no position',
      probe: { kind: 'non_null', table: { name: 'post' }, column: 'rank' },
    })
  })
})
