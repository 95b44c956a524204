import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase } from '../support/test-database'
import { runRoundTrip } from './round-trip'
import { type ColumnSpec, type FuzzCase, type FuzzDialect, type SchemaSpec, type TableSpec, otherSchema } from './schema-spec'

// Cases the randomized round trips (round-trip.test.ts) found, shrunk and kept as literal schema pairs; the
// regressions-<database>.test.ts files run them.

const table = (t: Partial<TableSpec> & Pick<TableSpec, 'id' | 'name'>): TableSpec => ({
  primaryKey: 'int', columns: [], indexes: [], uniques: [], checks: [], relations: [], manyToMany: [], rows: 3, ...t,
})
const column = (c: Partial<ColumnSpec> & Pick<ColumnSpec, 'id' | 'name' | 'kind'>): ColumnSpec => ({ nullable: true, ...c })
const pair = (a: SchemaSpec, b: SchemaSpec) => (dialect: FuzzDialect): FuzzCase => ({ dialect, a, b, edits: [] })

const databases: Record<FuzzDialect, () => Promise<TestDatabase>> = {
  sqlite: createSqliteDatabase,
  postgres: () => createPostgresDatabase('fuzzreg'),
  mariadb: () => createMariaDbDatabase('fuzzreg'),
}

/** A table renamed together with a column of it, a new index and a new unique, from and to awkward names. */
const renamedWithEdits = (from: string, to: string, primaryKey: TableSpec['primaryKey']) => {
  const subject = column({ id: 2, name: 'subject', kind: 'varchar', length: 40, nullable: false })
  const body = column({ id: 3, name: 'Body', kind: 'text' })
  return pair(
    { tables: [table({ id: 1, name: from, primaryKey, columns: [subject, body], uniques: [{ id: 4, columns: [2] }] })] },
    {
      tables: [table({
        id: 1, name: to, primaryKey, columns: [{ ...subject, name: 'title' }, body],
        uniques: [{ id: 4, columns: [2] }, { id: 5, columns: [3, 2] }], indexes: [{ id: 6, columns: [3], unique: false, partial: false }],
      })],
    },
  )
}

/** A table owning a ManyToMany, both ends with rows and linked, renamed (and its target too, when `target` is given). */
const junctionRenamed = (owner: string, target?: string) => {
  const tag = table({ id: 1, name: 'user', columns: [column({ id: 2, name: 'x', kind: 'int' })] })
  const post = table({ id: 3, name: 'e-mail log', columns: [column({ id: 4, name: 'Order', kind: 'text' })], manyToMany: [{ id: 5, target: 1 }] })
  return pair({ tables: [tag, post] }, { tables: [{ ...tag, name: target ?? tag.name }, { ...post, name: owner }] })
}

const cases: Record<string, (dialect: FuzzDialect) => FuzzCase> = {
  // A stated rename was refused when the entities gave the old name to a new column ("the entities still have column").
  'a column renamed, and a new column added under its old name': pair(
    { tables: [table({ id: 1, name: 'Mixed Case', columns: [column({ id: 2, name: 'naïve', kind: 'varchar', length: 20 })], indexes: [{ id: 3, columns: [2], unique: false, partial: false }] })] },
    {
      tables: [table({
        id: 1, name: 'Mixed Case', columns: [column({ id: 2, name: 'Größe', kind: 'varchar', length: 20 }), column({ id: 4, name: 'naïve', kind: 'bigint' })],
        indexes: [{ id: 3, columns: [2], unique: false, partial: false }],
      })],
    },
  ),
  // Issue 8 item 9: a stated entity rename carries its junction table and join columns, keeping the links.
  'a table owning a ManyToMany renamed, its junction rows kept, without --accept-data-loss': junctionRenamed('naïve data'),
  'both ends of a ManyToMany renamed, its junction rows kept': junctionRenamed('Mixed Case', '2fa codes'),
  // Issue 8 item 8: on SQLite `down` rebuilt the table before renaming it back, naming its key after the new name.
  'a table renamed with a column rename, a new index and unique ("e-mail log" to "naïve data")': renamedWithEdits('e-mail log', 'naïve data', 'int'),
  'a table renamed with other edits, mixed case and digits ("2fa codes" to "Mixed Case")': renamedWithEdits('2fa codes', 'Mixed Case', 'int'),
  // PostgreSQL keeps 63 bytes of a name: the enum type TypeORM names `<table>_<column>_enum` was compared uncut.
  'an enum column whose derived type name is longer than 63 bytes': pair(
    { tables: [table({ id: 1, name: 'naïve data', columns: [column({ id: 2, name: 'a_column_name_of_exactly_sixty_three_bytes_which_is_the_pg_max_', kind: 'enum', labels: ['a', 'b', 'c'] })] })] },
    { tables: [table({ id: 1, name: 'naïve data', columns: [column({ id: 2, name: 'a_column_name_of_exactly_sixty_three_bytes_which_is_the_pg_max_', kind: 'enum', labels: ['a', 'b', 'c', 'd'] })] })] },
  ),
  // PostgreSQL keeps 63 bytes of any name: a table, column and foreign key column named longer (60 characters,
  // accented) were compared uncut, so every migration dropped the table and created it again.
  'a table, its columns and a foreign key column named longer than 63 bytes': (() => {
    const long = 'événements_électroniques_générés_à_la_volée_pour_les_données'
    const number = column({ id: 2, name: 'numéro_d_identification_unique_délivré_par_l_état_étranger_é', kind: 'varchar', length: 20 })
    const referencing = table({ id: 4, name: 'plain', relations: [{ id: 5, target: 1, columnName: 'événement_de_référence_associé_à_cette_ligne_de_la_table_xy', onDelete: 'SET NULL' }] })
    return pair(
      { tables: [table({ id: 1, name: long, columns: [number], indexes: [{ id: 3, columns: [2], unique: false, partial: false }] }), referencing] },
      { tables: [table({ id: 1, name: long, columns: [number, column({ id: 6, name: 'deuxième_numéro_d_identification_délivré_par_l_état_étranger', kind: 'int' })], indexes: [{ id: 3, columns: [2], unique: false, partial: false }], uniques: [{ id: 7, columns: [2] }] }), referencing] },
    )
  })(),
  // PostgreSQL has no cast from integer to uuid (nor boolean to timestamp): a table dropped and another created
  // under its name is altered in place, so its empty columns are converted through their text form.
  'a table replaced under its name, key integer to uuid and a boolean column to timestamp': pair(
    { tables: [table({ id: 1, name: 'plain', rows: 0, columns: [column({ id: 2, name: 'Order', kind: 'boolean' })] })] },
    { tables: [table({ id: 3, name: 'plain', primaryKey: 'uuid', rows: 0, columns: [column({ id: 4, name: 'Order', kind: 'timestamp' })] })] },
  ),
  // Renames were resolved before drops: the name a dropped column held was taken ("does not apply").
  'a column renamed onto the name of a column dropped in the same migration, indexes on both': pair(
    {
      tables: [table({
        id: 1, name: 'naïve data',
        columns: [column({ id: 2, name: 'naïve', kind: 'varchar', length: 20 }), column({ id: 3, name: 'user', kind: 'int', nullable: false })],
        indexes: [{ id: 4, columns: [2], unique: false, partial: false }, { id: 5, columns: [3], unique: true, partial: true }],
        uniques: [{ id: 6, columns: [2, 3] }],
      })],
    },
    {
      tables: [table({
        id: 1, name: 'naïve data',
        columns: [column({ id: 3, name: 'naïve', kind: 'int', nullable: false })],
        indexes: [{ id: 5, columns: [3], unique: true, partial: true }],
      })],
    },
  ),
  // MariaDB: a renamed json column's json_valid check kept the column's old name, and read back as longtext.
  'a json column renamed': pair(
    { tables: [table({ id: 1, name: 'naïve data', columns: [column({ id: 2, name: 'Order', kind: 'json' }), column({ id: 3, name: 'x', kind: 'int' })] })] },
    { tables: [table({ id: 1, name: 'naïve data', columns: [column({ id: 2, name: 'camelCase', kind: 'json' }), column({ id: 3, name: 'x', kind: 'int' })] })] },
  ),
  // MariaDB: TypeORM makes each unique a unique index named from its sorted columns: two on the same columns churned.
  'a second unique on the columns of another': pair(
    { tables: [table({ id: 1, name: 'CamelTable', columns: [column({ id: 2, name: 'select', kind: 'int', nullable: false })], uniques: [{ id: 3, columns: [2] }] })] },
    { tables: [table({ id: 1, name: 'CamelTable', columns: [column({ id: 2, name: 'select', kind: 'int', nullable: false })], uniques: [{ id: 3, columns: [2] }, { id: 4, columns: [2] }] })] },
  ),
  // MariaDB: a check on a dropped column was not dropped with it where the column's name needs quotes (its
  // canonical text has none), so `down` added it back while the name still meant the column renamed onto it.
  'a column with a check dropped, and another renamed onto its name, which needs quotes': pair(
    { tables: [table({ id: 1, name: 'T', columns: [column({ id: 2, name: 'e-mail', kind: 'bigint', defaultVariant: 0 }), column({ id: 3, name: 'camelCase', kind: 'varchar', length: 20, nullable: false, defaultVariant: 1 })], checks: [{ id: 4, column: 2 }] })] },
    { tables: [table({ id: 1, name: 'T', columns: [column({ id: 3, name: 'e-mail', kind: 'varchar', length: 20, nullable: false, defaultVariant: 1 })] })] },
  ),
  // MariaDB casts uuid only to and from text: a key (and the foreign key following it) from uuid to integer, and
  // a timestamp column to uuid, failed in MODIFY COLUMN even on an empty table.
  'a uuid key and its foreign key to integer, a timestamp column to uuid': pair(
    {
      tables: [
        table({ id: 1, name: 'plain', primaryKey: 'uuid', rows: 0 }),
        table({ id: 2, name: 'naïve data', rows: 0, relations: [{ id: 3, target: 1, columnName: 'plainId', onDelete: 'SET NULL' }], columns: [column({ id: 4, name: 'Order', kind: 'timestamp' })] }),
      ],
    },
    {
      tables: [
        table({ id: 1, name: 'plain', primaryKey: 'int', rows: 0 }),
        table({ id: 2, name: 'naïve data', rows: 0, relations: [{ id: 3, target: 1, columnName: 'plainId', onDelete: 'SET NULL' }], columns: [column({ id: 4, name: 'Order', kind: 'uuid' })] }),
      ],
    },
  ),
  // Seed 777001: a stated table rename was refused when the entities gave the old name to a new table ("the
  // entities still have table"), here one that points at the renamed table.
  'a table renamed, and a new table created under its old name': (() => {
    const old = table({ id: 1, name: 'naïve data', columns: [column({ id: 2, name: 'say "hi"', kind: 'varchar', length: 20 })], indexes: [{ id: 3, columns: [2], unique: false, partial: false }] })
    const fresh = table({
      id: 4, name: 'naïve data', rows: 0, columns: [column({ id: 5, name: 'x', kind: 'varchar', length: 20 })],
      indexes: [{ id: 6, columns: [5], unique: false, partial: false }], relations: [{ id: 7, target: 1, columnName: 'Order', onDelete: 'CASCADE' }],
    })
    return pair({ tables: [old] }, { tables: [{ ...old, name: 'plain' }, fresh] })
  })(),
  // PostgreSQL (seed 31337): down failed with a syntax error at "hi".
  'a table renamed, with an enum column dropped, and a new table with an enum column whose name has a double quote': (() => {
    const enumColumn = (id: number, name: string) => column({ id, name, kind: 'enum', defaultVariant: 1, labels: ['a', 'b', 'c'] })
    const select = column({ id: 1, name: 'select', kind: 'intArray' })
    const old = table({ id: 5, name: 'order', rows: 0, columns: [select, enumColumn(3, 'x')] })
    const fresh = table({
      id: 10, name: 'naïve data', primaryKey: 'uuid', rows: 0, columns: [enumColumn(8, 'say "hi"')],
      relations: [{ id: 9, target: 5, columnName: 'a_column_name_of_exactly_sixty_three_bytes_which_is_the_pg_max_', onDelete: 'CASCADE' }],
    })
    return pair({ tables: [old] }, { tables: [{ ...old, name: 'user', columns: [select] }, fresh] })
  })(),
  // MariaDB (seed 9191): TypeORM names a unique by its sorted columns, so a second @Unique on the same columns in
  // another order has the first one's name; both were kept, and the next diff added the second again.
  'a second unique on the same columns in another order': (() => {
    const columns = [column({ id: 2, name: 'say "hi"', kind: 'int', nullable: false }), column({ id: 3, name: 'x', kind: 'int', nullable: false })]
    return pair(
      { tables: [table({ id: 1, name: '2fa codes', columns, uniques: [{ id: 4, columns: [3, 2] }] })] },
      { tables: [table({ id: 1, name: '2fa codes', columns, uniques: [{ id: 4, columns: [3, 2] }, { id: 5, columns: [2, 3] }] })] },
    )
  })(),
  // PostgreSQL and MariaDB (seed 120326): the junction's foreign key to the retyped key was renamed with the
  // junction, and a renamed key was not dropped around the column changes: "Cannot change column 'id': used in a
  // foreign key constraint" (MariaDB), "foreign key constraint ... cannot be implemented" (PostgreSQL).
  'the key of a table owning a ManyToMany retyped, its target renamed': (() => {
    const target = table({ id: 1, name: 'CamelTable', columns: [column({ id: 2, name: 'x', kind: 'int' })] })
    const owner = table({ id: 3, name: 'naïve data', primaryKey: 'increment', rows: 0, columns: [column({ id: 4, name: 'y', kind: 'int' })], manyToMany: [{ id: 5, target: 1 }] })
    return pair({ tables: [target, owner] }, { tables: [{ ...target, name: 'order' }, { ...owner, primaryKey: 'uuid' }] })
  })(),
  // MariaDB (seed 20261204): a json column's own CHECK (json_valid) is named after the column where the column
  // is defined (MODIFY), and RENAME COLUMN keeps its name: after up and down it was named "x", not "e-mail".
  'a json column renamed and made nullable': (() => {
    const json = column({ id: 2, name: 'e-mail', kind: 'json', nullable: false })
    const t = table({ id: 1, name: 'select', columns: [json] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...json, name: 'x', nullable: true }] }] })
  })(),
  // PostgreSQL (wider generator): the down of a label removed while the default moved off it set the old default
  // before the label was back ("invalid input value for enum"); with a label added too, neither order could run.
  'an enum label removed while the default moves off it': (() => {
    const mood = column({ id: 2, name: 'mood', kind: 'enum', labels: ['a', 'b', 'c'], nullable: false, defaultVariant: 1 })
    // No rows: they hold `a` and `b`, which the generator's labels always keep.
    const t = table({ id: 1, name: 'select', rows: 0, columns: [mood] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...mood, labels: ['a', 'c'], defaultVariant: 0 }] }] })
  })(),
  'an enum label replaced by another, the default moving to the new one': (() => {
    const mood = column({ id: 2, name: 'mood', kind: 'enum', labels: ['a', 'c'], defaultVariant: 0 })
    const t = table({ id: 1, name: 'select', rows: 0, columns: [mood] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...mood, labels: ['b', 'c'], defaultVariant: 1 }] }] })
  })(),
  // PostgreSQL (found on rocketadmin's table_filters): the down rebuilt the type while the column still had the default
  // up gave it, without dropping it first ("default for column cannot be cast automatically").
  'an enum label replaced by another while a column gets a default': (() => {
    const mood = column({ id: 2, name: 'mood', kind: 'enum', labels: ['a', 'b', 'c'] })
    const t = table({ id: 1, name: 'select', rows: 0, columns: [mood] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...mood, labels: ['a', 'b', 'd'], defaultVariant: 1 }] }] })
  })(),
  // MariaDB (seed 5): the name `e-mail` reads unquoted in MariaDB's canonical generation expression, so the
  // generated column was not seen to read it: dropped after it ("Unknown column 'e-mail' in 'GENERATED ALWAYS
  // AS'"), and in down added back reading the column renamed onto the name.
  'a generated column dropped with its source column, another column renamed onto the source\'s name': (() => {
    const source = column({ id: 2, name: 'e-mail', kind: 'int', defaultVariant: 1 })
    const generated = column({ id: 3, name: 'x', kind: 'generated', source: 2, stored: true })
    const other = column({ id: 4, name: 'Order', kind: 'text' })
    const t = table({ id: 1, name: 'Mixed Case', columns: [other, source, generated] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...other, name: 'e-mail' }] }] })
  })(),
  // PostgreSQL (seed 7): a column a view reads changed collation only, and the view was left in place: ALTER
  // COLUMN ... TYPE failed ("cannot alter type of a column used by a view or rule").
  'a column a view reads changes collation': (() => {
    const named = column({ id: 2, name: 'say "hi"', kind: 'collated', collation: 0 })
    const t = table({ id: 1, name: 'user', columns: [named] })
    const views = [{ id: 3, name: 'select view', table: 1, columns: [2] }]
    return pair({ tables: [t], views }, { tables: [{ ...t, columns: [{ ...named, collation: 1 }] }], views })
  })(),
  // MariaDB (seed 7): a composite key over an auto-increment column made single was dropped with the dropped key
  // column in one ALTER and added again in another, after a change of another table: "there can be only one auto
  // column and it must be defined as a key". (SQLite has no AUTOINCREMENT on a key of two columns.)
  'a composite key over an auto-increment column made single, while another table changes': (dialect) => {
    const keyed = table({ id: 1, name: 'CamelTable', primaryKey: dialect === 'sqlite' ? 'int' : 'increment', compositeKey: true, columns: [column({ id: 2, name: 'x', kind: 'int' })] })
    const y = column({ id: 4, name: 'y', kind: 'int' })
    const other = table({ id: 3, name: 'order', columns: [y] })
    const { compositeKey: _, ...single } = keyed
    return pair({ tables: [keyed, other] }, { tables: [single, { ...other, columns: [{ ...y, kind: 'bigint' }] }] })(dialect)
  },
  // PostgreSQL (seed 2): a serial or identity column of a single-table child, which TypeORM makes nullable, was
  // compared as nullable with the NOT NULL column PostgreSQL makes: every migration changed it again (elsewhere an int).
  'a generated non-key column of a single-table child': (dialect) => {
    const counter = (id: number, kind: ColumnSpec['kind']) => column({ id, name: `n${id}`, kind: dialect === 'postgres' ? kind : 'int', nullable: false })
    const t = table({ id: 1, name: 'order', childColumns: [2, 3], rows: 0, columns: [counter(2, 'serial'), counter(3, 'identity')] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [...t.columns, column({ id: 4, name: 'x', kind: 'int' })] }] })(dialect)
  },
  // MariaDB (seed 5): a unique column a foreign key references, its unique dropped with the relation: the unique
  // index was dropped first, which the server refused (needed in a foreign key constraint).
  'a unique column a relation references, the unique dropped with the relation': (() => {
    const code = column({ id: 2, name: 'e-mail', kind: 'bigint', nullable: false })
    const parent = table({ id: 1, name: 'plain', columns: [code], uniques: [{ id: 3, columns: [2] }], rows: 1 })
    const self = { ...parent, relations: [{ id: 5, target: 1, columnName: 'with space', onDelete: 'CASCADE' as const, toColumn: 2 }] }
    return pair({ tables: [self] }, { tables: [{ ...parent, uniques: [] }] })
  })(),
  // PostgreSQL (seed 7): a table owning a ManyToMany moved to another schema (`@RenamedFrom('public.post')`) left
  // its junction behind: generate stopped on it as a suspected move. (Elsewhere there are no schemas: no change.)
  'a table owning a ManyToMany moved to another schema, its junction rows kept': (dialect) => {
    const tag = table({ id: 1, name: 'user', columns: [column({ id: 2, name: 'x', kind: 'int' })] })
    const post = table({ id: 3, name: 'plain', columns: [column({ id: 4, name: 'Order', kind: 'text' })], manyToMany: [{ id: 5, target: 1 }] })
    return pair({ tables: [tag, post] }, { tables: [tag, { ...post, ...(dialect === 'postgres' && { schema: otherSchema }) }] })(dialect)
  },
  // MariaDB (seed 8): a column made NOT NULL in a table with an indexed VIRTUAL generated column was asserted
  // ALGORITHM=INPLACE, which the server refuses there (Try ALGORITHM=COPY).
  // (PostgreSQL has STORED generated columns only.)
  'a column made NOT NULL beside an indexed virtual generated column': (dialect) => {
    const source = column({ id: 2, name: 'with space', kind: 'bigint', nullable: false, defaultVariant: 0 })
    const made = column({ id: 3, name: 'user', kind: 'timestamp' })
    const generated = column({ id: 4, name: 'Order', kind: 'generated', source: 2, stored: dialect === 'postgres' })
    const t = table({ id: 1, name: 'e-mail log', columns: [source, made, generated], indexes: [{ id: 5, columns: [2, 4], unique: false, partial: false }] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [source, { ...made, nullable: false }, generated] }] })(dialect)
  },
  // MariaDB (seed 14): the comment of a STORED generated column changed was asserted ALGORITHM=INSTANT, which the
  // server refuses there (Try ALGORITHM=COPY). (PostgreSQL has STORED generated columns only; SQLite rebuilds.)
  'the comment of a stored generated column changed': (dialect) => {
    const source = column({ id: 1, name: 'Order', kind: 'bigint', defaultVariant: 0 })
    const generated = column({ id: 2, name: 'naïve', kind: 'generated', source: 1, stored: true })
    const t = table({ id: 3, name: 'plain', rows: 1, columns: [source, generated] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [source, { ...generated, comment: 'back\\slash' }] }] })(dialect)
  },
  // MariaDB (seed 34): a column added to a table with an indexed VIRTUAL column was asserted ALGORITHM=INSTANT,
  // which the server refuses there (it rebuilds the table, and not with LOCK=NONE).
  'a column added to a table with an indexed virtual generated column': (dialect) => {
    const source = column({ id: 1, name: 'say "hi"', kind: 'int', defaultVariant: 0 })
    const generated = column({ id: 2, name: 'naïve', kind: 'generated', source: 1, stored: dialect === 'postgres' })
    const t = table({ id: 3, name: 'order', rows: 2, columns: [source, generated], indexes: [{ id: 4, columns: [2], unique: false, partial: false }] })
    const added = column({ id: 5, name: 'Order', kind: 'decimal', nullable: false, defaultVariant: 0 })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [source, generated, added] }] })(dialect)
  },
  'a column dropped from a table with an indexed virtual generated column': (dialect) => {
    const source = column({ id: 1, name: 'say "hi"', kind: 'int', defaultVariant: 0 })
    const generated = column({ id: 2, name: 'naïve', kind: 'generated', source: 1, stored: dialect === 'postgres' })
    const dropped = column({ id: 5, name: 'Order', kind: 'varchar', length: 20 })
    const t = table({ id: 3, name: 'order', rows: 2, columns: [source, generated, dropped], indexes: [{ id: 4, columns: [2], unique: false, partial: false }] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [source, generated] }] })(dialect)
  },
  // MariaDB (seed 36): a column dropped from a table with a FULLTEXT index, or from one whose FULLTEXT index the
  // migration dropped first, was asserted ALGORITHM=INSTANT, which InnoDB's hidden FTS_DOC_ID column prevents.
  'a column dropped from a table with a FULLTEXT index': (dialect) => {
    const text = column({ id: 1, name: 'e-mail', kind: 'varchar', length: 20 })
    const dropped = column({ id: 2, name: 'x', kind: 'int' })
    const t = table({ id: 3, name: 'Mixed Case', rows: 2, columns: [text, dropped], indexes: [{ id: 4, columns: [1], unique: false, partial: false, fulltext: dialect === 'mariadb' }] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [text] }] })(dialect)
  },
  'a column dropped with its FULLTEXT index, another renamed': (dialect) => {
    const order = column({ id: 1, name: 'Order', kind: 'int' })
    const text = column({ id: 2, name: 'e-mail', kind: 'text' })
    const t = table({
      id: 3, name: 'order', rows: 2, columns: [order, text],
      indexes: [{ id: 4, columns: [2], unique: false, partial: false, fulltext: dialect === 'mariadb', name: 'ix order 4' }, { id: 5, columns: [1], unique: false, partial: false }],
    })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...order, name: 'select' }], indexes: [t.indexes[1]!] }] })(dialect)
  },
  // MariaDB (round-trip.test.ts's fixed seed): a column's nullability changed on a table with a FULLTEXT index was
  // asserted LOCK=NONE, which the rebuild in place refuses (Fulltext index creation requires a lock).
  'a column made nullable on a table with a FULLTEXT index': (dialect) => {
    const text = column({ id: 1, name: 'say "hi"', kind: 'text', defaultVariant: 0 })
    const level = column({ id: 2, name: 'e-mail', kind: 'tinyint', nullable: false, defaultVariant: 1 })
    const t = table({ id: 3, name: '2fa codes', rows: 3, columns: [text, level], indexes: [{ id: 4, columns: [1], unique: false, partial: false, fulltext: dialect === 'mariadb' }] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [text, { ...level, nullable: true }] }] })(dialect)
  },
  // PostgreSQL (seed 11): a table renamed while its identity key became serial got, from down, an identity sequence
  // named after the new name ("order_id_seq"): the identity is made again before the table is renamed back.
  'a table renamed, its identity key made serial': (dialect) => {
    const t = table({ id: 4, name: 'CamelTable', primaryKey: 'identity', columns: [column({ id: 2, name: 'x', kind: 'int' })] })
    return pair({ tables: [t] }, { tables: [{ ...t, name: 'order', primaryKey: 'increment' }] })(dialect)
  },
  // PostgreSQL (seed 1001): the same with the column renamed: the identity made again by down, before the column is
  // renamed back, kept the sequence named after the new column name.
  'a column renamed, from an identity made serial': (dialect) => {
    const counter = column({ id: 2, name: 'with space', kind: dialect === 'postgres' ? 'identity' : 'int', nullable: false })
    const t = table({ id: 1, name: 'user', primaryKey: 'increment', rows: 2, columns: [counter] })
    const renamed = { ...counter, name: 'a_column_name_of_exactly_sixty_three_bytes_which_is_the_pg_max_', kind: dialect === 'postgres' ? 'serial' as const : 'int' as const }
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [renamed] }] })(dialect)
  },
  // PostgreSQL (seed 10): in a schema off the search path, a check casting to an enum type renamed with its column
  // was written by down without the type's schema (type "naïve data_say "hi"_enum" does not exist).
  'an enum column renamed onto a dropped column of its single-table child, with a check, in a second schema': (dialect) => {
    const said = column({ id: 6, name: 'say "hi"', kind: 'sharedEnum', nullable: false, defaultVariant: 1 })
    const spaced = column({ id: 7, name: 'with space', kind: 'enum', labels: ['a', 'b', 'c'] })
    const t = table({ id: 8, name: 'naïve data', primaryKey: 'identity', rows: 3, columns: [said, spaced], checks: [{ id: 9, column: 7 }], childColumns: [6, 7], ...(dialect === 'postgres' && { schema: otherSchema }) })
    return pair({ tables: [t] }, { tables: [{ ...t, childColumns: [7], columns: [{ ...spaced, name: 'say "hi"' }] }] })(dialect)
  },
  // PostgreSQL (seed 8): a table moved to another schema whose check and partial index cast to its enum type was
  // read as a change of both (the database's text names the type unqualified); down created them again by that
  // text before moving the type back (type "Mixed Case_order_enum" does not exist).
  'a table moved to another schema, its check and partial index reading its enum column': (dialect) => {
    const order = column({ id: 2, name: 'Order', kind: 'enum', labels: ['a', 'b', 'c'], defaultVariant: 1, nullable: false })
    const t = table({ id: 1, name: 'Mixed Case', rows: 2, columns: [order], checks: [{ id: 3, column: 2 }], indexes: [{ id: 4, columns: [2], unique: false, partial: true }] })
    return pair({ tables: [t] }, { tables: [{ ...t, ...(dialect === 'postgres' && { schema: otherSchema }) }] })(dialect)
  },
  // MariaDB (seed 20261207): a table of no rows whose composite key (an AUTO_INCREMENT id and k2) became a uuid key
  // dropped the key in an ALTER of its own, before the id went through varchar to uuid ("there can be only one
  // auto column and it must be defined as a key"); its down gave the id AUTO_INCREMENT before its key.
  // (SQLite has AUTOINCREMENT only on a key of its own.)
  'a composite AUTO_INCREMENT key replaced by a uuid key, on a table without rows': (dialect) => pair(
    { tables: [table({ id: 1, name: 'CamelTable', primaryKey: 'increment', compositeKey: dialect !== 'sqlite', rows: 0, columns: [column({ id: 2, name: 'Order', kind: 'boolean' })] })] },
    { tables: [table({ id: 3, name: 'CamelTable', primaryKey: 'uuid', rows: 0, columns: [column({ id: 4, name: 'Order', kind: dialect === 'sqlite' ? 'varchar' : 'uuid' })] })] },
  )(dialect),
  // MariaDB (seed 20261207): a text column under a FULLTEXT index made uuid, in a table that gains a unique key,
  // was changed before the index was dropped (with the unique's creation): "Column 'x' cannot be part of FULLTEXT index".
  'a column under a FULLTEXT index made uuid, its table gaining a unique key': (dialect) => {
    const x = column({ id: 2, name: 'x', kind: 'text', nullable: false })
    const y = column({ id: 3, name: 'y', kind: 'int' })
    // A uuid made int after it (by name), through a varchar on MariaDB, puts the change of x in an ALTER before the drop.
    const e = column({ id: 6, name: 'zz', kind: dialect === 'mariadb' ? 'uuid' : 'int' })
    return pair(
      { tables: [table({ id: 1, name: 'select', rows: 0, columns: [e, x, y], indexes: [{ id: 4, columns: [2], unique: false, partial: false, fulltext: dialect === 'mariadb', name: 'ix select 4' }] })] },
      { tables: [table({ id: 1, name: 'select', rows: 0, columns: [{ ...e, kind: 'int' }, { ...x, kind: dialect === 'sqlite' ? 'varchar' : 'uuid' }, y], uniques: [{ id: 5, columns: [3] }] })] },
    )(dialect)
  },
  // MariaDB (seed 38): a key of its own table added in the ALTER that adds the column of the new composite
  // primary key it references: errno 150, "Foreign key constraint is incorrectly formed".
  'a relation to its own table added as the table\'s key becomes composite': (dialect) => {
    const mail = column({ id: 2, name: 'e-mail', kind: 'varchar', length: 20, nullable: false })
    const t = table({ id: 1, name: 'plain', primaryKey: dialect === 'sqlite' ? 'int' : 'uuid', rows: 0, columns: [mail] })
    return pair(
      { tables: [t] },
      { tables: [{ ...t, compositeKey: true, columns: [{ ...mail, nullable: true }], relations: [{ id: 3, target: 1, columnName: 'x', onDelete: 'SET NULL' }] }] },
    )(dialect)
  },
  // PostgreSQL (seed 50): a column a generated column reads renamed to a name that needs quotes; down gave back the
  // typeorm_metadata row of the generated column as the server prints it, `("x" + 1)`, not as the entity wrote it.
  'a column a generated column reads renamed to a quoted name': (dialect) => {
    const x = column({ id: 1, name: 'x', kind: 'int' })
    const g = column({ id: 2, name: 'g', kind: 'generated', source: 1, stored: true })
    const t = table({ id: 3, name: 'select', rows: 2, columns: [x, g] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...x, name: 'Größe' }, g] }] })(dialect)
  },
  // MariaDB (the widened round trips: a column made NOT NULL while rows hold NULL): the check that fails such a
  // migration ran just before its ALTER, after a rename of the table and its columns had committed, and said that
  // nothing of the table was changed. The checks run first, under the names before the renames.
  'a table renamed with its columns, one made NOT NULL while rows hold NULL there': (dialect) => {
    const x = column({ id: 1, name: 'x', kind: 'int' })
    const y = column({ id: 2, name: 'with space', kind: 'varchar', length: 20 })
    const t = table({ id: 3, name: 'plain', rows: 3, columns: [x, y] })
    return pair({ tables: [t] }, { tables: [{ ...t, name: 'order', columns: [{ ...x, name: 'Order' }, { ...y, name: 'Größe', nullable: false, heldNulls: true }] }] })(dialect)
  },
  // MariaDB (seed 63): a unique key dropped with the one-to-one relation to it from another table, its table renamed:
  // the drop joined the table's rename, ahead of the drop of the other table's foreign key that needs the key
  // ("Cannot drop index: needed in a foreign key constraint").
  'a table renamed, its unique key dropped with the relation to it': (dialect) => {
    const size = column({ id: 2, name: 'naïve', kind: 'bigint', nullable: false })
    const order = table({ id: 1, name: 'order', rows: 1, columns: [size], uniques: [{ id: 3, columns: [2] }] })
    const data = table({ id: 4, name: 'naïve data', rows: 2, columns: [], relations: [{ id: 5, target: 1, columnName: 'Order', onDelete: 'RESTRICT', oneToOne: true, toColumn: 2 }] })
    return pair({ tables: [order, data] }, { tables: [{ ...order, name: 'plain', uniques: [] }, { ...data, relations: [] }] })(dialect)
  },
  // PostgreSQL (seed 54): a table moved to another schema in the migration that drops its column of a shared enum
  // type, which stays in public: down added the column back, before moving the table back, with the type named in
  // the table's new schema ("sales Dept.shared_e" does not exist). A moved table's columns now name their type's schema.
  'a table moved to another schema, its column of a shared enum type dropped': (dialect) => {
    const user = column({ id: 2, name: 'user', kind: 'sharedEnum' })
    const x = column({ id: 3, name: 'x', kind: 'int' })
    const t = table({ id: 5, name: 'plain', rows: 2, columns: [user, x] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [x], ...(dialect === 'postgres' && { schema: otherSchema }) }] })(dialect)
  },
  // PostgreSQL (seed 803): a table and its enum column renamed in one migration, a check reading the column. The
  // check took the server's spelling, whose cast names the enum type as it was, then the type's rename recast it:
  // the check was dropped under its new name before the rename that gives it that name ("does not exist").
  'a table and its enum column renamed, a check reading the column': (dialect) => {
    const status = column({ id: 2, name: 'Order', kind: 'enum', labels: ['a', 'b', 'c'] })
    const t = table({ id: 1, name: 'order', rows: 2, columns: [status], checks: [{ id: 3, column: 2 }] })
    return pair({ tables: [t] }, { tables: [{ ...t, name: 'plain', columns: [{ ...status, name: 'user' }] }] })(dialect)
  },
  // PostgreSQL (seed 805): a check added that repeats one the table has (TypeORM names both alike): the migration
  // added the second under the name the first holds ("already exists"). A repeated check is now kept once.
  'a check added that repeats one of the table': (dialect) => {
    const x = column({ id: 1, name: 'x', kind: 'int' })
    const y = column({ id: 2, name: 'camelCase', kind: 'numeric' })
    const t = table({ id: 3, name: 'plain', rows: 2, columns: [x, y], checks: [{ id: 4, column: 1, other: 2 }] })
    return pair({ tables: [t] }, { tables: [{ ...t, checks: [...t.checks, { id: 5, column: 1, other: 2 }] }] })(dialect)
  },
  // The three databases (seed 808): a table dropped with the relation to it, a column renamed onto the name of the
  // relation's column. down stopped before it began ("table comes back empty, and rows still hold values of the
  // relation's column"): its check read the renamed column, not the relation's, which up dropped with its values.
  'a table dropped with the relation to it, a column renamed onto the relation\'s column name': (dialect) => {
    const plain = table({ id: 1, name: 'plain', rows: 2, columns: [column({ id: 2, name: 'x', kind: 'int' })] })
    const user = column({ id: 4, name: 'user', kind: 'varchar', length: 10 })
    const order = table({ id: 3, name: 'order', rows: 3, columns: [user], relations: [{ id: 5, target: 1, columnName: 'naïve', onDelete: 'CASCADE' }] })
    return pair({ tables: [plain, order] }, { tables: [{ ...order, columns: [{ ...user, name: 'naïve' }], relations: [] }] })(dialect)
  },
  // PostgreSQL (seed 8136): an enum column that a check reads renamed; TypeORM names its type after the column, so
  // the type is renamed too, and the check's text the database holds was taken with the old type in its casts: the
  // check differed, and the migration dropped it under the name the check's rename gave it only after (does not exist).
  'an enum column a check reads renamed, its type with it': (dialect) => {
    const mood = column({ id: 8, name: 'naïve', kind: 'enum', nullable: false, labels: ['a', 'b', 'c'] })
    const t = table({ id: 10, name: 'CamelTable', rows: 4, columns: [mood], checks: [{ id: 13, column: 8 }] })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [{ ...mood, name: 'with space' }] }] })(dialect)
  },
  // MariaDB (seed 914): an index dropped while one of its columns becomes text and the table gains a key: the drop
  // waited for the key's creation, after the column change, which MariaDB refused while the index held the column
  // ("Specified key was too long"). An index over a column whose type changes now goes before the change.
  'an index dropped while its column becomes text, the key made uuid and a one-to-one relation added': (dialect) => {
    const flag = column({ id: 2, name: 'e-mail', kind: 'boolean' })
    const at = column({ id: 3, name: 'camelCase', kind: 'timestamptz' })
    const t = table({ id: 1, name: 'CamelTable', rows: 0, columns: [flag, at], indexes: [{ id: 4, columns: [3, 2], unique: false, partial: false, name: 'ix CamelTable 4' }] })
    const user = table({ id: 6, name: 'user', rows: 0, columns: [column({ id: 7, name: 'x', kind: 'int' })] })
    return pair(
      { tables: [t, user] },
      { tables: [{ ...t, primaryKey: dialect === 'sqlite' ? 'int' : 'uuid', columns: [flag, { ...at, kind: 'simpleJson' }], indexes: [], relations: [{ id: 5, target: 6, columnName: 'say "hi"', onDelete: 'CASCADE', oneToOne: true }] }, user] },
    )(dialect)
  },
  // SQLite (seed 77): a table dropped whose foreign key references a unique column renamed in the same migration. The
  // rename rebuilds the referenced table (its unique's name changes), which does not rename the column in the keys
  // of other tables as RENAME COLUMN does; down created the dropped table first, its key naming the column as it
  // was then named, and the rebuild after left the key naming a column that no longer exists.
  'a table dropped whose foreign key references a unique column renamed': (dialect) => {
    const code = column({ id: 2, name: 'Größe', kind: 'varchar', length: 20, nullable: false })
    const order = table({ id: 1, name: 'order', primaryKey: 'increment', columns: [code], uniques: [{ id: 3, columns: [2] }] })
    const line = table({ id: 4, name: 'CamelTable', columns: [], relations: [{ id: 5, target: 1, columnName: 'e-mail', onDelete: 'NO ACTION', toColumn: 2 }] })
    return pair({ tables: [order, line] }, { tables: [{ ...order, columns: [{ ...code, name: 'camelCase' }] }] })(dialect)
  },
  // MariaDB (seed 15001): a table renamed, whose foreign key references a unique column of another table retyped. The
  // key's name follows its table (dropped and added under the new name, MySQL renames none), and the key must be gone
  // while the column changes: its drop ran before the ALTER renaming it, under the new name, and dropped nothing
  // ("Cannot change column 'user': used in a foreign key constraint").
  'a table renamed whose foreign key references a column retyped': (dialect) => {
    const user = column({ id: 15, name: 'user', kind: 'int', nullable: false })
    const order = table({ id: 18, name: 'order', primaryKey: 'increment', columns: [user], uniques: [{ id: 21, columns: [15] }], rows: 4 })
    const plain = table({ id: 2, name: 'plain', primaryKey: 'increment', rows: 1, relations: [{ id: 29, target: 18, columnName: 'with space', onDelete: 'NO ACTION', toColumn: 15 }] })
    return pair({ tables: [plain, order] }, { tables: [{ ...plain, name: 'user' }, { ...order, columns: [{ ...user, kind: 'bigint' }] }] })(dialect)
  },
  // MariaDB (seed 16100): a table renamed whose key, which its own foreign key references, is made bigint. In
  // `down` the key is dropped for the column changes and was to be added again after them, but the rename of the
  // key back to its old name (a drop and an add) joined the ALTER of the column changes, before that re-add: the
  // table ended with the key under both names.
  'a self-referencing table renamed and its key made bigint': (dialect) => {
    const plain = table({ id: 5, name: 'plain', primaryKey: 'increment', columns: [column({ id: 2, name: 'x', kind: 'int' })], relations: [{ id: 6, target: 5, columnName: 'user', onDelete: 'RESTRICT' }] })
    return pair({ tables: [plain] }, { tables: [{ ...plain, name: 'select', bigKey: true }] })(dialect)
  },
  // MariaDB (seed 16100): an index on a VIRTUAL generated column added with a column in one ALTER, claimed
  // ALGORITHM=INPLACE, LOCK=NONE: MariaDB rebuilds the table for the column, and refuses LOCK=NONE for a rebuild
  // with indexed virtual columns.
  'an index on a virtual generated column added beside a column': (dialect) => {
    const source = column({ id: 3, name: 'Größe', kind: 'int', defaultVariant: 1 })
    const virtual = column({ id: 6, name: 'user', kind: 'generated', source: 3, stored: dialect === 'postgres' })
    const t = table({ id: 7, name: 'select', primaryKey: 'increment', rows: 4, columns: [source, virtual] })
    const added = column({ id: 33, name: 'naïve', kind: 'text', nullable: false, defaultVariant: 0 })
    return pair({ tables: [t] }, { tables: [{ ...t, columns: [source, virtual, added], indexes: [{ id: 32, columns: [3, 6], unique: false, partial: false }] }] })(dialect)
  },
  // MariaDB, seed 30005: a key dropped and added again around its column's retype was dropped after the index it
  // stood on, which the relation made one-to-one drops ("needed in a foreign key constraint").
  'a referenced column retyped, its foreign key made one-to-one, and another table unlinked': (dialect) => {
    const order = (kind: ColumnSpec['kind']) => table({ id: 1, name: 'order', columns: [column({ id: 2, name: 'Größe', kind, nullable: false })], uniques: [{ id: 3, columns: [2] }] })
    const child = (oneToOne: boolean) => table({ id: 4, name: 'Mixed Case', relations: [{ id: 5, target: 1, columnName: 'camelCase', onDelete: 'NO ACTION', toColumn: 2, ...(oneToOne && { oneToOne }) }] })
    const other = (linked: boolean) => table({ id: 6, name: 'user', relations: linked ? [{ id: 7, target: 1, columnName: 'order', onDelete: 'CASCADE' }] : [] })
    return pair({ tables: [order('int'), child(false), other(true)] }, { tables: [order('bigint'), child(true), other(false)] })(dialect)
  },
  // MariaDB (seed 126126): a table and the column a view reads renamed, the view over that view dropped:
  // "Unknown column 'select view.Größe'".
  'a table and a column a view reads renamed, the view over that view dropped': (dialect) => {
    const size = column({ id: 1, name: 'Größe', kind: 'bigint', nullable: false })
    const t = table({ id: 3, name: 'Mixed Case', rows: 3, columns: [size] })
    const first = { id: 6, name: 'select view', table: 3, columns: [1] }
    return pair(
      { tables: [t], views: [first, { id: 7, name: 'naïve view', table: 3, columns: [1], over: 6 }] },
      { tables: [{ ...t, name: 'order', columns: [{ ...size, name: 'select' }] }], views: [first] },
    )(dialect)
  },
}

/** regressionsOn runs every case on a new database of `dialect`: one test file per database, which jest's workers share. */
export function regressionsOn(dialect: FuzzDialect): void {
  describe(`${dialect}: regressions found by the round trips`, () => {
    it.each(Object.entries(cases))('%s', async (_, fuzz) => {
      const db = await databases[dialect]()
      try {
        await runRoundTrip(db, fuzz(dialect))
      } finally {
        await db.drop()
      }
    })
  })
}
