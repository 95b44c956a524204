import { copyFileSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { Operation } from '../../src/operations/operation'
import type { LoadedProject } from '../../src/source/load-config'
import type { EntityList } from '../support/migration-cycle'
import { nameOnlyChurn } from '../support/name-only-churn'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { sqliteCatalog } from '../support/sqlite-catalog'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Issue 8, "Done when": a project whose migrations come from elsewhere. Jellyseerr (MIT) keeps 40 SQLite and
// 4 PostgreSQL migrations of its own, written by TypeORM's migration:generate over five years and edited by
// hand (see real-projects/jellyseerr/README.md). Its migrations run with TypeORM's runner, then the tool's
// first generate must hold only real differences, apply, leave `check` clean and revert to the same catalog.

const projectDir = join(__dirname, 'real-projects', 'jellyseerr')

/** The project picks column types by `DB_TYPE` when its entity modules load (utils/DbColumnHelper.ts). */
function entitiesFor(dialect: 'sqlite' | 'postgres'): EntityList {
  let entities: EntityList = []
  jest.isolateModules(() => {
    process.env.DB_TYPE = dialect
    entities = (require('./real-projects/jellyseerr/entities') as { jellyseerrEntities: EntityList }).jellyseerrEntities
  })
  delete process.env.DB_TYPE
  return entities
}

/** adoptedProject is the project's DataSource over `db`, its own migrations copied into the migrations folder. */
function adoptedProject(db: TestDatabase, dialect: 'sqlite' | 'postgres', entities: EntityList): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  mkdirSync(migrationsDir, { recursive: true })
  const own = join(projectDir, 'migration', dialect)
  for (const file of readdirSync(own)) copyFileSync(join(own, file), join(migrationsDir, file))
  symlinkSync(join(__dirname, '..', '..', 'node_modules'), join(db.dir, 'node_modules'), 'dir') // one imports typeorm
  return {
    dataSource: new DataSource({ ...db.options, entities, migrations: [join(migrationsDir, '*.ts')], logging: false } as never),
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(jellyseerr)',
  }
}

async function runOwnMigrations(project: LoadedProject): Promise<string[]> {
  return upgrade(project)
}

describe('Jellyseerr on SQLite: its 40 migrations, then our first generate', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createSqliteDatabase() })
  afterAll(async () => db.drop())

  it('finds only the real differences, applies them, checks clean and reverts to the same catalog', async () => {
    const entities = entitiesFor('sqlite')
    const project = adoptedProject(db, 'sqlite', entities)
    expect(await runOwnMigrations(project)).toHaveLength(40)
    const before = await sqliteCatalog(db)

    const result = await generateMigration(project, 'AdoptAutogen', 1_750_000_000_000)
    const up = result.comparison.up
    expect(nameOnlyChurn(up)).toEqual([])
    // Each is real: the migrations that made these tables disagree with the entities (see the README).
    expect(up.map(summary)).toEqual([
      // AddBlacklist made UNIQUE ("tmdbId", "userId") and named it as TypeORM names @Unique(['tmdbId']).
      'drop_unique blacklist UQ_6bbafa28411e6046421991ea21c (tmdbId, userId)',
      // No migration gives mediaAddedAt its DEFAULT CURRENT_TIMESTAMP.
      'alter_column media.mediaAddedAt default CURRENT_TIMESTAMP',
      // The @OneToOne's unique and the @Unique(['tmdbId']) that AddBlacklist did not create.
      'add_unique blacklist REL_62b7ade94540f9f8d8bede54b9 (mediaId)',
      'add_unique blacklist UQ_6bbafa28411e6046421991ea21c (tmdbId)',
      // AddBlacklist and AddWatchlists created their relation columns without foreign keys.
      'add_foreign_key blacklist FK_53c1ab62c3e5875bc3ac474823e (userId) -> user',
      'add_foreign_key blacklist FK_62b7ade94540f9f8d8bede54b99 (mediaId) -> media',
      'add_foreign_key watchlist FK_6641da8d831b93dfcb429f8b8bc (mediaId) -> media',
      'add_foreign_key watchlist FK_ae34e6b153a90672eb9dc4857d7 (requestedById) -> user',
    ])
    expect(result.file).toBeDefined()

    expect(await upgrade(project)).toEqual(['AdoptAutogen1750000000000'])
    expect(await sqliteCatalog(db)).not.toEqual(before)
    const check = await compareProject(project)
    expect(check.up).toEqual([])
    expect(check.hazards).toEqual([])

    expect(await downgrade(project)).toEqual(['AdoptAutogen1750000000000'])
    // Not sqlite_master's text: the rebuilt tables are spelled as this tool writes them (`DEFAULT 1` for the
    // migrations' `DEFAULT (1)`, one space after each comma, no trailing space after CREATE INDEX).
    expect(await sqliteCatalog(db)).toEqual(before)
  })
})

describe('Jellyseerr on PostgreSQL: its 4 migrations, then our first generate', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createPostgresDatabase('jellyseerr') })
  afterAll(async () => db.drop())

  it('finds no difference at all, writes nothing and leaves the catalog as it was', async () => {
    const project = adoptedProject(db, 'postgres', entitiesFor('postgres'))
    expect(await runOwnMigrations(project)).toHaveLength(4)
    const before = postgresSchemaDump(db)

    const result = await generateMigration(project, 'AdoptAutogen', 1_750_000_000_000)
    expect(result.comparison.up).toEqual([])
    expect(result.comparison.hazards).toEqual([])
    expect(result.written).toEqual([])
    expect(postgresSchemaDump(db)).toBe(before)
  })
})

/** summary is one operation as a line a reader can check against the migrations. */
function summary(op: Operation): string {
  switch (op.kind) {
    case 'drop_unique':
    case 'add_unique':
      return `${op.kind} ${op.table.name} ${op.unique.name} (${op.unique.columns.join(', ')})`
    case 'add_foreign_key':
      return `${op.kind} ${op.table.name} ${op.foreignKey.name} (${op.foreignKey.columns.join(', ')}) -> ${op.foreignKey.referencedTable}`
    case 'alter_column':
      return `${op.kind} ${op.table.name}.${op.to.name} default ${op.to.defaultSql ?? 'none'}`
    default:
      return `${op.kind} ${JSON.stringify(op)}`
  }
}
