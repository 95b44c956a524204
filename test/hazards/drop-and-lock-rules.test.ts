import type { Operation } from '../../src/operations/operation'
import { before, codesOf, column, findingsOf, postgresDialect as pg, sqliteDialect as lite, table, users, usersName } from './hazard-fixtures'

// Each code fires when it should and stays quiet when it should not (pure: no database).

const U = usersName(pg)
const posts = table('posts', [column('id'), column('user_id', 'integer', { nullable: true })], {
  schema: 'public',
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_posts_user', columns: ['user_id'], unique: false }],
  foreignKeys: [{ name: 'FK_posts_user', columns: ['user_id'], referencedSchema: 'public', referencedTable: 'users', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
})
const P = { schema: 'public', name: 'posts' }
const fk = posts.foreignKeys[0]!
const index = posts.indexes[0]!

describe('DROP_TABLE', () => {
  it('fires on a dropped table, counting its rows', () => {
    const [finding] = findingsOf(pg, before(pg), [{ kind: 'drop_table', table: users(pg) }])
    expect(finding).toMatchObject({ code: 'DROP_TABLE', probe: { kind: 'rows', table: U } })
    expect(finding!.what).toBe('Deletes table "public"."users" and every row in it')
  })
  it('stays quiet when a table is created', () => {
    expect(codesOf(pg, before(pg), [{ kind: 'create_table', table: posts }])).not.toContain('DROP_TABLE')
  })
})

describe('DROP_COLUMN', () => {
  it('fires on a dropped column, counting its values under the name it has before the migration', () => {
    const ops: Operation[] = [
      { kind: 'rename_table', from: U, to: { schema: 'public', name: 'people' }, table: users(pg) },
      { kind: 'drop_column', table: { schema: 'public', name: 'people' }, column: users(pg).columns[3]! },
    ]
    const found = findingsOf(pg, before(pg), ops).find((f) => f.code === 'DROP_COLUMN')
    expect(found?.probe).toEqual({ kind: 'non_null', table: U, column: 'age' })
    expect(found?.what).toBe('Deletes every value in "public"."people"."age"')
  })
  it('stays quiet when a column is added', () => {
    expect(codesOf(pg, before(pg), [{ kind: 'add_column', table: U, column: column('nick', 'text', { nullable: true }) }])).toEqual([])
  })
})

describe('DROP_FOREIGN_KEY', () => {
  it('fires when a foreign key goes and nothing replaces it', () => {
    expect(codesOf(pg, before(pg, posts), [{ kind: 'drop_foreign_key', table: P, foreignKey: fk }])).toEqual(['DROP_FOREIGN_KEY'])
  })
  it('stays quiet when its table is dropped, or a foreign key on the same columns comes back', () => {
    const dropped: Operation[] = [{ kind: 'drop_foreign_key', table: P, foreignKey: fk }, { kind: 'drop_table', table: { ...posts, foreignKeys: [] } }]
    expect(codesOf(pg, before(pg, posts), dropped)).toEqual(['DROP_TABLE'])
    const changed: Operation[] = [
      { kind: 'drop_foreign_key', table: P, foreignKey: fk },
      { kind: 'add_foreign_key', table: P, foreignKey: { ...fk, onDelete: 'CASCADE' } },
    ]
    expect(codesOf(pg, before(pg, posts), changed)).toEqual(['CONSTRAINT_WITHOUT_NOT_VALID', 'ON_DELETE_CASCADE'])
  })
  // A relation removed from an entity (Vendure's Order.aggregateOrder): its key, its index and its column go
  // together, and DROP_COLUMN already says what is lost.
  it('stays quiet when a column of the key goes', () => {
    const removed: Operation[] = [
      { kind: 'drop_foreign_key', table: P, foreignKey: fk },
      { kind: 'drop_index', table: P, index },
      { kind: 'drop_column', table: P, column: posts.columns[1]! },
    ]
    expect(codesOf(pg, before(pg, posts), removed)).toEqual(['DROP_COLUMN'])
  })
  it('fires when the column is dropped and added back under the same name', () => {
    const again: Operation[] = [
      { kind: 'drop_foreign_key', table: P, foreignKey: fk },
      { kind: 'drop_column', table: P, column: posts.columns[1]! },
      { kind: 'add_column', table: P, column: posts.columns[1]! },
    ]
    expect(codesOf(pg, before(pg, posts), again)).toContain('DROP_FOREIGN_KEY')
  })
})

describe('DROP_INDEX', () => {
  it('fires when an index goes', () => {
    const [finding] = findingsOf(pg, before(pg, posts), [{ kind: 'drop_index', table: P, index }])
    expect(finding?.code).toBe('DROP_INDEX')
    expect(finding?.advice).toMatch(/queries .* may slow down/)
  })
  it('stays quiet when an index on the same columns is created again', () => {
    const ops: Operation[] = [{ kind: 'drop_index', table: P, index }, { kind: 'create_index', table: P, index: { ...index, name: 'IDX_new' } }]
    expect(codesOf(pg, before(pg, posts), ops)).toEqual(['INDEX_WITHOUT_CONCURRENTLY'])
  })
  // A foreign key's index on a column giving way to one that starts with it (found on a real project, MariaDB).
  it('stays quiet when a new index starts with its columns, and fires where it was unique or partial', () => {
    const wider = { ...index, name: 'IDX_wider', columns: [...index.columns, 'id'] }
    const replaced = (dropped: typeof index, created: typeof index): Operation[] =>
      [{ kind: 'drop_index', table: P, index: dropped }, { kind: 'create_index', table: P, index: created }]
    expect(codesOf(pg, before(pg, posts), replaced(index, wider))).toEqual(['INDEX_WITHOUT_CONCURRENTLY'])
    expect(codesOf(pg, before(pg, posts), replaced(index, { ...wider, columns: ['id', ...index.columns] }))).toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, posts), replaced({ ...index, unique: true }, wider))).toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, posts), replaced(index, { ...wider, where: 'id > 0' }))).toContain('DROP_INDEX')
  })
  // Subsquid's codegen turns @index into @Index_() and @index @unique into @Index_({ unique: true }): the same index,
  // dropped and created again unique, was reported as slowing queries down (found on OriginProtocol/origin-squid).
  it('stays quiet when a plain index is created again unique, and fires for uniqueness alone where a unique one is made plain', () => {
    const remade = (dropped: typeof index, created: typeof index): Operation[] =>
      [{ kind: 'drop_index', table: P, index: dropped }, { kind: 'create_index', table: P, index: created }]
    expect(codesOf(pg, before(pg, posts), remade(index, { ...index, unique: true }))).toEqual(['ADD_UNIQUE', 'INDEX_WITHOUT_CONCURRENTLY'])
    const unique = { ...index, unique: true }
    const [finding] = findingsOf(pg, before(pg, { ...posts, indexes: [unique] }), remade(unique, index))
    expect(finding).toMatchObject({
      code: 'DROP_INDEX',
      what: 'Drops index "IDX_posts_user" on "public"."posts" ("user_id"), and duplicate values become possible',
      advice: 'the index created in its place serves the same queries but does not keep these columns unique; keep it unique if the application relies on the values being unique',
    })
  })
  // On MariaDB a foreign key's own index gave way to an entity's @Index(['form', 'slug'], { unique: true }),
  // which the server reads back as a unique constraint: DROP_INDEX said queries on formId may slow down (OhMyForm).
  it('stays quiet when a new unique constraint or primary key, or a unique index of its columns, starts with its columns', () => {
    const drop: Operation = { kind: 'drop_index', table: P, index }
    const unique = (columns: readonly string[]): Operation => ({ kind: 'add_unique', table: P, unique: { name: 'UQ_posts', columns } })
    expect(codesOf(pg, before(pg, posts), [drop, unique(['user_id', 'id'])])).not.toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, posts), [drop, unique(['user_id'])])).not.toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, posts), [drop, { kind: 'create_index', table: P, index: { ...index, name: 'IDX_new', unique: true } }])).not.toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, posts), [drop, unique(['id', 'user_id'])])).toContain('DROP_INDEX')
    const keyed = { ...posts, primaryKey: undefined }
    expect(codesOf(pg, before(pg, keyed), [drop, { kind: 'add_primary_key', table: P, primaryKey: { columns: ['user_id', 'id'] } }])).not.toContain('DROP_INDEX')
  })
  // Spacebar's messages kept a unique index on (channel_id, id) beside its primary key (id): dropping it was said to
  // make duplicate values possible, where the primary key keeps every set of columns holding id unique.
  it('says duplicates become possible only where no unique key among its columns stays', () => {
    const withId = { ...index, name: 'IDX_posts_user_id', columns: ['user_id', 'id'], unique: true }
    const [kept] = findingsOf(pg, before(pg, { ...posts, indexes: [withId] }), [{ kind: 'drop_index', table: P, index: withId }])
    expect(kept).toMatchObject({ code: 'DROP_INDEX', what: 'Drops index "IDX_posts_user_id" on "public"."posts" ("user_id", "id")' })
    const keyless = { ...posts, primaryKey: undefined, indexes: [withId] }
    const [lost] = findingsOf(pg, before(pg, keyless), [{ kind: 'drop_index', table: P, index: withId }])
    expect(lost).toMatchObject({ code: 'DROP_INDEX', what: 'Drops index "IDX_posts_user_id" on "public"."posts" ("user_id", "id"), and duplicate values become possible' })
    const constraint = { name: 'UQ_posts_user_id', columns: ['user_id', 'id'] }
    expect(codesOf(pg, before(pg, { ...posts, uniques: [constraint] }), [{ kind: 'drop_unique', table: P, unique: constraint }])).not.toContain('DROP_INDEX')
    expect(codesOf(pg, before(pg, { ...keyless, indexes: [], uniques: [constraint] }), [{ kind: 'drop_unique', table: P, unique: constraint }])).toContain('DROP_INDEX')
  })
  it('stays quiet when every column of a plain index goes, or any column of a unique one, and fires when columns stay', () => {
    const both = { ...index, name: 'IDX_posts_user_id', columns: ['user_id', 'id'] }
    const dropping = (dropped: typeof index): Operation[] =>
      [{ kind: 'drop_index', table: P, index: dropped }, { kind: 'drop_column', table: P, column: posts.columns[1]! }]
    expect(codesOf(pg, before(pg, posts), dropping(index))).toEqual(['DROP_COLUMN'])
    expect(codesOf(pg, before(pg, posts), dropping({ ...both, unique: true }))).toEqual(['DROP_COLUMN'])
    expect(codesOf(pg, before(pg, posts), dropping(both))).toEqual(['DROP_INDEX', 'DROP_COLUMN'])
  })
})

// A unique constraint dropped had no hazard at all (found by a workflow test).
describe('DROP_INDEX on a unique constraint', () => {
  const unique = { name: 'UQ_posts_user', columns: ['user_id'] }
  const withUnique = { ...posts, uniques: [unique] }
  it('fires when it goes, saying duplicates become possible', () => {
    const [finding] = findingsOf(pg, before(pg, withUnique), [{ kind: 'drop_unique', table: P, unique }])
    expect(finding).toMatchObject({ code: 'DROP_INDEX', what: 'Drops unique constraint "UQ_posts_user" on "public"."posts" ("user_id"), and duplicate values become possible' })
  })
  it('stays quiet where the columns stay unique, or the column goes', () => {
    const renamed: Operation[] = [{ kind: 'drop_unique', table: P, unique }, { kind: 'add_unique', table: P, unique: { ...unique, name: 'UQ_new' } }]
    expect(codesOf(pg, before(pg, withUnique), renamed)).not.toContain('DROP_INDEX')
    const dropped: Operation[] = [{ kind: 'drop_unique', table: P, unique }, { kind: 'drop_column', table: P, column: posts.columns[1]! }]
    expect(codesOf(pg, before(pg, withUnique), dropped)).toEqual(['DROP_COLUMN'])
  })
  // Jellyseerr's blacklist unique on (tmdbId, userId) became one on (tmdbId): the hazard said duplicate values
  // became possible, where the new key refuses every row the old one did, and more.
  it('stays quiet where a unique on some of its columns is added or kept, and fires where one on other columns is', () => {
    const listed = table('posts', [...posts.columns, column('slug', 'text'), column('title', 'text')], { ...posts, uniques: [] })
    const pair = { name: 'UQ_posts_pair', columns: ['user_id', 'slug'] }
    const replaced = (columns: string[]): Operation[] => [{ kind: 'drop_unique', table: P, unique: pair }, { kind: 'add_unique', table: P, unique: { name: 'UQ_posts_new', columns } }]
    const withPair = before(pg, { ...listed, uniques: [pair] })
    expect(codesOf(pg, withPair, replaced(['slug']))).not.toContain('DROP_INDEX')
    expect(codesOf(pg, withPair, replaced(['slug', 'user_id']))).not.toContain('DROP_INDEX')
    expect(codesOf(pg, withPair, replaced(['slug', 'title']))).toContain('DROP_INDEX')
    const keepsSlug = before(pg, { ...listed, uniques: [pair, { name: 'UQ_posts_slug', columns: ['slug'] }] })
    expect(codesOf(pg, keepsSlug, [{ kind: 'drop_unique', table: P, unique: pair }])).not.toContain('DROP_INDEX')
  })
  // A SQLite table made WITHOUT ROWID loses a unique on its primary key's columns, which SQLite never makes
  // there: the hazard said duplicates became possible, which the primary key still prevents.
  it('stays quiet where the primary key that stays has the same columns', () => {
    const keyUnique = { name: 'UQ_users_id', columns: ['id'] }
    const withKeyUnique = users(lite, { uniques: [keyUnique] })
    const ops: Operation[] = [{ kind: 'drop_unique', table: usersName(lite), unique: keyUnique }]
    expect(codesOf(lite, { ...before(lite), tables: [withKeyUnique] }, ops)).toEqual(['TABLE_REBUILD'])
  })
})

describe('SUSPECTED_RENAME', () => {
  const ops: Operation[] = [
    { kind: 'add_column', table: U, column: column('years', 'integer', { nullable: true }) },
    { kind: 'drop_column', table: U, column: users(pg).columns[3]! },
  ]
  it('fires on the drop of a suspected rename, with the detector\'s reasons and advice', () => {
    const suspectedRenames = [{ kind: 'column' as const, table: U, from: 'age', to: 'years', reasons: ['same type integer'], advice: 'pass --rename users.age=years' }]
    const found = findingsOf(pg, before(pg), ops, { suspectedRenames }).find((f) => f.code === 'SUSPECTED_RENAME')
    expect(found).toMatchObject({ operation: ops[1], probe: { kind: 'non_null', table: U, column: 'age' } })
    expect(found?.what).toContain('looks like a rename (same type integer)')
    expect(found?.advice).toBe('if it is a rename, pass --rename users.age=years')
  })
  it('stays quiet without suspects', () => {
    expect(codesOf(pg, before(pg), ops)).toEqual(['DROP_COLUMN'])
  })
  // A suspected move named the created table in the old schema ("crm"."client" dropped and "crm"."client" created).
  it('names the created table in its own schema, as a move, for a table suspected moved to another schema', () => {
    const moved = { ...users(pg), schema: 'crm' }
    const suspectedRenames = [{ kind: 'table' as const, table: { schema: 'crm', name: 'users' }, from: 'users', to: 'users', toSchema: 'sales', reasons: ['4 of 4 columns equal'] }]
    const found = findingsOf(pg, before(pg, moved), [{ kind: 'drop_table', table: moved }], { suspectedRenames }).find((f) => f.code === 'SUSPECTED_RENAME')
    expect(found?.what).toBe('Table "crm"."users" is dropped and "sales"."users" created, which looks like a move (4 of 4 columns equal): as written every row is deleted')
    expect(found?.advice).toBe('if it is a move, declare it so that the data is kept')
  })
})

describe('RENAME', () => {
  it('fires on renamed tables and columns', () => {
    const ops: Operation[] = [
      { kind: 'rename_table', from: U, to: { schema: 'public', name: 'people' }, table: users(pg) },
      { kind: 'rename_column', table: { schema: 'public', name: 'people' }, from: 'email', to: 'mail', column: users(pg).columns.find((c) => c.name === 'email')! },
    ]
    expect(codesOf(pg, before(pg), ops)).toEqual(['RENAME', 'RENAME'])
  })
  it('stays quiet on other changes', () => {
    expect(codesOf(pg, before(pg), [{ kind: 'alter_table_comment', table: U, to: 'people' }])).toEqual([])
  })
})

describe('TABLE_REBUILD', () => {
  it('fires once per rebuilt table, however many changes the rebuild carries', () => {
    const ops: Operation[] = [
      { kind: 'add_check', table: usersName(lite), check: { name: 'CHK_age', expression: '"age" >= 0' } },
      { kind: 'add_unique', table: usersName(lite), unique: { name: 'UQ_email', columns: ['email'] } },
    ]
    const found = findingsOf(lite, before(lite), ops).filter((f) => f.code === 'TABLE_REBUILD')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ operation: ops[0], probe: { kind: 'rows', table: { name: 'users' } } })
  })
  it('stays quiet when ALTER TABLE makes the change in place', () => {
    expect(codesOf(lite, before(lite), [{ kind: 'add_column', table: usersName(lite), column: column('nick', 'text', { nullable: true }) }])).toEqual([])
  })
})

describe('INDEX_WITHOUT_CONCURRENTLY', () => {
  const create: Operation = { kind: 'create_index', table: U, index: { name: 'IDX_age', columns: ['age'], unique: false } }
  it('fires on an index created on an existing table where the database could build it concurrently', () => {
    expect(findingsOf(pg, before(pg), [create])[0]).toMatchObject({ code: 'INDEX_WITHOUT_CONCURRENTLY', probe: { kind: 'rows', table: U } })
  })
  it('stays quiet on a table the migration creates, where the database cannot, and when the statement is built concurrently', () => {
    expect(codesOf(pg, before(pg), [{ kind: 'create_table', table: posts }, { ...create, table: P }])).toEqual([])
    expect(codesOf(lite, before(lite), [{ ...create, table: usersName(lite) }])).toEqual([])
    const statements = [{ sql: 'CREATE INDEX CONCURRENTLY "IDX_age" ON "public"."users" ("age")', operations: [create], concurrently: true as const }]
    expect(codesOf(pg, before(pg), [create], { statements })).toEqual([])
  })
  it('reads the statement\'s fact, not its text: an index named "concurrently" still blocks writes', () => {
    const named: Operation = { ...create, index: { name: 'concurrently', columns: ['age'], unique: false } }
    expect(codesOf(pg, before(pg), [named])).toEqual(['INDEX_WITHOUT_CONCURRENTLY'])
  })
})

describe('CONSTRAINT_WITHOUT_NOT_VALID', () => {
  const check: Operation = { kind: 'add_check', table: U, check: { name: 'CHK_age', expression: '"age" >= 0' } }
  it('fires on a foreign key or check added to an existing table', () => {
    expect(codesOf(pg, before(pg, { ...posts, foreignKeys: [] }), [{ kind: 'add_foreign_key', table: P, foreignKey: fk }])).toEqual(['ADD_FOREIGN_KEY', 'CONSTRAINT_WITHOUT_NOT_VALID'])
    expect(findingsOf(pg, before(pg), [check]).find((f) => f.code === 'CONSTRAINT_WITHOUT_NOT_VALID')?.what).toMatch(/^Adds check "CHK_age" to "public"."users" without NOT VALID/)
  })
  // A relation added to a table (Giveth's donation.token): its new column is NULL in every row, which no key breaks.
  it('says that a row may break the key, but of a key whose columns the migration adds empty', () => {
    const lockOf = (ops: Operation[]) => findingsOf(pg, before(pg, { ...posts, columns: [posts.columns[0]!], indexes: [], foreignKeys: [] }), ops)
      .find((f) => f.code === 'CONSTRAINT_WITHOUT_NOT_VALID')?.what
    const added = (extra: object): Operation[] => [
      { kind: 'add_column', table: P, column: { ...column('user_id', 'integer', { nullable: true }), ...extra } },
      { kind: 'add_foreign_key', table: P, foreignKey: fk },
    ]
    expect(lockOf(added({}))).toBe('Adds foreign key "FK_posts_user" to "public"."posts" without NOT VALID, which reads every row while blocking writes to the table')
    expect(lockOf(added({ default: '1' }))).toMatch(/, and fails if a row breaks it$/)
    expect(lockOf([{ kind: 'add_foreign_key', table: P, foreignKey: fk }])).toMatch(/, and fails if a row breaks it$/)
  })
  it('stays quiet on a new table, and when the statement adds it NOT VALID', () => {
    expect(codesOf(pg, before(pg), [{ kind: 'create_table', table: { ...posts, foreignKeys: [] } }, { kind: 'add_foreign_key', table: P, foreignKey: fk }])).toEqual([])
    const statements = [{ sql: 'ALTER TABLE "public"."users" ADD CONSTRAINT "CHK_age" CHECK ("age" >= 0) NOT VALID', operations: [check], notValid: true as const }]
    // Its rows are still read when it is validated: ADD_CHECK stays.
    expect(codesOf(pg, before(pg), [check], { statements })).toEqual(['ADD_CHECK'])
  })
  it('reads the statement\'s fact, not its text: a check that mentions "not valid" still reads every row', () => {
    const mentions: Operation = { kind: 'add_check', table: U, check: { name: 'CHK_not_valid', expression: `"age" IS NOT NULL OR 'not valid' <> ''` } }
    expect(codesOf(pg, before(pg), [mentions])).toEqual(['ADD_CHECK', 'CONSTRAINT_WITHOUT_NOT_VALID'])
  })
})
