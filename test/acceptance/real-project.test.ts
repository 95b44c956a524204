import { join } from 'node:path'
import { DataSource } from 'typeorm'
import type { Operation } from '../../src/operations/operation'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { summarizeChanges, summaryLines } from '../../src/render/change-summary'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { LoadedProject } from '../../src/source/load-config'
import { helpdeskEntities } from './real-projects/helpdesk/entities'
import { helpdeskMigrations } from './real-projects/helpdesk/migrations'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Issue 8, "Done when": a project whose migrations come from elsewhere (real-projects/helpdesk, see its
// README) gets, as its first `generate`, only its real differences; the migration applies, `check` is
// clean after it, and `downgrade` restores the catalog byte for byte.

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('real_project')
  const own = new DataSource({ ...db.options, entities: helpdeskEntities, migrations: helpdeskMigrations, logging: false } as never)
  await own.initialize()
  try {
    await own.runMigrations({ transaction: 'each' })
  } finally {
    await own.destroy()
  }
})
afterAll(async () => db?.drop())

/** helpdeskProject is the project as its DataSource lists it: migrations as classes, plus the folder generate writes to. */
function helpdeskProject(): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  const migrations = [...helpdeskMigrations, join(migrationsDir, '*.ts')]
  return {
    dataSource: new DataSource({ ...db.options, entities: helpdeskEntities, migrations, logging: false } as never),
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(test)',
  }
}

/** definitionKey is what identifies an index or constraint apart from its name: its table and definition. */
function definitionKey(op: Operation): string | undefined {
  const table = 'table' in op && op.table !== undefined && 'name' in op.table ? `${op.table.schema ?? ''}.${op.table.name}` : ''
  switch (op.kind) {
    case 'create_index':
    case 'drop_index':
      return `index ${table} ${JSON.stringify({ ...op.index, name: undefined, whereSql: undefined })}`
    case 'add_unique':
    case 'drop_unique':
      return `unique ${table} ${JSON.stringify({ ...op.unique, name: undefined })}`
    case 'add_primary_key':
    case 'drop_primary_key':
      return `primary key ${table} ${JSON.stringify({ ...op.primaryKey, name: undefined })}`
    case 'add_foreign_key':
    case 'drop_foreign_key':
      return `foreign key ${table} ${JSON.stringify({ ...op.foreignKey, name: undefined })}`
    case 'add_check':
    case 'drop_check':
      return `check ${table} ${JSON.stringify({ ...op.check, name: undefined, expressionSql: undefined })}`
    default:
      return undefined
  }
}

/** droppedAndRecreated lists the objects `up` drops and adds again with the same definition: a rename done as two statements. */
function droppedAndRecreated(up: readonly Operation[]): string[] {
  const drops = new Set(up.filter((op) => op.kind.startsWith('drop_')).map(definitionKey).filter((k) => k !== undefined))
  return up.filter((op) => !op.kind.startsWith('drop_')).map(definitionKey).filter((k) => k !== undefined && drops.has(k)) as string[]
}

const expectedFirstGenerate = [
  // Names of other rules, renamed in place: nothing dropped and created again.
  '~ enum "public"."ticket_status_enum" renamed from "public"."ticket_state"',
  '~ table "public"."account"',
  '    ~ primary key "PK_54115ee388cdb6d86bb4bf5b2ea" renamed from "account_pkey"',
  '    ~ column "tokenExpiry": default none -> CURRENT_TIMESTAMP',
  '    ~ unique "UQ_4c8f96ccf523e9a3faefd5bdd4c" renamed from "account_email_key"',
  '    + unique "UQ_c789fd1075313979bc92334d950" (tempToken)',
  '    ~ foreign key "FK_02972ec913e604184f032935fdc" renamed from "fk_createdBy"',
  '    ~ foreign key "FK_3a98c121b8cad6cb0a4e988e212" renamed from "fk_updatedBy"',
  '~ table "public"."api_key"',
  '    ~ primary key "PK_b1bd840641b8acbaad89c3d8d11" renamed from "PK_96109043dd704f53-9830ab78f0"',
  '~ table "public"."execution"',
  '    ~ primary key "PK_cc6684fedf29ec4c86db8448a2b" renamed from "PK_936a419c3b8044598d72d95da61"',
  '    + index "IDX_4901ef1f2fca418dd717c2dda4" (sessionId)',
  '~ table "public"."feedback"',
  '    ~ primary key "PK_8389f9e087a57689cd5be8b2b13" renamed from "PK_98419043dd704f54-9830ab78f9"',
  '    ~ column "rating": NOT NULL -> NULL',
  // The name message's duplicate index held is freed first, then taken.
  '    ~ index "IDX_2e8d7a6cb1170d8018044f83b5" renamed from "IDX_2e8d7a6cb1170d8018044f83b6"',
  '    ~ unique "UQ_326c785b6f3c1c5c7eb8c2ed136" renamed from "UQ_326c785b6f3c1c5c7eb8c2ed137"',
  '~ table "public"."flow"',
  '    ~ primary key "PK_6c2ad4a3e86394cd9bb7a80a228" renamed from "PK_3c7cea7d047ac4b91764574cdbf"',
  '    ~ column "workspaceId": uuid -> text',
  '    - index "IDX_flow_name"',
  '    - index "idx_flow_workspaceId"',
  '    - foreign key "fk_flow_workspaceId"',
  '~ table "public"."flow_tags"',
  '    ~ primary key "PK_678cb2f25d4498e7648944fad4d" renamed from "flow_tags_pkey"',
  '    ~ index "IDX_80036c620a2d91687543615a2f" renamed from "flow_tags_tag_idx"',
  '    ~ index "IDX_b855a79192067e0f25fcbefecc" renamed from "flow_tags_flow_idx"',
  '    ~ foreign key "FK_80036c620a2d91687543615a2f7" renamed from "flow_tags_tag_fk"',
  '    ~ foreign key "FK_b855a79192067e0f25fcbefecc5" renamed from "flow_tags_flow_fk"',
  '~ table "public"."login_activity"',
  '    + primary key "PK_e1111e34d9a5759ca81646516a9" (id)',
  '~ table "public"."message"',
  '    ~ primary key "PK_ba01f0a3e0123651915008bc578" renamed from "PK_3cc0d85193aade457d3077dd06b"',
  '    ~ column "chatType": default \'INTERNAL\' -> none',
  // A second index on the same column: the entity declares one, which the first one already is.
  '    - index "IDX_2e8d7a6cb1170d8018044f83b5"',
  '    + unique "REL_57b0d5e87908ec0d9137a0dbe6" (executionId)',
  '    + foreign key "FK_57b0d5e87908ec0d9137a0dbe68" (executionId) -> "public"."execution" (id)',
  '~ table "public"."tag"',
  '    ~ primary key "PK_8e4052373c579afc1471f526760" renamed from "tag_pkey"',
  '~ table "public"."ticket"',
  '    ~ primary key "PK_d9a0835407701eb86f874474b7c" renamed from "ticket_pk"',
  '    ~ index "IDX_f495116e06f08befad6333add9" renamed from "ticket_email_live"',
  '    ~ check "CHK_3c6fdcc1fa454b57c0e25c367d" renamed from "ticket_priority_ck"',
  '~ table "public"."workspace"',
  '    ~ primary key "PK_ca86b6f9b3be5fe26d307d09b49" renamed from "PK_98719043dd804f55-9830ab99f8"',
  '    ~ column "name": default none -> \'Personal Workspace\'',
  '    ~ foreign key "FK_5b2361f1fdbf8e5320f112f512a" renamed from "fk_createdBy"',
]

it('generates only the real differences first, applies them, checks clean and reverts to the same catalog', async () => {
  const before = postgresSchemaDump(db)
  const started = Date.now()
  const result = await generateMigration(helpdeskProject(), 'FirstAutogen', 1_800_000_000_000)
  const generateMs = Date.now() - started
  const { up } = result.comparison

  expect(droppedAndRecreated(up)).toEqual([])
  expect(summaryLines(summarizeChanges(up))).toEqual(expectedFirstGenerate)
  // The message index is dropped before the feedback index takes its name.
  const kinds = up.map((op) => op.kind)
  expect(kinds.indexOf('drop_index')).toBeLessThan(kinds.indexOf('rename_index'))
  expect(generateMs).toBeLessThan(20_000)

  expect(await upgrade(helpdeskProject())).toEqual(['FirstAutogen1800000000000'])
  expect((await compareProject(helpdeskProject())).up).toEqual([])
  await downgrade(helpdeskProject())
  expect(postgresSchemaDump(db)).toEqual(before)
})
