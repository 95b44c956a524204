import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { type DataSource, DataTypeNotSupportedError, type MigrationInterface, NoConnectionOptionError, TypeORMError } from 'typeorm'
import { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { withDistinctEntitySchemas } from './distinct-entity-schemas'
import { failingFile, withLoadFailuresNamed } from './file-load-failure'
import { mixedListItems } from './mixed-list'
import { withIndexedMetadataArgs } from './indexed-metadata-args'
import { withSingleTableChildrenScan } from './single-table-children-scan'
import { withSynchronousRequires } from './synchronous-requires'
import { UserError, messageOf } from './user-error'

/**
 * buildEntityMetadata has TypeORM build and validate its entity metadata without connecting (it also loads
 * the entity and migration files its globs name). An initialized DataSource already has it.
 */
export async function buildEntityMetadata(dataSource: DataSource): Promise<readonly EntityMetadata[]> {
  if (!dataSource.isInitialized) {
    const builder = dataSource as unknown as { buildMetadatas(): Promise<void> }
    await connectionsTurnOfTheEventLoop()
    try {
      await withSynchronousRequires(() => withLoadFailuresNamed(dataSource, () => withIndexedMetadataArgs(() => withSingleTableChildrenScan(() => withDistinctEntitySchemas(() => builder.buildMetadatas())))))
    } catch (err) {
      // A file that failed to load is named already (see withLoadFailuresNamed), a syntax error with its line and column.
      if (err instanceof UserError) throw err
      throw new UserError(`TypeORM cannot build the entity metadata: ${messageOf(err).replace(/\.$/, '')}${whereThrown(err)}; ${whatToDo(err)}`, { cause: err })
    }
  }
  return dataSource.entityMetadatas
}

/**
 * connectionsTurnOfTheEventLoop waits as TypeORM's initialize() waits for the driver to connect before it builds
 * the metadata: what the config's modules deferred by then (a decorator applied in a setImmediate or a
 * setTimeout, as Medusa's feature-flag columns are) is in the entities the app runs with.
 */
async function connectionsTurnOfTheEventLoop(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  await new Promise((resolve) => setImmediate(resolve))
}

/**
 * whereThrown names the project file an error of the project's code was thrown in, where its stack tells (a
 * migration's helper TypeORM constructs); TypeORM's own errors say what is wrong already.
 */
function whereThrown(err: unknown): string {
  const file = err instanceof TypeORMError ? undefined : failingFile(err)
  return file === undefined || !existsSync(file) ? '' : ` (in ${path.relative(process.cwd(), file) || file})`
}

/**
 * whatToDo ends the line of an entity TypeORM rejects. A column typed `Object` is one whose property type the
 * decorator metadata cannot name (`string | null` under strictNullChecks, an object type): its `type` is missing.
 * A connection option TypeORM needs to place the tables (MySQL's `database`) is the config's, no entity's.
 */
function whatToDo(err: unknown): string {
  if (err instanceof DataTypeNotSupportedError && err.message.startsWith('Data type "Object"')) {
    return "its property's type is a union with null or undefined (under strictNullChecks) or an object, which decorator metadata writes as Object: give the column an explicit type, as @Column({ type: 'varchar', nullable: true })"
  }
  if (err instanceof NoConnectionOptionError) {
    return "set that option of the DataSource (where the config reads it from process.env, set the variable or load the .env file in the config, as import 'dotenv/config')"
  }
  return 'fix the entity or file it names'
}

/**
 * buildMigrations has TypeORM load the migrations the DataSource lists (its globs and classes, wherever they
 * are) without connecting and without the entities: `create` must know them to stay newer than each. An
 * initialized DataSource, or one whose metadata is built, has them already.
 */
export async function buildMigrations(dataSource: DataSource): Promise<readonly MigrationInterface[]> {
  if (dataSource.isInitialized || dataSource.migrations.length > 0) return dataSource.migrations
  const builder = new ConnectionMetadataBuilder(dataSource)
  const listed = [...mixedListItems(dataSource.options.migrations)]
  return withSynchronousRequires(() => withLoadFailuresNamed(dataSource, () => builder.buildMigrations(listed)))
}
