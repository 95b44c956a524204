import type { Operation } from '../../src/operations/operation'
import { unenforcedSizesNote } from '../../src/hazards/no-effect-rules'
import { alter, before, codesOf, column, findingsOf, postgresDialect as pg, schema, sqliteDialect as lite, table, users, usersName } from './hazard-fixtures'
import { enumUsers } from '../../src/diff/enum-users'
import { alterColumn } from '../../src/plan/column-change'
import { mysqlDialect } from '../../src/dialect/mysql/mysql-dialect'

// Each code fires when it should and stays quiet when it should not (pure: no database).

const U = usersName(pg)
const L = usersName(lite)

describe('TYPE_CHANGE_SAFE', () => {
  it('fires on a change that keeps every value without a rewrite', () => {
    const [finding] = findingsOf(pg, before(pg), [alter(pg, 'name', { length: 200 })])
    expect(finding).toMatchObject({ code: 'TYPE_CHANGE_SAFE', what: 'Changes "public"."users"."name" from varchar(100) to varchar(200)' })
    expect(finding?.probe).toBeUndefined()
    expect(codesOf(pg, before(pg), [alter(pg, 'name', { type: 'text', length: undefined })])).toEqual(['TYPE_CHANGE_SAFE'])
  })
  it('stays quiet when only nullability changes', () => {
    expect(codesOf(pg, before(pg), [alter(pg, 'age', { nullable: true }, { nullable: false })])).toEqual([])
  })
})

describe('TYPE_CHANGE_REWRITE', () => {
  it('fires on a conversion that rewrites the table, counting its rows', () => {
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'bigint' })])[0]).toMatchObject({ code: 'TYPE_CHANGE_REWRITE', probe: { kind: 'rows', table: U } })
  })
  it('stays quiet on a longer varchar', () => {
    expect(codesOf(pg, before(pg), [alter(pg, 'name', { length: 101 })])).not.toContain('TYPE_CHANGE_REWRITE')
  })
})

describe('a type change across time zones', () => {
  // hunt41 on graasp: a timestamp made timestamptz reads each value at the time zone of the session running the
  // migration (USING "at"::timestamptz), and the warning did not say so; MySQL's datetime made timestamp alike.
  const sessionZone = 'each value is converted at the time zone of the session that runs the migration'
  it('says so for a moment made zoned or unzoned, and not for one that stays either', () => {
    const [zoned] = findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'timestamptz' }, { type: 'timestamp' })])
    expect(zoned?.what).toContain(sessionZone)
    expect(zoned?.advice).toContain(`SET TIME ZONE 'UTC' first`)
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'date' }, { type: 'timestamptz' })])[0]?.what).toContain(sessionZone)
    expect(findingsOf(mysqlDialect, before(mysqlDialect), [alter(mysqlDialect, 'age', { type: 'timestamp' }, { type: 'datetime' })])[0]?.what).toContain(sessionZone)
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'timestamp', precision: 3 }, { type: 'timestamp', precision: 6 })])[0]?.what).not.toContain(sessionZone)
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'timestamptz', precision: 3 }, { type: 'timestamptz' })])[0]?.what).not.toContain(sessionZone)
  })
})

describe('TYPE_NARROWING', () => {
  it('fires on a shorter varchar, counting the longer values', () => {
    expect(findingsOf(pg, before(pg), [alter(pg, 'name', { length: 50 })])[0]).toMatchObject({
      code: 'TYPE_NARROWING', probe: { kind: 'longer_than', table: U, column: 'name', length: 50 },
    })
    expect(findingsOf(pg, before(pg), [alter(pg, 'bio', { type: 'varchar', length: 20 })])[0]?.probe).toMatchObject({ kind: 'longer_than', length: 20 })
  })
  it('fires on bigint -> integer, less precision or scale, timestamptz -> timestamp', () => {
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'integer' }, { type: 'bigint' })])[0]?.probe)
      .toEqual({ kind: 'out_of_range', table: U, column: 'age', min: '-2147483648', max: '2147483647' })
    const money = { type: 'numeric', precision: 10, scale: 2 }
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { precision: 6 }, money)])[0]?.probe).toMatchObject({ kind: 'out_of_range', min: '-9999.99', max: '9999.99' })
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { scale: 1 }, money)])[0]?.probe).toMatchObject({ kind: 'more_decimals', scale: 1 })
    // Fewer whole digits and fewer decimal places: both are counted (numeric of any scale to numeric(12,2)).
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'numeric', precision: 12, scale: 2 }, { type: 'numeric' })])[0]?.probe)
      .toMatchObject({ kind: 'out_of_range', min: '-9999999999.99', max: '9999999999.99', scale: 2 })
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { precision: 5, scale: 1 }, money)])[0]?.probe)
      .toMatchObject({ kind: 'out_of_range', min: '-9999.9', max: '9999.9', scale: 1 })
    // numeric to integer: out of integer's range, or with a fractional part.
    expect(findingsOf(pg, before(pg), [alter(pg, 'age', { type: 'integer' }, money)])[0]?.probe)
      .toMatchObject({ kind: 'out_of_range', min: '-2147483648', max: '2147483647', scale: 0 })
    expect(codesOf(pg, before(pg), [alter(pg, 'age', { type: 'timestamp' }, { type: 'timestamptz' })])).toEqual(['TYPE_NARROWING'])
  })
  it('stays quiet where lengths are not enforced: NO_SCHEMA_EFFECT says so instead', () => {
    expect(codesOf(lite, before(lite), [alter(lite, 'name', { length: 50 })])).toEqual(['TABLE_REBUILD', 'NO_SCHEMA_EFFECT'])
  })
})

describe('TYPE_CAST_MAY_FAIL', () => {
  it('fires on text -> integer, counting the values that do not convert', () => {
    const [finding] = findingsOf(pg, before(pg), [alter(pg, 'bio', { type: 'integer' })])
    expect(finding).toMatchObject({ code: 'TYPE_CAST_MAY_FAIL', probe: { kind: 'not_convertible', column: 'bio', to: { type: 'integer' } } })
    expect(finding?.what).toMatch(/, which fails if a value does not convert$/)
  })
  it('says values are kept unconverted where the database keeps them', () => {
    const found = findingsOf(lite, before(lite), [alter(lite, 'bio', { type: 'integer' })]).find((f) => f.code === 'TYPE_CAST_MAY_FAIL')
    expect(found?.what).toMatch(/values that do not convert are kept as they are, not as integer$/)
  })
  it('stays quiet on integer -> text', () => {
    expect(codesOf(pg, before(pg), [alter(pg, 'age', { type: 'text' })])).toEqual(['TYPE_CHANGE_REWRITE'])
  })
})

describe('SET_NOT_NULL', () => {
  it('fires when a column becomes NOT NULL, counting the NULLs', () => {
    expect(findingsOf(pg, before(pg), [alter(pg, 'email', { nullable: false })])[0]).toMatchObject({
      code: 'SET_NOT_NULL', probe: { kind: 'nulls', table: U, column: 'email' },
    })
  })
  it('stays quiet when a column becomes nullable', () => {
    expect(codesOf(pg, before(pg), [alter(pg, 'name', { nullable: true })])).toEqual([])
  })
  it("names the column in the database's own quotes in its advice", () => {
    expect(findingsOf(pg, before(pg), [alter(pg, 'email', { nullable: false })])[0]?.advice).toBe('fill those rows first (UPDATE ... SET "email" = ... WHERE "email" IS NULL)')
    expect(findingsOf(mysqlDialect, before(mysqlDialect), [alter(mysqlDialect, 'email', { nullable: false })])[0]?.advice)
      .toBe('fill those rows first (UPDATE ... SET `email` = ... WHERE `email` IS NULL)')
  })
})

describe('ADD_NOT_NULL_WITHOUT_DEFAULT', () => {
  const add = (extra: object): Operation => ({ kind: 'add_column', table: U, column: column('nick', 'text', extra) })
  it('fires on a NOT NULL column without default added to an existing table', () => {
    expect(findingsOf(pg, before(pg), [add({})])[0]).toMatchObject({ code: 'ADD_NOT_NULL_WITHOUT_DEFAULT', probe: { kind: 'rows', table: U } })
  })
  it('stays quiet with a default, a generated value, NULLs allowed, or on a table the migration creates', () => {
    // Filling an identity column rewrites the table: TABLE_REBUILD says so, not this rule.
    expect(codesOf(pg, before(pg), [add({ default: "''" }), add({ generated: { kind: 'identity', always: true } }), add({ nullable: true })])).toEqual(['TABLE_REBUILD'])
    const created: Operation[] = [{ kind: 'create_table', table: table('fresh', [column('id')], { schema: 'public' }) },
      { kind: 'add_column', table: { schema: 'public', name: 'fresh' }, column: column('nick', 'text') }]
    expect(codesOf(pg, before(pg), created)).toEqual([])
  })
})

describe('TABLE_REBUILD of an added column on PostgreSQL', () => {
  const add = (extra: object): Operation => ({ kind: 'add_column', table: U, column: column('token', 'uuid', { nullable: true, ...extra }) })
  it('fires where every row gets a value of its own: a volatile default, a generated uuid, identity or serial, a stored generated column', () => {
    for (const extra of [{ default: 'gen_random_uuid()' }, { default: 'uuid_generate_v4()' }, { generated: { kind: 'uuid' } },
      { type: 'integer', generated: { kind: 'increment' } }, { computed: { expression: '"age" * 2', stored: true } }]) {
      expect([extra, codesOf(pg, before(pg), [add(extra)])]).toEqual([extra, ['TABLE_REBUILD']])
    }
  })
  it('fires where a stored generated column is dropped and added again for its new expression', () => {
    const generated = (expression: string) => ({ computed: { expression, stored: true } })
    const recomputed = alter(pg, 'age', generated('"id" * 3'), generated('"id" * 2'))
    expect(codesOf(pg, before(pg), [recomputed])).toEqual(['TABLE_REBUILD'])
  })
  it('says the table is rewritten in place, not copied into a new one', () => {
    const [finding] = findingsOf(pg, before(pg), [add({ default: 'gen_random_uuid()' })])
    expect(finding?.what).toBe('Rewrites table "public"."users": every row is written again, with a value of its own in the column, and its indexes built again')
  })
  it('stays quiet with a default PostgreSQL stores once (a constant, now()), and on a table the migration creates', () => {
    expect(codesOf(pg, before(pg), [add({ default: "'x'" }), add({ default: 'now()' }), add({ default: 'CURRENT_TIMESTAMP' })])).toEqual([])
    const created: Operation[] = [{ kind: 'create_table', table: table('fresh', [column('id')], { schema: 'public' }) },
      { kind: 'add_column', table: { schema: 'public', name: 'fresh' }, column: column('token', 'uuid', { default: 'gen_random_uuid()' }) }]
    expect(codesOf(pg, before(pg), created)).toEqual([])
  })
})

describe('ADD_UNIQUE', () => {
  const unique: Operation = { kind: 'add_unique', table: U, unique: { name: 'UQ_email', columns: ['email'] } }
  it('fires on a unique constraint, unique index or primary key on an existing table, counting duplicates', () => {
    expect(findingsOf(pg, before(pg), [unique])[0]).toMatchObject({ code: 'ADD_UNIQUE', probe: { kind: 'duplicates', table: U, columns: ['email'] } })
    const index: Operation = { kind: 'create_index', table: U, index: { name: 'IDX_email', columns: ['email'], unique: true } }
    expect(codesOf(pg, before(pg), [index])).toEqual(['ADD_UNIQUE', 'INDEX_WITHOUT_CONCURRENTLY'])
  })
  it('stays quiet when the columns are unique already, or the table is new', () => {
    const indexed = schema([users(pg, { indexes: [{ name: 'IDX_email', columns: ['email'], unique: true }] })])
    // Its index is still built under the table's lock.
    expect(codesOf(pg, indexed, [unique])).toEqual(['INDEX_WITHOUT_CONCURRENTLY'])
    const fresh = table('fresh', [column('id')], { schema: 'public', uniques: [{ name: 'UQ', columns: ['id'] }] })
    expect(codesOf(pg, before(pg), [{ kind: 'create_table', table: fresh }])).toEqual([])
  })
})

describe('ADD_FOREIGN_KEY', () => {
  const teams = (extra: Partial<Parameters<typeof table>[2]> = {}) =>
    table('teams', [column('id', 'integer'), column('code', 'varchar', { length: 10 })], { schema: 'public', primaryKey: { columns: ['id'] }, ...extra })
  const T = { schema: 'public', name: 'teams' }
  const fk = (columns: string[], referencedColumns = ['id']) =>
    ({ name: 'FK_users_team', columns, referencedSchema: 'public', referencedTable: 'teams', referencedColumns, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }) as const
  const addFk = (columns = ['age'], referencedColumns = ['id']): Operation => ({ kind: 'add_foreign_key', table: U, foreignKey: fk(columns, referencedColumns) })

  it('fires on a foreign key added on a column that holds values, counting the rows that match no referenced row', () => {
    const [finding] = findingsOf(pg, before(pg, teams()), [addFk()])
    expect(finding).toMatchObject({
      code: 'ADD_FOREIGN_KEY',
      what: 'Adds foreign key "FK_users_team" on "public"."users" ("age") -> "public"."teams", which fails while a row\'s values match no row of "public"."teams"',
      probe: { kind: 'unmatched', table: U, columns: ['age'], referencedTable: T, referencedColumns: ['id'] },
    })
  })
  it('traces renamed tables and columns back to the names the data has now, naming the table as the migration leaves it', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: U, from: 'age', to: 'teamId', column: users(pg).columns.find((c) => c.name === 'age')! },
      { kind: 'rename_table', from: T, to: { schema: 'public', name: 'squads' }, table: teams() },
      { kind: 'add_foreign_key', table: U, foreignKey: { ...fk(['teamId']), referencedTable: 'squads' } },
    ]
    expect(findingsOf(pg, before(pg, teams()), ops).find((f) => f.code === 'ADD_FOREIGN_KEY')?.probe)
      .toEqual({ kind: 'unmatched', table: U, columns: ['age'], referencedTable: T, referencedColumns: ['id'], named: { schema: 'public', name: 'squads' } })
  })
  it('counts every row with a value where the migration creates the referenced table, and does not compare values of other types', () => {
    const created: Operation[] = [{ kind: 'create_table', table: teams() }, addFk()]
    expect(findingsOf(pg, before(pg), created).find((f) => f.code === 'ADD_FOREIGN_KEY')).toMatchObject({
      what: expect.stringMatching(/, which this migration creates$/), probe: { kind: 'non_null', table: U, column: 'age' },
    })
    const [byName] = findingsOf(pg, before(pg, teams()), [addFk(['email'])])
    expect(byName).toMatchObject({ code: 'ADD_FOREIGN_KEY' })
    expect(byName?.probe).toBeUndefined()
  })
  // hunt109 on Swetrix: user_feedback (utf8mb4_unicode_ci by hand-written SQL) given a key to user
  // (utf8mb4_general_ci), both columns on their table's collation: the count compared them and failed with
  // "Illegal mix of collations", and the finding was left without a count (NOT_COUNTED).
  it('does not compare string columns whose tables give them different collations', () => {
    const my = mysqlDialect
    const accounts = table('accounts', [column('id', 'varchar', { length: 36 })], { primaryKey: { columns: ['id'] }, charset: 'utf8mb4', collation: 'utf8mb4_general_ci' })
    const feedback = (collation: string) => table('feedback', [column('id', 'varchar', { length: 36 }), column('userId', 'varchar', { length: 36 })], { primaryKey: { columns: ['id'] }, charset: 'utf8mb4', collation })
    const key: Operation = { kind: 'add_foreign_key', table: { name: 'feedback' }, foreignKey: { name: 'FK_feedback_user', columns: ['userId'], referencedTable: 'accounts', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' } }
    const [mixed] = findingsOf(my, schema([feedback('utf8mb4_unicode_ci'), accounts]), [key])
    expect(mixed).toMatchObject({ code: 'ADD_FOREIGN_KEY' })
    expect(mixed?.probe).toBeUndefined()
    const [alike] = findingsOf(my, schema([feedback('utf8mb4_general_ci'), accounts]), [key])
    expect(alike?.probe).toMatchObject({ kind: 'unmatched', columns: ['userId'], referencedColumns: ['id'] })
    // Numbers take no collation: an int key between the same two tables is still counted.
    const numbered = (t: ReturnType<typeof table>) => ({ ...t, columns: t.columns.map((c) => ({ ...c, type: 'int', length: undefined })) })
    const [ints] = findingsOf(my, schema([numbered(feedback('utf8mb4_unicode_ci')), numbered(accounts)]), [key])
    expect(ints?.probe).toMatchObject({ kind: 'unmatched', columns: ['userId'], referencedColumns: ['id'] })
  })
  it('stays quiet on a new column, a new table, or a key the columns already had (a changed ON DELETE)', () => {
    const nick: Operation = { kind: 'add_column', table: U, column: column('teamId', 'integer', { nullable: true }) }
    expect(codesOf(pg, before(pg, teams()), [nick, addFk(['teamId'])])).not.toContain('ADD_FOREIGN_KEY')
    const fresh = table('fresh', [column('id'), column('teamId', 'integer')], { schema: 'public' })
    const onFresh: Operation = { kind: 'add_foreign_key', table: { schema: 'public', name: 'fresh' }, foreignKey: fk(['teamId']) }
    expect(codesOf(pg, before(pg, teams()), [{ kind: 'create_table', table: fresh }, onFresh])).not.toContain('ADD_FOREIGN_KEY')
    const linked = schema([users(pg, { foreignKeys: [fk(['age'])] }), teams()], { schemas: ['public'] })
    const changed: Operation[] = [
      { kind: 'drop_foreign_key', table: U, foreignKey: fk(['age']) },
      { kind: 'add_foreign_key', table: U, foreignKey: { ...fk(['age']), onDelete: 'CASCADE' } },
    ]
    expect(codesOf(pg, linked, changed)).not.toContain('ADD_FOREIGN_KEY')
  })
  it('fires on a new column with a default on a table that exists: every row takes the default, counting the rows', () => {
    const teamId: Operation = { kind: 'add_column', table: U, column: column('teamId', 'integer', { default: '1' }) }
    const finding = findingsOf(pg, before(pg, teams()), [teamId, addFk(['teamId'])]).find((f) => f.code === 'ADD_FOREIGN_KEY')
    expect(finding).toMatchObject({
      what: 'Adds foreign key "FK_users_team" on "public"."users" ("teamId") -> "public"."teams", on a column this migration adds: every row of "public"."users" takes "teamId" = 1, which fails unless a row of "public"."teams" matches',
      probe: { kind: 'rows', table: U },
    })
  })
  it('leaves a new NOT NULL column without a default to ADD_NOT_NULL_WITHOUT_DEFAULT, and a default of NULL alone', () => {
    const required: Operation = { kind: 'add_column', table: U, column: column('teamId', 'integer') }
    const codes = codesOf(pg, before(pg, teams()), [required, addFk(['teamId'])])
    expect(codes).toContain('ADD_NOT_NULL_WITHOUT_DEFAULT')
    expect(codes).not.toContain('ADD_FOREIGN_KEY')
    const nullDefault: Operation = { kind: 'add_column', table: U, column: column('teamId', 'integer', { nullable: true, default: 'NULL' }) }
    expect(codesOf(pg, before(pg, teams()), [nullDefault, addFk(['teamId'])])).not.toContain('ADD_FOREIGN_KEY')
  })
})

describe('ENUM_VALUE_REMOVED', () => {
  const status = column('status', 'enum', { enumName: 'users_status_enum', enumValues: ['active', 'archived'] })
  const withEnum = schema([users(pg, { columns: [...users(pg).columns, status] })], {
    enums: [{ schema: 'public', name: 'users_status_enum', values: ['active', 'archived'] }],
  })
  const enumType = withEnum.enums[0]!
  it('fires per column using an enum type that loses a value, counting the rows holding it', () => {
    const [finding] = findingsOf(pg, withEnum, [{ kind: 'alter_enum', from: enumType, to: { ...enumType, values: ['active'] }, users: enumUsers(withEnum, enumType) }])
    expect(finding).toMatchObject({ code: 'ENUM_VALUE_REMOVED', probe: { kind: 'holds_values', table: U, column: 'status', values: ['archived'] } })
    expect(finding?.column).toEqual({ table: U, name: 'status' })
    expect(finding?.what).toBe(`Removes 'archived' from enum "public"."users_status_enum", which fails while rows of "public"."users"."status" hold them`)
  })
  it('fires where enums are per column and a column accepts fewer values', () => {
    const sqliteStatus = column('status', 'varchar', { enumValues: ['active', 'archived'] })
    const start = schema([users(lite, { columns: [...users(lite).columns, sqliteStatus] })])
    const op: Operation = alterColumn(L, sqliteStatus, { ...sqliteStatus, enumValues: ['active'] })
    expect(findingsOf(lite, start, [op]).find((f) => f.code === 'ENUM_VALUE_REMOVED')?.probe).toEqual({ kind: 'holds_values', table: L, column: 'status', values: ['archived'] })
  })
  it('stays quiet when values are only added', () => {
    expect(codesOf(pg, withEnum, [{ kind: 'alter_enum', from: enumType, to: { ...enumType, values: ['active', 'archived', 'gone'] }, users: enumUsers(withEnum, enumType) }])).toEqual([])
  })
})

describe('NO_SCHEMA_EFFECT', () => {
  it('fires where declared sizes are not enforced on a changed size (counting longer values), never on new sized columns', () => {
    const [, finding] = findingsOf(lite, before(lite), [alter(lite, 'name', { length: 20 })])
    expect(finding?.what).toBe('The database does not enforce the declared size of "users"."name": changing it from varchar(100) to varchar(20) changes no stored value')
    expect(finding?.probe).toEqual({ kind: 'longer_than', table: L, column: 'name', length: 20 })
    const add: Operation = { kind: 'add_column', table: L, column: column('code', 'varchar', { length: 8, nullable: true }) }
    // That new sizes are documentation only is said once per project, by diff (unenforcedSizesNote).
    expect(codesOf(lite, before(lite), [add])).toEqual([])
    expect(unenforcedSizesNote(lite.capabilities, before(lite))).toBe(
      'NO_SCHEMA_EFFECT (info): The database does not enforce declared lengths, precisions and scales (1 column of the entities declares one, ' +
      'such as "users"."name" varchar(100)); longer or bigger values are stored as they are; add a check constraint where a limit must hold.')
    expect(unenforcedSizesNote(pg.capabilities, before(pg))).toBeUndefined()
  })
  it('fires when the entity declares a parameter the database does not keep', () => {
    const created = table('events', [column('at', 'timestamp', { precision: 3 })], { schema: 'public' })
    const declared = schema([table('events', [column('at', 'timestamp', { precision: 3, scale: 2 })])])
    const [finding] = findingsOf(pg, before(pg), [{ kind: 'create_table', table: created }], { declared })
    expect(finding?.what).toBe('"public"."events"."at" declares scale 2, which the database does not keep (it stores timestamp(3))')
  })
  it('stays quiet where sizes are enforced and kept', () => {
    const add: Operation = { kind: 'add_column', table: U, column: column('code', 'varchar', { length: 8, nullable: true }) }
    expect(codesOf(pg, before(pg), [add], { declared: schema([table('users', [column('code', 'varchar', { length: 8 })])]) })).toEqual([])
  })
})
