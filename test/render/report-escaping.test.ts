import type { Hazard } from '../../src/hazards/hazard'
import type { ColumnModel, TableModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { changeSetOf } from '../../src/plan/change-set'
import type { MigrationPlan } from '../../src/plan/migration-plan'
import { renderReport } from '../../src/render/report'
import type { TableLocation } from '../../src/source/entity-locations'

// Names and sentences reach the markdown and github reports as data: whatever characters they hold, a
// reader must see them as they are, never as markup, and GitHub's runner must read the workflow commands
// back whole.

// marked ships ESM to Jest's resolver: it is loaded with Node's own require, which picks its CommonJS build.
const { marked } = process.getBuiltinModule('node:module').createRequire(__filename)('marked') as typeof import('marked')

const odd = 'we`ird|*name_<b>&amp;'
const legacy: ColumnModel = { name: 'legacy,col:1', type: 'text', nullable: true }
const before: TableModel = {
  name: odd, columns: [{ name: 'id', type: 'integer', nullable: false }, legacy], primaryKey: { columns: ['id'] },
  indexes: [], uniques: [], foreignKeys: [], checks: [],
}
const gone: TableModel = { ...before, name: 'gone', columns: [before.columns[0]!] }
const ops: Operation[] = [
  { kind: 'drop_column', table: { name: odd }, column: legacy },
  { kind: 'add_column', table: { name: odd }, column: { name: 'x``y', type: 'integer', nullable: true, default: "'```'" } },
  { kind: 'drop_table', table: gone },
]
const message = 'Deletes *every* value in <script>alert(1)</script> & `x` | # 100%\nsecond line\r'
const hazards: Hazard[] = [
  { code: 'DROP_COLUMN', severity: 'danger', message, operation: ops[0] },
  { code: 'DROP_TABLE', severity: 'danger', message: 'Deletes table "gone"', operation: ops[2] },
]
const plan: MigrationPlan = {
  name: 'Pending',
  timestamp: 0,
  up: ops,
  upStatements: [
    { sql: 'ALTER TABLE "we`ird" DROP COLUMN "legacy,col:1"', operations: [ops[0]!] },
    { sql: "ALTER TABLE \"we`ird\" ADD \"x``y\" integer DEFAULT '```'", operations: [ops[1]!] },
    { sql: 'DROP TABLE "gone"', operations: [ops[2]!] },
  ],
  downStatements: [],
  warnings: [{ code: 'NOT_DIFFED', message: 'skipped [link](http://example.invalid) _here_' }],
  hazards,
}
const changes = changeSetOf({ tables: [before, gone], enums: [], schemas: [], extensions: [], views: [] }, ops)

/** textOf is what a reader sees of rendered markdown: its HTML without tags, entities decoded. */
const textOf = (markdown: string) =>
  (marked.parse(markdown) as string).replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

describe('the markdown report', () => {
  const markdown = renderReport(plan, 'markdown', 'up', undefined, { changes, verdict: 'A migration is missing.' })

  it('shows names and sentences as they are', () => {
    const seen = textOf(markdown)
    expect(seen).toContain('Deletes *every* value in <script>alert(1)</script> & `x` | # 100%second line\n')
    expect(seen).toContain(`~ table "${odd}"`)
    expect(seen).toContain('+ column "x``y" integer NULL default \'```\'')
    expect(seen).toContain('NOT_DIFFED: skipped [link](http://example.invalid) _here_')
    expect(markdown).not.toContain('<script>')
    expect(marked.parse(markdown)).not.toMatch(/<(em|strong|a|h1|table)\b[^>]*>[^<]*(every|here|link)/)
  })

  it('fences SQL and definitions holding backticks with longer fences, and folds the SQL', () => {
    expect(markdown).toContain('<details>\n<summary>Up SQL (3 statements)</summary>\n\n````sql\n-- hazard DROP_COLUMN')
    expect(markdown).toContain("\nALTER TABLE \"we`ird\" ADD \"x``y\" integer DEFAULT '```';\n")
    expect(markdown).toContain('<details>\n<summary>Down SQL (0 statements)</summary>\n\n(none)\n\n</details>')
    expect(markdown).toContain('\n```diff\n--- "gone" (before)\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-table "gone"\n')
    expect(markdown).toMatchSnapshot()
  })

  it('leaves out a table whose definition reads the same after (an index key made descending)', () => {
    const index = { name: 'IDX_id', columns: ['id'], unique: false }
    const indexed: TableModel = { ...gone, indexes: [index] }
    const descending = { ...index, keyOptions: [{ descending: true }] }
    const swap: Operation[] = [{ kind: 'drop_index', table: { name: 'gone' }, index }, { kind: 'create_index', table: { name: 'gone' }, index: descending }]
    const set = changeSetOf({ tables: [indexed], enums: [], schemas: [], extensions: [], views: [] }, swap)
    const report = renderReport({ ...plan, up: swap, upStatements: [], hazards: [], warnings: [] }, 'markdown', 'up', undefined, { changes: set })
    expect(report).toContain('- `~ table "gone"`')
    expect(report).not.toContain('### Tables before and after')
  })

  it('is byte-identical for equal plans', () => {
    const copy = JSON.parse(JSON.stringify(plan)) as MigrationPlan
    expect(renderReport(copy, 'markdown', 'up', undefined, { changes, verdict: 'A migration is missing.' })).toBe(markdown)
  })
})

describe('the github report', () => {
  const locations: TableLocation[] = [{
    name: odd, declaration: { file: '/repo/src/we,ird:entity.ts', line: 4 },
    columns: { id: { file: '/repo/src/we,ird:entity.ts', line: 6 }, 'x``y': { file: '/repo/src/we,ird:entity.ts', line: 9 } },
  }]
  const github = renderReport(plan, 'github', 'up', undefined, { locations, root: '/repo', verdict: 'A migration is missing.' })

  it('escapes data and properties as the runner reads them back', () => {
    expect(github.split('\n')[0]).toBe(
      '::error file=src/we%2Cird%3Aentity.ts,line=4,title=DROP_COLUMN "we`ird|*name_<b>&amp;"."legacy%2Ccol%3A1"::' +
      'Deletes *every* value in <script>alert(1)</script> & `x` | # 100%25%0Asecond line%0D',
    )
  })

  it('points a dropped column at the class, a table no entity declares at no file, and ends with the summary', () => {
    expect(github).toContain('\n::error title=DROP_TABLE "gone"::Deletes table "gone"\n')
    expect(github).toContain('\n::warning title=NOT_DIFFED::skipped [link](http://example.invalid) _here_\n')
    expect(github).toContain('\n::error file=src/we%2Cird%3Aentity.ts,line=4,title=Migration missing%3A table "we`ird|*name_<b>&amp;"::A migration is missing.%0A- column "legacy,col:1"%0A+ column "x``y" integer NULL default \'```\'\n')
    expect(github).toContain('\n::error title=Migration missing%3A table "gone"::A migration is missing.\n')
    expect(github.endsWith('\ntypeorm-autogen: 2 tables changed, 2 dangers, 1 warning\n')).toBe(true)
  })

  it('points a finding on an enum type at the property of the column it names (ENUM_VALUE_REMOVED)', () => {
    // One hazard per column using the type (freeCodeCamp/chapter's sponsors.type): its operation, the type's, names no table.
    const type = { name: 'kind_enum', values: ['a', 'b'] }
    const shrink: Operation = { kind: 'alter_enum', from: type, to: { ...type, values: ['a'] }, users: [{ table: { name: odd }, column: { name: 'id', type: 'enum', nullable: false } }] }
    const removed: Hazard = { code: 'ENUM_VALUE_REMOVED', severity: 'danger', message: 'm', operation: shrink, column: { table: { name: odd }, name: 'id' } }
    const one = renderReport({ ...plan, up: [shrink], hazards: [removed], warnings: [] }, 'github', 'up', undefined, { locations, root: '/repo' })
    expect(one.split('\n')[0]).toBe('::error file=src/we%2Cird%3Aentity.ts,line=6,title=ENUM_VALUE_REMOVED enum "kind_enum"::m')
  })

  it('points a renamed label of a column that holds its labels itself at the property (MySQL, SQLite)', () => {
    const column: ColumnModel = { name: 'id', type: 'enum', nullable: false }
    const rename: Operation = { kind: 'rename_column_label', table: { name: odd }, column, from: 'shipped', to: 'sent' }
    const renamed: Hazard = { code: 'RENAME', severity: 'warning', message: 'm', operation: rename }
    const one = renderReport({ ...plan, up: [rename], hazards: [renamed], warnings: [] }, 'github', 'up', undefined, { locations, root: '/repo' })
    expect(one.split('\n')[0]).toMatch(/^::warning file=src\/we%2Cird%3Aentity\.ts,line=6,title=RENAME /)
  })

  it('annotates check\'s verdict on the changed enum type or view where no table changes, so that a failing check says why', () => {
    const relabel: Operation = { kind: 'rename_enum_label', enumType: { schema: 'public', name: 'status_enum' }, from: 'sent', to: 'shipped' }
    const one = renderReport({ ...plan, up: [relabel], hazards: [], warnings: [] }, 'github', 'up', undefined, { locations, root: '/repo', verdict: 'A migration is missing.' })
    expect(one.split('\n')[0]).toMatch(/^::error title=Migration missing%3A enum "public"."status_enum"[^:]*::A migration is missing\./)
  })

  it('points a column finding at its property', () => {
    const added: Hazard = { code: 'ADD_NOT_NULL_WITHOUT_DEFAULT', severity: 'warning', message: 'm', operation: ops[1] }
    const one = renderReport({ ...plan, hazards: [added], warnings: [] }, 'github', 'up', undefined, { locations, root: '/repo' })
    expect(one.split('\n')[0]).toBe('::warning file=src/we%2Cird%3Aentity.ts,line=9,title=ADD_NOT_NULL_WITHOUT_DEFAULT "we`ird|*name_<b>&amp;"."x``y"::m')
  })
})
