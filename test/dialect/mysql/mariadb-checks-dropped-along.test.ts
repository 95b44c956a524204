import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migratedDatabase } from '../../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { checksDroppedAlong } from '../../../src/dialect/mysql/mysql-checks-dropped-along'
import { type MysqlServer, mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'
import { col, mariadb1011, myTable, mysql8 } from './my-models'

// MariaDB drops, with whatever column an ALTER drops, every check of the table that reads none of its columns:
// an entity's `@Check('"views" >= 0')` (a check written for PostgreSQL), which MariaDB reads as the string 'views'
// (NAME_READ_AS_STRING warns of it). A migration dropping any other column lost it: the next check found it
// missing, and a down dropping a column the up added left the table without it. (In strict mode such a check
// refuses every row, 'views' being no number: the table stays empty.)

function entities(withSubtitle: boolean, withNote = false, withTag = false) {
  @Entity('post')
  @Check('CHK_views', '"views" >= 0')
  @Check('CHK_real', '`views` < 1000000')
  class Post {
    @PrimaryGeneratedColumn() id: number
    @Column({ default: 0 }) views: number
  }
  if (withSubtitle) Column({ type: 'varchar', length: 40, nullable: true })(Post.prototype, 'subtitle')
  if (withNote) Column({ type: 'varchar', length: 40, nullable: true })(Post.prototype, 'note')
  if (withTag) Column({ type: 'varchar', length: 40, nullable: true })(Post.prototype, 'tag')
  return [Post]
}

describe('a check that reads no column, on mariadb', () => {
  const db = migratedDatabase(() => createMariaDbDatabase('checks_dropped_along'), entities(true, true), 'SELECT 1')
  const checks = () => checksOf(db())

  it('is added again by the ALTER that drops a column, up and down', async () => {
    expect(await checks()).toEqual(['CHK_real', 'CHK_views'])
    const { source } = await expectCleanCycle(db(), entities(true, true), entities(false), 'DropColumns', 'SELECT id FROM post')
    const sql = source.replaceAll('\\`', '`')
    expect(sql).toContain("DROP COLUMN IF EXISTS `note`, DROP COLUMN IF EXISTS `subtitle`, ADD CONSTRAINT `CHK_views` CHECK ('views' >= 0)`")
    expect(sql.match(/ADD CONSTRAINT `CHK_views`/g)).toHaveLength(1)
    expect(await checks()).toEqual(['CHK_real', 'CHK_views'])
  })
})

describe('a check that reads no column, on mariadb, when a down drops a column', () => {
  const db = migratedDatabase(() => createMariaDbDatabase('checks_dropped_by_down'), entities(true), 'SELECT 1')

  it('is added again by the down that drops the column its up added', async () => {
    await expectCleanCycle(db(), entities(true), entities(true, false, true), 'AddTag', 'SELECT id FROM post')
    expect(await checksOf(db())).toEqual(['CHK_real', 'CHK_views'])
  })
})

async function checksOf(db: TestDatabase): Promise<string[]> {
  const rows = await db.query("SELECT CONSTRAINT_NAME AS name FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post' ORDER BY 1")
  return (rows as { name: string }[]).map((r) => r.name)
}

describe('checksDroppedAlong', () => {
  const table = myTable('post', [col('id'), col('views')], {
    checks: [{ name: 'CHK_views', expression: '"views" >= 0' }, { name: 'CHK_real', expression: '`views` < 10' }, { name: 'CHK_const', expression: "'a' <> 'b'" }],
  })
  const names = (server: MysqlServer, last = table) => checksDroppedAlong(table, last, server).map((c) => c.name)

  it('are the checks that read no column, on MariaDB', () => {
    expect(names(mariadb1011)).toEqual(['CHK_views', 'CHK_const'])
  })

  it('leave out those the migration drops later, and a name in double quotes where ANSI_QUOTES makes it one', () => {
    expect(names(mariadb1011, { ...table, checks: table.checks.slice(1) })).toEqual(['CHK_const'])
    expect(names(mysqlServerOf('10.11.6-MariaDB', 'STRICT_TRANS_TABLES,ANSI_QUOTES'))).toEqual(['CHK_const'])
  })

  it('are none on MySQL 8 (not measured there: MySQL 8 cannot run on this machine)', () => {
    expect(names(mysql8)).toEqual([])
  })
})
