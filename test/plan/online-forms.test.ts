import type { DialectCapabilities } from '../../src/dialect/dialect'
import type { Operation } from '../../src/operations/operation'
import { inOnlineForms, isOnline } from '../../src/plan/online-forms'
import { column, schema, table } from '../support/model-builders'

const online = { capabilities: { concurrentIndexes: true, notValidConstraints: true } as DialectCapabilities, before: schema([]) }
const none = { capabilities: {} as DialectCapabilities, before: schema([]) }

const book = { name: 'book' }
const index: Operation = { kind: 'create_index', table: book, index: { name: 'IDX_title', columns: ['title'], unique: false } }
const unique: Operation = { kind: 'add_unique', table: book, unique: { name: 'UQ_isbn', columns: ['isbn'] } }
const check: Operation = { kind: 'add_check', table: book, check: { name: 'CHK_price', expression: 'price >= 0' } }
const addColumn: Operation = { kind: 'add_column', table: book, column: column('pages') }
const createReview: Operation = { kind: 'create_table', table: table('review', [column('id'), column('bookIsbn', 'varchar')]) }
const reviewIndex: Operation = { kind: 'create_index', table: { name: 'review' }, index: { name: 'IDX_stars', columns: ['bookIsbn'], unique: false } }
const keyToIsbn: Operation = {
  kind: 'add_foreign_key', table: { name: 'review' },
  foreignKey: { name: 'FK_review_book', columns: ['bookIsbn'], referencedTable: 'book', referencedColumns: ['isbn'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
}

describe('inOnlineForms', () => {
  test('marks what it writes online on existing tables and moves it after the rest: constraints first, then indexes, each in order', () => {
    const keyToAuthor: Operation = { ...keyToIsbn, table: book, foreignKey: { ...keyToIsbn.foreignKey, name: 'FK_book_author', columns: ['authorId'], referencedTable: 'author', referencedColumns: ['id'] } }
    const written = inOnlineForms([index, addColumn, check, unique, keyToAuthor], online)
    expect(written.map((op) => [op.kind, isOnline(op)])).toEqual([
      ['add_column', false], ['add_check', true], ['add_foreign_key', true], ['create_index', true], ['add_unique', true],
    ])
  })

  test('leaves alone what a table the migration creates gets, and a unique a new foreign key references', () => {
    const written = inOnlineForms([createReview, reviewIndex, unique, keyToIsbn], online)
    expect(written.filter(isOnline)).toEqual([])
    expect(written).toEqual([createReview, reviewIndex, unique, keyToIsbn])
  })

  test('a unique a new foreign key references is built online before the key where the key is added online, else in the transaction', () => {
    const uniqueIndex: Operation = { kind: 'create_index', table: book, index: { name: 'UQ_isbn', columns: ['isbn'], unique: true } }
    for (const referenced of [unique, uniqueIndex]) {
      expect(inOnlineForms([keyToIsbn, check, referenced], online).map((op) => [op.kind, isOnline(op)])).toEqual([
        ['add_check', true], [referenced.kind, true], ['add_foreign_key', true],
      ])
    }
    const partitionedReview = schema([{ ...table('review', [column('id'), column('bookIsbn', 'varchar')]), partitioning: { key: 'RANGE (id)', partitions: [] } }])
    expect(inOnlineForms([unique, keyToIsbn], { ...online, before: partitionedReview }).map((op) => [op.kind, isOnline(op)])).toEqual([
      ['add_unique', false], ['add_foreign_key', false],
    ])
    expect(inOnlineForms([unique], online).map(isOnline)).toEqual([true])
  })

  test('drops an index after the rest, unless the rest names another index so, moves its table, or drops, renames or retypes its column', () => {
    const dropIndex: Operation = { kind: 'drop_index', table: book, index: { name: 'IDX_old', columns: ['title'], unique: false } }
    expect(inOnlineForms([dropIndex, addColumn], online).map((op) => [op.kind, isOnline(op)])).toEqual([['add_column', false], ['drop_index', true]])
    const renamedOnto: Operation = { kind: 'rename_index', table: book, from: 'IDX_other', to: 'IDX_old', index: { name: 'IDX_other', columns: ['isbn'], unique: false } }
    const moved: Operation = { kind: 'rename_table', from: book, to: { name: 'volume' }, table: table('book', [column('title')]) }
    const retyped: Operation = { kind: 'alter_column', table: book, from: column('title', 'varchar'), to: column('title', 'text'), changes: ['type'] }
    // down builds the index again first, before the rest's down gives a column dropped or renamed back.
    const droppedColumn: Operation = { kind: 'drop_column', table: book, column: column('title', 'varchar') }
    const renamedColumn: Operation = { kind: 'rename_column', table: book, from: 'title', to: 'name', column: column('title', 'varchar') }
    const exclusionOnto: Operation = { kind: 'add_exclusion', table: book, exclusion: { name: 'IDX_old', definition: 'USING gist (isbn WITH =)' } }
    for (const other of [renamedOnto, moved, retyped, droppedColumn, renamedColumn, exclusionOnto]) expect(inOnlineForms([dropIndex, other], online)).toEqual([dropIndex, other])
  })

  test('drops what is replaced after what is built online, so that an index serves and a unique holds meanwhile', () => {
    const dropOldIndex: Operation = { kind: 'drop_index', table: book, index: { name: 'IDX_old', columns: ['title'], unique: false } }
    const dropOldUnique: Operation = { kind: 'drop_unique', table: book, unique: { name: 'UQ_old', columns: ['isbn'] } }
    const written = inOnlineForms([dropOldIndex, dropOldUnique, addColumn, index, unique], online)
    expect(written.map((op) => [op.kind, isOnline(op)])).toEqual([
      ['add_column', false], ['create_index', true], ['add_unique', true], ['drop_index', true], ['drop_unique', true],
    ])
  })

  test('renames an index or unique that one of its own name replaces, and drops it under that name last', () => {
    const oldIndex = { name: 'IDX_title', columns: ['title'], unique: false }
    const dropIndex: Operation = { kind: 'drop_index', table: book, index: oldIndex }
    const newIndex: Operation = { kind: 'create_index', table: book, index: { name: 'IDX_title', columns: ['title', 'isbn'], unique: false } }
    const oldUnique = { name: 'UQ_isbn', columns: ['isbn', 'title'] }
    const dropUnique: Operation = { kind: 'drop_unique', table: book, unique: oldUnique }
    // IDX_title_old is taken already: the next free name passes.
    const before = schema([table('book', [column('title'), column('isbn')], { indexes: [oldIndex, { name: 'IDX_title_old', columns: ['isbn'], unique: false }], uniques: [oldUnique] })])
    expect(inOnlineForms([dropIndex, dropUnique, newIndex, unique], { ...online, before })).toEqual([
      { kind: 'rename_index', table: book, from: 'IDX_title', to: 'IDX_title_old2', index: oldIndex },
      { kind: 'rename_constraint', constraint: 'unique', table: book, from: 'UQ_isbn', to: 'UQ_isbn_old', unique: oldUnique },
      { ...newIndex, online: true },
      { ...unique, online: true },
      { kind: 'drop_index', table: book, index: { ...oldIndex, name: 'IDX_title_old2' }, online: true },
      { kind: 'drop_unique', table: book, unique: { ...oldUnique, name: 'UQ_isbn_old' }, online: true },
    ])
  })

  test('the passing name fits where the database cuts long names, and a replacement built in the transaction needs none', () => {
    const long = 'IDX_' + 'x'.repeat(59)
    const dropIndex: Operation = { kind: 'drop_index', table: book, index: { name: long, columns: ['title'], unique: false } }
    const newIndex: Operation = { kind: 'create_index', table: book, index: { name: long, columns: ['isbn'], unique: false } }
    const cut = (name: string) => name.slice(0, 63)
    expect(inOnlineForms([dropIndex, newIndex], { ...online, storedName: cut })[0]).toMatchObject({ kind: 'rename_index', to: `${long.slice(0, 59)}_old` })
    // A unique index a new foreign key references, in place of a unique on its columns, is built in the transaction,
    // after the old one is dropped there: a key added before the old one goes would take the old one's index.
    const uniqueIndex: Operation = { kind: 'create_index', table: book, index: { name: 'UQ_isbn', columns: ['isbn'], unique: true } }
    const dropUnique: Operation = { kind: 'drop_unique', table: book, unique: { name: 'UQ_isbn', columns: ['isbn'] } }
    expect(inOnlineForms([dropUnique, uniqueIndex, { ...keyToIsbn }], online).map((op) => [op.kind, isOnline(op)]))
      .toEqual([['drop_unique', false], ['create_index', false], ['add_foreign_key', true]])
  })

  test('changes nothing where the database has no online forms', () => {
    const ops = [index, unique, check, addColumn]
    expect(inOnlineForms(ops, none)).toEqual(ops)
  })
})

describe('inOnlineForms, a column made NOT NULL', () => {
  const nullable = column('pages', 'integer', { nullable: true })
  const notNull = column('pages', 'integer', { nullable: false, default: '0' })
  const setNotNull: Operation = { kind: 'alter_column', table: book, from: nullable, to: notNull, changes: ['nullability', 'default'] }

  test('is cut in two: the rest of the change in place, the NOT NULL alone online and last', () => {
    expect(inOnlineForms([setNotNull, addColumn], online)).toEqual([
      { kind: 'alter_column', table: book, from: nullable, to: { ...notNull, nullable: true }, changes: ['default'] },
      addColumn,
      { kind: 'alter_column', table: book, from: { ...notNull, nullable: true }, to: notNull, changes: ['nullability'], online: true },
    ])
  })

  test('stays whole where its type changes too (the rewrite reads the rows anyway), or where it becomes nullable', () => {
    const retyped: Operation = { kind: 'alter_column', table: book, from: nullable, to: { ...notNull, type: 'bigint' }, changes: ['nullability', 'type'] }
    const loosened: Operation = { kind: 'alter_column', table: book, from: notNull, to: nullable, changes: ['nullability', 'default'] }
    expect(inOnlineForms([retyped, loosened], online)).toEqual([retyped, loosened])
  })
})
