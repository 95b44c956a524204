import { unmakeableTables } from '../../../src/dialect/mysql/mysql-unmakeable-tables'
import { refuseAll } from '../../../src/source/refusals'
import type { MysqlServer } from '../../../src/dialect/mysql/mysql-server'
import type { IndexModel, UniqueModel } from '../../../src/model/schema-model'
import { column, schema, table } from '../../support/model-builders'

// An index or a unique that names a TEXT, BLOB or JSON column whole: MySQL (any version) refuses it ("BLOB/TEXT
// column used in key specification without a key length"), MariaDB indexes a prefix of it (a HASH key for a
// unique), so only a MySQL server gets the refusal, before anything is written.

const mysql8: MysqlServer = { product: 'mysql', version: [8, 0, 36], sqlMode: ['STRICT_TRANS_TABLES'] }
const mysql57: MysqlServer = { product: 'mysql', version: [5, 7, 44], sqlMode: [] }
const mariadb: MysqlServer = { product: 'mariadb', version: [10, 11, 6], sqlMode: ['STRICT_TRANS_TABLES'] }

const noteWith = (type: string, keys: { indexes?: IndexModel[]; uniques?: UniqueModel[] }) =>
  schema([table('note', [column('id', 'int'), column('title', 'varchar', { length: 100 }), column('body', type)], { primaryKey: { columns: ['id'] }, ...keys })])
const index = (unique: boolean, extra: Partial<IndexModel> = {}): IndexModel => ({ name: 'IDX_body', columns: ['title', 'body'], unique, ...extra })

describe('mysql: keys over a TEXT, BLOB or JSON column', () => {
  it.each([
    ['a plain index over text', noteWith('text', { indexes: [index(false)] }), 'index "IDX_body" holds "body", of type text'],
    ['a unique index over mediumblob', noteWith('mediumblob', { indexes: [index(true)] }), 'unique index "IDX_body" holds "body", of type mediumblob'],
    ['a unique over longtext', noteWith('longtext', { uniques: [{ name: 'UQ_body', columns: ['body'] }] }), 'unique "UQ_body" holds "body", of type longtext'],
  ])('%s: refused on MySQL 8 and 5.7, made on MariaDB', (_name, model, what) => {
    const line = `"note": ${what}, which MySQL keys only by a prefix an entity cannot declare, so the server would refuse it (MariaDB takes it): ` +
      `give "body" a varchar type with a length (type: 'varchar', length: 255), or, for text search, make the index fulltext (@Index({ fulltext: true })), then run again`
    expect(() => refuseAll(unmakeableTables(model, mysql8))).toThrow(line)
    expect(() => refuseAll(unmakeableTables(model, mysql57))).toThrow(line)
    expect(() => refuseAll(unmakeableTables(model, mariadb))).not.toThrow()
  })

  it('a JSON column: refused on MySQL, with the fix JSON has', () => {
    const model = noteWith('json', { indexes: [index(false)] })
    expect(() => refuseAll(unmakeableTables(model, mysql8))).toThrow(/^"note": index "IDX_body" holds "body", of type json, .*: give "body" a varchar type with a length \(type: 'varchar', length: 255\), or index a generated column of it, then run again$/)
    expect(() => refuseAll(unmakeableTables(model, mariadb))).not.toThrow()
  })

  it('a fulltext or spatial index, a key with a prefix length, and keys of other columns: made on MySQL too', () => {
    for (const model of [
      noteWith('text', { indexes: [index(false, { method: 'fulltext' })] }),
      noteWith('text', { indexes: [index(false, { keyOptions: [{}, { length: 100 }] })] }),
      noteWith('text', { indexes: [{ name: 'IDX_title', columns: ['title'], unique: true }], uniques: [{ name: 'UQ_title', columns: ['title', 'id'] }] }),
    ]) expect(() => refuseAll(unmakeableTables(model, mysql8))).not.toThrow()
  })
})
