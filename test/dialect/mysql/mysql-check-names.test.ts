import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import { mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'
import { refuseSchemaWideNameClashes } from '../../../src/pipeline/schema-wide-name-clash'
import { migrateTo, pendingChanges, revertLast } from '../../support/migration-cycle'
import { column, schema, table } from '../../support/model-builders'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

// A @Check named on a base class names the check of every entity extending it. MySQL 8.0.16 and later enforce
// checks and want each name unique in the database (the second CREATE TABLE fails); MySQL before 8.0.16 ignores
// them, and MariaDB keeps a check's name to its table. MySQL 8 cannot run here: its branch is read off the
// server's version.

const twoTables = schema(['invoice', 'receipt'].map((name) => table(name, [column('id'), column('amount')], {
  checks: [{ name: 'chk_amount_positive', expression: 'amount > 0' }],
})))
const capabilitiesAt = (version: string) => mysqlDialectAt(mysqlServerOf(version, 'STRICT_TRANS_TABLES')).capabilities

describe('one check name on two tables', () => {
  it('is refused on MySQL 8.0.16 and later, naming both tables', () => {
    expect(() => refuseSchemaWideNameClashes(twoTables, capabilitiesAt('8.0.36'))).toThrow(
      '"chk_amount_positive" names the check of table invoice and the check of table receipt, but the database wants it unique in the database: ' +
      'give one of them another name (a name given on a base class names the check of every entity that extends it)',
    )
    expect(() => refuseSchemaWideNameClashes(twoTables, capabilitiesAt('8.0.16'))).toThrow('chk_amount_positive')
  })

  it('is taken on MySQL before 8.0.16, on MariaDB, and before the server is known', () => {
    expect(() => refuseSchemaWideNameClashes(twoTables, capabilitiesAt('8.0.15'))).not.toThrow()
    expect(() => refuseSchemaWideNameClashes(twoTables, capabilitiesAt('10.11.6-MariaDB-0+deb12u1'))).not.toThrow()
    expect(() => refuseSchemaWideNameClashes(twoTables, mysqlDialectAt(undefined).capabilities)).not.toThrow()
  })
})

@Check('chk_amount_positive', '`amount` > 0')
abstract class Priced {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', default: 1 }) amount: number
}

@Entity('invoice')
class Invoice extends Priced {}

@Entity('receipt')
class Receipt extends Priced {}

describe('on MariaDB, where a check\'s name is its table\'s own', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('checknames')
  })
  afterAll(async () => db?.drop())

  it('migrates both tables with the one name, and back', async () => {
    const { source } = await migrateTo(db, [Invoice, Receipt], 'Init')
    expect(source.match(/chk_amount_positive\W+CHECK/g)).toHaveLength(2)
    expect(await pendingChanges(db, [Invoice, Receipt])).toEqual([])
    await revertLast(db, [Invoice, Receipt])
  })
})
