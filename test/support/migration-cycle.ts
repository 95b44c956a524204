import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataSource, type EntitySchema } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { AutogenSettings } from '../../src/source/autogen-settings'
import type { LoadedProject } from '../../src/source/load-config'
import type { Operation } from '../../src/operations/operation'
import type { TestDatabase } from './test-database'

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = (Function | EntitySchema)[]

let clock = 1_700_000_000_000

/** projectFor is a loaded project over a test database with the given entity classes. */
export function projectFor(db: TestDatabase, entities: EntityList, settings: AutogenSettings = {}): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  return {
    dataSource: new DataSource({ ...db.options, entities, migrations: [join(migrationsDir, '*.ts')], logging: false } as never),
    settings,
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(test)',
  }
}

/** Migrated says what one generate + upgrade step wrote. */
export interface Migrated {
  readonly up: readonly Operation[]
  readonly source: string
}

/** migrateTo generates a migration from the database to `entities`, applies it with TypeORM's runner and returns it. */
export async function migrateTo(db: TestDatabase, entities: EntityList, name: string): Promise<Migrated> {
  clock += 1000
  const result = await generateMigration(projectFor(db, entities), name, clock)
  if (!result.file) throw new Error(`migrateTo ${name}: no changes were found`)
  const applied = await upgrade(projectFor(db, entities))
  expect(applied).toEqual([`${name}${clock}`])
  return { up: result.comparison.up, source: readFileSync(result.file, 'utf8') }
}

/** synchronizeWithTypeorm builds the entities' schema as TypeORM's own `synchronize: true` does. */
export async function synchronizeWithTypeorm(db: TestDatabase, entities: EntityList): Promise<void> {
  const dataSource = new DataSource({ ...db.options, entities, synchronize: true, logging: false } as never)
  await dataSource.initialize()
  await dataSource.destroy()
}

/** typeormProposes is what TypeORM's own schema builder would run to bring the database to `entities` (none when it finds it as it would make it). */
export async function typeormProposes(db: Pick<TestDatabase, 'options'>, entities: EntityList): Promise<string[]> {
  const dataSource = new DataSource({ ...db.options, entities, logging: false } as never)
  await dataSource.initialize()
  try {
    return (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query)
  } finally {
    await dataSource.destroy()
  }
}

/** pendingChanges is what the entities still differ in from the database (empty when in sync). */
export async function pendingChanges(db: TestDatabase, entities: EntityList): Promise<readonly Operation[]> {
  return (await compareProject(projectFor(db, entities))).up
}

/** revertLast reverts the last migration with TypeORM's runner. */
export async function revertLast(db: TestDatabase, entities: EntityList): Promise<void> {
  await downgrade(projectFor(db, entities))
}

/**
 * dropAndRestore brings a new database to `before`, runs `byHand` on it (objects no entity declares), migrates
 * to `after`, which drops tables, reverts, finds `before` again and returns the migration; the database is
 * dropped after.
 */
export async function dropAndRestore(
  createDatabase: () => Promise<TestDatabase>,
  before: EntityList,
  after: EntityList,
  byHand: readonly string[],
  afterRevert: (db: TestDatabase) => Promise<void>,
): Promise<Migrated> {
  const db = await createDatabase()
  try {
    await migrateTo(db, before, 'Init')
    for (const sql of byHand) await db.query(sql)
    const migrated = await migrateTo(db, after, 'DropTables')
    await revertLast(db, after)
    expect(await pendingChanges(db, before)).toEqual([])
    await afterRevert(db)
    return migrated
  } finally {
    await db.drop()
  }
}

/** CycleResult is a migrated step plus the rows as they were while it was applied. */
export interface CycleResult extends Migrated {
  readonly rowsAfter: readonly unknown[]
}

/**
 * expectCleanCycle checks the whole loop for one edit: from a database matching `before` (holding rows that
 * `seed` inserted), generate and apply the migration to `after`, find no further changes, check the rows,
 * revert, find the `before` schema again and the rows unchanged.
 */
export async function expectCleanCycle(
  db: TestDatabase,
  before: EntityList,
  after: EntityList,
  name: string,
  rowsQuery: string,
): Promise<CycleResult> {
  const rowsBefore = await db.query(rowsQuery)
  const migrated = await migrateTo(db, after, name)
  expect(await pendingChanges(db, after)).toEqual([])
  const rowsAfter = await db.query(rowsQuery)
  await revertLast(db, after)
  expect(await pendingChanges(db, before)).toEqual([])
  expect(await db.query(rowsQuery)).toEqual(rowsBefore)
  return { ...migrated, rowsAfter }
}

/**
 * migratedDatabase registers, in the describe block that calls it, a database made by `createDatabase` and
 * brought to `entities` by a migration `Init`, then given the rows `seed` inserts; dropped after the block.
 * Returns how to reach it from the tests.
 */
export function migratedDatabase(createDatabase: () => Promise<TestDatabase>, entities: EntityList, seed: string): () => TestDatabase {
  let db: TestDatabase | undefined
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, entities, 'Init')
    await db.query(seed)
  })
  afterAll(async () => db?.drop())
  return () => db!
}
