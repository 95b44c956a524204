import type { ColumnModel, TableModel } from '../../src/model/schema-model'
import type { Operation, OperationKind } from '../../src/operations/operation'
import { summarizeChanges, summaryLines } from '../../src/render/change-summary'
import { sampleOperations } from './fixtures/sample-plan'
import { alterColumn } from '../../src/plan/column-change'

const text = (ops: readonly Operation[]): string[] => summaryLines(summarizeChanges(ops))
const user = { name: 'user' }
const column = (name: string, type: string, extra: Partial<ColumnModel> = {}): ColumnModel => ({ name, type, nullable: true, ...extra })
const table = (name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel =>
  ({ name, columns, indexes: [], uniques: [], foreignKeys: [], checks: [], ...extra })

describe('summarizeChanges', () => {
  it('reads like the example a reviewer expects', () => {
    const ops: Operation[] = [
      { kind: 'drop_table', table: table('old_stuff', [column('id', 'integer')]) },
      { kind: 'add_column', table: user, column: column('age', 'integer') },
      alterColumn(user, column('name', 'varchar', { length: 50, nullable: false, default: "'x'" }), column('name', 'varchar', { length: 100 })),
      { kind: 'drop_column', table: user, column: column('legacy', 'text') },
      { kind: 'create_index', table: user, index: { name: 'IDX_user_email', columns: ['email'], unique: true } },
      { kind: 'drop_check', table: user, check: { name: 'CHK_age', expression: '"age" > 0' } },
      { kind: 'add_check', table: user, check: { name: 'CHK_age', expression: '"age" >= 0' } },
      { kind: 'create_table', table: table('post', ['id', 'a', 'b', 'c', 'd'].map((c) => column(c, 'integer'))) },
    ]
    expect(text(ops)).toEqual([
      '- table "old_stuff"',
      '+ table "post" (5 columns)',
      '~ table "user"',
      '    + column "age" integer NULL',
      '    - column "legacy"',
      '    ~ column "name": varchar(50) -> varchar(100), NOT NULL -> NULL, default \'x\' -> none',
      '    + index "IDX_user_email" (email) unique',
      '    ~ check "CHK_age": "age" > 0 -> "age" >= 0',
    ])
  })

  it('describes every operation kind', () => {
    const copy: Operation = {
      kind: 'copy_column', table: { name: 'user' }, rows: 'empty',
      from: { name: 'mail', type: 'varchar', nullable: true }, to: { name: 'email', type: 'text', nullable: true },
    }
    const view = { name: 'active_user', definition: 'SELECT * FROM "user"', reads: [{ name: 'user' }] }
    const views: Operation[] = [
      { kind: 'create_view', view },
      { kind: 'drop_view', view: { ...view, name: 'old_user' } },
      { kind: 'replace_view', from: { ...view, name: 'named_user' }, to: { ...view, name: 'named_user', definition: 'SELECT "name" FROM "user"' } },
    ]
    const options: Operation = { kind: 'alter_table_options', table: { name: 'user' }, from: {}, to: { withoutRowid: true } }
    const exclusion = { name: 'XCL_stay', definition: 'USING gist (room WITH =, during WITH &&)' }
    const exclusions: Operation[] = [
      { kind: 'add_exclusion', table: { name: 'stay' }, exclusion },
      { kind: 'drop_exclusion', table: { name: 'stay' }, exclusion: { ...exclusion, name: 'XCL_old' } },
    ]
    const deferral: Operation = {
      kind: 'alter_foreign_key', table: { name: 'user' },
      from: { name: 'FK_user_team', columns: ['teamId'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
      to: { name: 'FK_user_team', columns: ['teamId'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' },
    }
    const relabel: Operation = { kind: 'rename_enum_label', enumType: { schema: 'public', name: 'post_status_enum' }, from: 'pending', to: 'queued' }
    const columnRelabel: Operation = {
      kind: 'rename_column_label', table: { name: 'ticket' }, column: { name: 'state', type: 'enum', nullable: false, enumValues: ['open', 'shut'] }, from: 'shut', to: 'closed',
    }
    const operations = [...sampleOperations, copy, ...views, options, ...exclusions, deferral, relabel, columnRelabel]
    const kinds = new Set(operations.map((op) => op.kind))
    const all: Record<OperationKind, true> = {
      create_schema: true, drop_schema: true, create_extension: true, drop_extension: true, create_enum: true,
      drop_enum: true, alter_enum: true, create_table: true, drop_table: true, rename_table: true,
      alter_table_comment: true, alter_table_options: true, add_column: true, drop_column: true, alter_column: true, rename_column: true,
      add_primary_key: true, drop_primary_key: true, create_index: true, drop_index: true, add_unique: true,
      drop_unique: true, add_foreign_key: true, drop_foreign_key: true, alter_foreign_key: true, add_check: true, drop_check: true, add_exclusion: true, drop_exclusion: true,
      rename_enum: true, rename_enum_label: true, rename_column_label: true, rename_index: true, rename_constraint: true, copy_column: true,
      create_view: true, drop_view: true, replace_view: true,
    }
    expect([...kinds].sort()).toEqual(Object.keys(all).sort())
    const lines = text(operations)
    const details = summarizeChanges(operations).reduce((n, entry) => n + 1 + entry.details.length, 0)
    expect(lines).toHaveLength(details)
    expect(lines).toContain('    ~ column "email": values copied from "mail" (varchar -> text) into the rows where it is NULL')
    // One line per operation (create, drop and rename of a table are the headlines of their tables),
    // except the drop+add pairs of the primary key and of the check, which make one line each; table "stay" has
    // a headline of its own.
    expect(operations).toHaveLength(38)
    expect(details).toBe(38 - 2 + 2)
    expect(lines).toContain('    + exclusion "XCL_stay" USING gist (room WITH =, during WITH &&)')
    expect(lines).toContain('~ view "named_user": definition replaced')
    expect(lines).toContain('~ enum "public"."post_status_enum": label \'pending\' renamed to \'queued\'')
    expect(lines).toContain('    ~ column "state": label \'shut\' renamed to \'closed\'')
    expect(lines).toContain('    ~ with rowid -> without rowid')
    expect(lines).toContain('    ~ foreign key "FK_user_team": not deferrable -> deferrable INITIALLY DEFERRED')
  })

  it('pairs a table\'s only dropped and added check even when their names differ', () => {
    const ops: Operation[] = [
      { kind: 'drop_check', table: user, check: { name: 'CHK_1a2b', expression: '"age" > 0' } },
      { kind: 'add_check', table: user, check: { name: 'CHK_3c4d', expression: '"age" >= 0' } },
      { kind: 'drop_check', table: { name: 'post' }, check: { name: 'CHK_x', expression: 'x' } },
      { kind: 'drop_check', table: { name: 'post' }, check: { name: 'CHK_y', expression: 'y' } },
      { kind: 'add_check', table: { name: 'post' }, check: { name: 'CHK_z', expression: 'z' } },
    ]
    expect(text(ops)).toEqual([
      '~ table "post"',
      '    - check "CHK_x"',
      '    - check "CHK_y"',
      '    + check "CHK_z" (z)',
      '~ table "user"',
      '    ~ check "CHK_1a2b" -> "CHK_3c4d": "age" > 0 -> "age" >= 0',
    ])
  })

  it('pairs a dropped and re-added index or key of one name, and says when nothing changed in it', () => {
    const fk = { name: 'FK_a', columns: ['a_id'], referencedTable: 'a', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' } as const
    const ops: Operation[] = [
      { kind: 'drop_foreign_key', table: user, foreignKey: fk },
      { kind: 'drop_index', table: user, index: { name: 'IDX_a', columns: ['a'], unique: false } },
      { kind: 'create_index', table: user, index: { name: 'IDX_a', columns: ['a', 'b'], unique: false, where: '"a" > 0', method: 'gin' } },
      { kind: 'add_foreign_key', table: user, foreignKey: { ...fk, onDelete: 'CASCADE', referencedSchema: 'app' } },
      { kind: 'drop_unique', table: user, unique: { name: 'UQ_a', columns: ['a'] } },
      { kind: 'add_unique', table: user, unique: { name: 'UQ_a', columns: ['a'] } },
    ]
    expect(text(ops)).toEqual([
      '~ table "user"',
      '    ~ index "IDX_a": (a) -> (a, b) using gin where "a" > 0',
      '    ~ unique "UQ_a" (dropped and recreated)',
      '    ~ foreign key "FK_a": (a_id) -> "a" (id) -> (a_id) -> "app"."a" (id) on delete CASCADE',
    ])
  })

  it('groups operations on a renamed table under its new name, and keeps a new table of the old name apart', () => {
    const ops: Operation[] = [
      { kind: 'drop_index', table: { schema: 'app', name: 'account' }, index: { name: 'IDX_1', columns: ['x'], unique: false } },
      { kind: 'rename_table', from: { schema: 'app', name: 'account' }, to: { schema: 'app', name: 'member' }, table: { ...table('account', [column('x', 'text')]), schema: 'app' } },
      { kind: 'add_column', table: { schema: 'app', name: 'member' }, column: column('y', 'text') },
      { kind: 'create_table', table: { ...table('account', [column('id', 'integer')]), schema: 'app' } },
    ]
    expect(summarizeChanges(ops).map((e) => [e.name, e.change])).toEqual([['app.account', 'add'], ['app.member', 'alter']])
    expect(text(ops)).toEqual([
      '+ table "app"."account" (1 column)',
      '~ table "app"."member" (renamed from "app"."account")',
      '    + column "y" text NULL',
      '    - index "IDX_1"',
    ])
  })

  // The enum types of a table moved to another schema read "renamed from", beside the table's "moved from".
  it('says that an enum type moved to another schema moved, as its table did', () => {
    const ops: Operation[] = [
      { kind: 'rename_table', from: { schema: 'crm', name: 'client' }, to: { schema: 'sales', name: 'client' }, table: { ...table('client', [column('tier', 'enum')]), schema: 'crm' } },
      { kind: 'rename_enum', from: { schema: 'crm', name: 'client_tier_enum' }, to: { schema: 'sales', name: 'client_tier_enum' } },
      { kind: 'rename_enum', from: { schema: 'crm', name: 'post_kind_enum' }, to: { schema: 'crm', name: 'article_kind_enum' } },
    ]
    expect(text(ops)).toEqual([
      '~ enum "crm"."article_kind_enum" renamed from "crm"."post_kind_enum"',
      '~ enum "sales"."client_tier_enum" moved from "crm"."client_tier_enum"',
      '~ table "sales"."client" (moved from "crm"."client")',
    ])
  })

  it('says when a table is dropped and created again', () => {
    const t = table('t', [column('id', 'integer')])
    expect(text([{ kind: 'drop_table', table: t }, { kind: 'create_table', table: t }])).toEqual(['~ table "t" (recreated, 1 column)'])
  })

  it('describes columns fully', () => {
    const ops: Operation[] = [
      { kind: 'add_column', table: user, column: column('id', 'integer', { nullable: false, generated: { kind: 'identity', always: true } }) },
      { kind: 'add_column', table: user, column: column('tags', 'varchar', { length: 20, isArray: true, comment: "it's" }) },
      { kind: 'add_column', table: user, column: column('role', 'enum', { enumName: 'user_role_enum', default: "'member'" }) },
      { kind: 'add_column', table: user, column: column('mood', 'varchar', { enumValues: ['ok', 'sad'], collation: 'C' }) },
      { kind: 'add_column', table: user, column: column('total', 'numeric', { precision: 8, computed: { expression: '"a" + "b"', stored: true } }) },
      alterColumn(user, column('uid', 'uuid', { nullable: false }), column('uid', 'uuid', { nullable: false, generated: { kind: 'uuid' }, comment: 'key' })),
    ]
    expect(text(ops)).toEqual([
      '~ table "user"',
      '    + column "id" integer NOT NULL generated identity always',
      '    + column "mood" varchar (\'ok\', \'sad\') NULL collate "C"',
      '    + column "role" enum "user_role_enum" NULL default \'member\'',
      '    + column "tags" varchar(20)[] NULL comment \'it\'\'s\'',
      '    + column "total" numeric(8) NULL computed ("a" + "b") stored',
      '    ~ column "uid": generated none -> uuid, comment none -> \'key\'',
    ])
  })

  it('keeps continuation lines of a multi-line expression under their line', () => {
    const ops: Operation[] = [{ kind: 'add_check', table: user, check: { name: 'CHK_m', expression: '"a" > 0\nAND "b" > 0' } }]
    expect(text(ops)).toEqual(['~ table "user"', '    + check "CHK_m" ("a" > 0', '      AND "b" > 0)'])
  })

  it('says when there is nothing to do', () => {
    expect(text([])).toEqual(['(no changes)'])
  })

  it('is the same whatever order independent operations come in', () => {
    const reversed = [...sampleOperations].reverse()
    const withoutRenames = (ops: readonly Operation[]) => ops.filter((op) => op.kind !== 'rename_table' && op.kind !== 'drop_index')
    expect(text(withoutRenames(reversed))).toEqual(text(withoutRenames(sampleOperations)))
  })
})
