import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { DataSource } from 'typeorm'
import type { AnyRenameHint } from '../../src/diff/rename-types'
import type { SchemaModel } from '../../src/model/schema-model'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { RenamesUnresolvedError } from '../../src/pipeline/renames-unresolved-error'
import { dialectFor } from '../../src/dialect/dialect-for'
import { migrationScriptText } from '../../src/render/migration-script-text'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { downgradeScript, upgradeScript } from '../../src/runner/migration-script'
import type { DowngradeTarget } from '../../src/runner/run-plan'
import type { LoadedProject } from '../../src/source/load-config'
import { runScript } from '../support/run-script'
import type { TestDatabase } from '../support/test-database'
import { defaultOf, entitySchemas } from './entity-schemas'
import { type ColumnSpec, type FuzzCase, type SchemaSpec, breaksRows, otherSchema, tableById } from './schema-spec'
import { type Junctions, junctionInsertSql, junctionsOf, readJunctionRows } from './junction-rows'
import { insertSql, keptRows, type Rows, readRows } from './seed-rows'

let caseCount = 0

/**
 * runRoundTrip runs one case on an empty database: create A with the tool's own migration and fill it, generate
 * and apply A -> B (renames stated as `--rename` states them), expect no further diff, every kept value
 * unchanged and each column B adds with a constant default holding it in A's rows, apply `down`, and expect
 * A's catalog (introspected model and every object name) and rows back.
 */
export async function runRoundTrip(db: TestDatabase, fuzz: FuzzCase): Promise<void> {
  // Each case's migrations get new names: the module loader caches a migration file by its path.
  const timestamp = 1_700_000_000_000 + ++caseCount * 10_000
  rmSync(join(db.dir, 'migrations'), { recursive: true, force: true })
  const a = () => projectOf(db, fuzz, fuzz.a)
  const b = () => projectOf(db, fuzz, fuzz.b, tableRenames(fuzz.a, fuzz.b))
  const [junctionsA, junctionsB] = [await junctionsOf(a().dataSource), await junctionsOf(b().dataSource)]
  await step('create A', async () => {
    await generateMigration(a(), 'CreateA', timestamp)
    await upgrade(a())
  })
  await step('insert rows', async () => {
    for (const sql of [...insertSql(fuzz.a, fuzz.b, fuzz.dialect), ...junctionInsertSql(fuzz.a, junctionsA)]) await db.query(sql)
  })
  const before = await catalogOf(db, a())
  expectEqual('A is in sync after its own migration', before.pending, [])
  const rows = await readRows(db, fuzz.a)
  const links = await readJunctionRows(db, fuzz.a, fuzz.b, junctionsA)

  const generated = await step('generate A -> B', () => generateAToB(b(), timestamp + 1, fuzz, junctionsA))
  if (generated.file === undefined) {
    expectEqual('A and B with no changes have the same rows', await readRows(db, fuzz.a), rows)
    return
  }
  if (breaksRows(fuzz.b)) {
    // A's rows hold NULLs in a column B makes NOT NULL: the migration fails, and leaves A's catalog and rows.
    await expectFailure('apply A -> B over NULLs', () => upgrade(b()), /null/i)
    const after = await catalogOf(db, a())
    // TypeORM's runner creates the extensions B's generated uuids need as it connects, before any migration runs.
    expectEqual("A's catalog is unchanged", { ...after.catalog, extensions: before.catalog.extensions }, before.catalog)
    expectEqual("A's names are unchanged", after.names, before.names)
    expectEqual("A's rows are unchanged", await readRows(db, fuzz.a), rows)
    return
  }
  // A third of the cases, those of 2, 5, ... edits (not the regression cases, of none), go both ways through the offline scripts
  // (`upgrade --sql`, `downgrade --sql`) run by the database's own client, as a DBA runs them.
  const offline = fuzz.edits.length % 3 === 2
  await step(offline ? 'apply A -> B by its upgrade --sql script' : 'apply A -> B', async () => { await (offline ? runUpgradeScript(db, b()) : upgrade(b())) })
  expectEqual('the next diff is empty', (await catalogOf(db, b())).pending, [])
  const rowsB = await readRows(db, fuzz.b)
  expectEqual('kept values survive', keptRows(rowsB, fuzz.b, fuzz.a), keptRows(rows, fuzz.a, fuzz.b))
  expectEqual('kept junction rows survive', await readJunctionRows(db, fuzz.b, fuzz.a, junctionsB), links)
  const defaults = addedDefaults(rowsB, fuzz.a, fuzz.b)
  expectEqual('added columns hold their declared defaults', defaults.held, defaults.declared)

  const toA = { to: `CreateA${timestamp}` }
  await step(offline ? 'apply down by its downgrade --sql script' : 'apply down', async () => { await (offline ? runDowngradeScript(db, b(), toA) : downgrade(b(), toA)) })
  const after = await catalogOf(db, a())
  expectEqual("A's catalog is back", after.catalog, before.catalog)
  expectEqual("A's names are back", after.names, before.names)
  expectEqual("TypeORM's records of A are back", after.records, before.records)
  expectEqual("A's kept rows are back", keptRows(await readRows(db, fuzz.a), fuzz.a, fuzz.b), keptRows(rows, fuzz.a, fuzz.b))
  expectEqual("A's kept junction rows are back", await readJunctionRows(db, fuzz.a, fuzz.b, junctionsA), links)
}

async function runUpgradeScript(db: TestDatabase, project: LoadedProject): Promise<void> {
  runScript(db, migrationScriptText(await upgradeScript(project, {}), dialectFor(project.dataSource.options).migrationScript))
}

async function runDowngradeScript(db: TestDatabase, project: LoadedProject, target: DowngradeTarget): Promise<void> {
  runScript(db, migrationScriptText(await downgradeScript(project, target), dialectFor(project.dataSource.options).migrationScript))
}

/**
 * addedDefaults lists, for each column B adds to a table of A with a constant default, the values A's rows
 * hold in it (`held`, read back as numbers, booleans or text by kind) beside the default the entity declares
 * (`declared`), one per row: a default the migration wrote other than declared (TypeORM's MySQL driver
 * rounded a double's 1.5 to 2) shows here, where the next diff, comparing the same spelling on both sides,
 * sees nothing.
 */
function addedDefaults(rows: Rows, a: SchemaSpec, b: SchemaSpec): { held: unknown[]; declared: unknown[] } {
  const held: unknown[] = []
  const declared: unknown[] = []
  for (const table of b.tables) {
    const before = tableById(a, table.id)
    if (before === undefined) continue
    for (const column of table.columns) {
      if (column.defaultVariant === undefined || before.columns.some((c) => c.id === column.id)) continue
      const value = defaultOf(column, column.defaultVariant)
      if (typeof value === 'function' || typeof value === 'object' || ['timestamp', 'timestamptz', 'set', 'date'].includes(column.kind)) continue
      for (const row of rows.get(table.id) ?? []) {
        held.push([table.name, column.name, valueOf(column, row[`c${column.id}`] ?? null)])
        declared.push([table.name, column.name, valueOf(column, value)])
      }
    }
  }
  return { held, declared }
}

/** valueOf reads a value as its kind compares: numbers by value, booleans as true or false, the rest as text. */
function valueOf(column: ColumnSpec, value: unknown): unknown {
  if (value === null) return null
  if (['int', 'bigint', 'numeric', 'double', 'decimal'].includes(column.kind)) return Number(value)
  if (column.kind === 'char') return String(value).trimEnd()
  if (['intArray', 'textArray', 'json'].includes(column.kind)) { try { return JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value) } catch { return String(value) } }
  if (column.kind === 'boolean') return value === true || value === 'true' || value === '1' || value === 't'
  return String(value)
}

/**
 * generateAToB generates A -> B as a user would, online for some cases: renames stated (tables by `@RenamedFrom`, which carries their
 * junction tables along, and by `--rename`), without --accept-data-loss. Only when generate stops on a
 * suspected rename of a table or column the case drops and adds is it run again with --accept-data-loss; the
 * junction of a ManyToMany B keeps among the suspects means a stated rename did not carry it.
 */
async function generateAToB(project: LoadedProject, timestamp: number, fuzz: FuzzCase, junctionsA: Junctions) {
  const renames = renameHints(fuzz.a, fuzz.b)
  // Half the cases on PostgreSQL, those of an odd number of edits, are written online (generate --online); not one
  // whose migration must fail and change nothing (breaksRows): an online migration keeps what ran before a failure.
  const online = fuzz.dialect === 'postgres' && fuzz.edits.length % 2 === 1 && !breaksRows(fuzz.b)
  try {
    return await generateMigration(project, 'AToB', timestamp, { renames, online })
  } catch (err) {
    if (!(err instanceof RenamesUnresolvedError)) throw err
    const kept = new Set(fuzz.b.tables.flatMap((t) => t.manyToMany.map((m) => m.id)))
    const junctions = new Set([...junctionsA].filter(([id]) => kept.has(id)).map(([, j]) => j.table))
    const stranded = err.renames.filter((r) => junctions.has(r.kind === 'table' ? r.from : r.table.name))
    if (stranded.length > 0) throw new Error(`a junction did not follow its stated rename: ${err.message}`)
    return generateMigration(project, 'AToB', timestamp, { renames, acceptDataLoss: true, online })
  }
}

/** tableRenames maps the id of each table B renames to its name in A. */
function tableRenames(a: SchemaSpec, b: SchemaSpec): Map<number, string> {
  return new Map(a.tables.flatMap((t) => {
    const after = b.tables.find((x) => x.id === t.id)
    if (after === undefined || (after.name === t.name && after.schema === t.schema)) return []
    // A move to another schema is stated with both schemas (`@RenamedFrom('public.client')`).
    return [[t.id, after.schema === t.schema ? t.name : `${t.schema ?? 'public'}.${t.name}`] as const]
  }))
}

/** renameHints states B's renames of A's tables, columns and enum labels, as `--rename` flags would. */
export function renameHints(a: SchemaSpec, b: SchemaSpec): AnyRenameHint[] {
  const hints: AnyRenameHint[] = []
  for (const before of a.tables) {
    const after = b.tables.find((t) => t.id === before.id)
    if (after === undefined) continue
    if (after.name !== before.name && after.schema === before.schema) hints.push({ kind: 'table', table: { name: before.name }, from: before.name, to: after.name, origin: `--rename ${before.name}=${after.name}` })
    const pairs = [
      ...before.columns.map((c) => [c.name, after.columns.find((x) => x.id === c.id)?.name] as const),
      ...before.relations.map((r) => [r.columnName, after.relations.find((x) => x.id === r.id)?.columnName] as const),
    ]
    for (const [from, to] of pairs) {
      if (to !== undefined && to !== from) hints.push({ kind: 'column', table: { name: after.name }, from, to, origin: `--rename ${after.name}.${from}=${to}` })
    }
    for (const column of after.columns) {
      const held = before.columns.find((c) => c.id === column.id)
      // A label rename holds while both columns are enums with the old label in A and the new one in B alone.
      const holds = ([from, to]: readonly [string, string]) =>
        held !== undefined && ['enum', 'enumArray'].includes(held.kind) && held.kind === column.kind && held.labels!.includes(from) && !held.labels!.includes(to) && column.labels!.includes(to) && !column.labels!.includes(from)
      for (const [from, to] of (column.renamedLabels ?? []).filter(holds)) {
        hints.push({ kind: 'label', table: { name: after.name }, column: column.name, from, to, origin: `--rename ${after.name}.${column.name}:${from}=${to}` })
      }
    }
  }
  return hints
}

function projectOf(db: TestDatabase, fuzz: FuzzCase, schema: SchemaSpec, renamedFrom?: ReadonlyMap<number, string>): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  return {
    dataSource: new DataSource({ ...db.options, entities: entitySchemas(schema, fuzz.dialect, renamedFrom), migrations: [join(migrationsDir, '*.ts')], logging: false } as never),
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(fuzz)',
  }
}

/** Catalog is what `down` must give back exactly: the introspected model, the names of every object and TypeORM's records of views and generated columns. */
interface Catalog { readonly catalog: SchemaModel; readonly names: unknown; readonly records: unknown; readonly pending: readonly unknown[] }

export async function catalogOf(db: TestDatabase, project: LoadedProject): Promise<Catalog> {
  const comparison = await compareProject(project)
  // Columns re-added by `down` come last on PostgreSQL (added at the end, as it must): their position is compared
  // on MariaDB and SQLite, where `down` puts each back where it stood.
  const catalog = db.label !== 'postgres' ? comparison.actual : {
    ...comparison.actual,
    tables: comparison.actual.tables.map((t) => ({ ...t, columns: [...t.columns].sort((x, y) => (x.name < y.name ? -1 : 1)) })),
  }
  return { catalog, names: await objectNames(db), records: await typeormRecords(db), pending: comparison.up }
}

/** typeormRecords lists the rows of TypeORM's typeorm_metadata table, none where it has none. */
async function typeormRecords(db: TestDatabase): Promise<unknown> {
  try {
    return await db.query('SELECT "type", "table", "name", "value" FROM "typeorm_metadata" ORDER BY 1, 2, 3, 4')
  } catch {
    return []
  }
}

/**
 * objectNames lists every named object the database holds, constraints included (SQLite's primary key names too),
 * but TypeORM's typeorm_metadata table: like its migrations table, a migration creates it where it is missing (for
 * a view or a generated column) and no `down` drops it.
 */
async function objectNames(db: TestDatabase): Promise<unknown> {
  if (db.label === 'mariadb') {
    const here = "table_schema = DATABASE() AND table_name <> 'typeorm_metadata'"
    return {
      tables: await db.query(`SELECT table_name, table_type FROM information_schema.tables WHERE ${here} ORDER BY 1`),
      constraints: await db.query(`SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints WHERE ${here} ORDER BY 1, 2, 3`),
      indexes: await db.query(`SELECT DISTINCT table_name, index_name FROM information_schema.statistics WHERE ${here} ORDER BY 1, 2`),
    }
  }
  if (db.label === 'postgres') {
    const ours = `('public', '${otherSchema}')`
    return {
      relations: await db.query(`SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ${ours} AND c.relname <> 'typeorm_metadata' ORDER BY 1, 2, 3`),
      constraints: await db.query(`SELECT conrelid::regclass::text AS "table", conname, contype FROM pg_constraint JOIN pg_namespace n ON n.oid = connamespace WHERE n.nspname IN ${ours} ORDER BY 1, 2`),
      types: await db.query(`SELECT n.nspname, typname FROM pg_type JOIN pg_namespace n ON n.oid = typnamespace WHERE n.nspname IN ${ours} AND typtype = 'e' ORDER BY 1, 2`),
      schemas: await db.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ${ours} ORDER BY 1`),
    }
  }
  const objects = await db.query<{ type: string; name: string; tbl_name: string; sql: string | null }>(
    `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'typeorm_metadata' ORDER BY name`,
  )
  return objects.map((o) => ({
    type: o.type, name: o.name, table: o.tbl_name,
    constraints: [...(o.sql ?? '').matchAll(/CONSTRAINT\s+("(?:[^"]|"")*"|\S+)/g)].map((m) => m[1]).sort(),
  }))
}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  try {
    expect(actual).toEqual(expected)
  } catch (err) {
    throw new Error(`${what}:\n${(err as Error).message}`)
  }
}

/** expectFailure expects `run` to fail with a message that `reason` matches. */
async function expectFailure(what: string, run: () => Promise<unknown>, reason: RegExp): Promise<void> {
  const message = await run().then(() => undefined, (err: unknown) => String((err as Error).message ?? err))
  if (message === undefined) throw new Error(`${what} succeeded`)
  if (!reason.test(message)) throw new Error(`${what} failed, but not for ${reason}: ${message}`)
}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw new Error(`${what} failed: ${(err as Error).message}`)
  }
}
