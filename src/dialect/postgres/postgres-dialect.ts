import type { DataSourceOptions } from 'typeorm'
import type { SchemaModel } from '../../model/schema-model'
import type { Dialect } from '../dialect'
import { compilePostgres } from './postgres-compiler'
import { connectPostgres } from './postgres-connection'
import { introspectPostgres } from './postgres-introspector'
import { quoteIdent } from './postgres-names'
import { normalizePostgres, settingsFrom } from './postgres-normalize'
import { measurePostgres } from './postgres-probes'
import { reconcilePostgres } from './postgres-reconcile'
import { classifyPostgresTypeChange } from './postgres-type-change'

/**
 * PostgresDialect is the Dialect for TypeORM `type: 'postgres'`. Its `normalize` takes the DataSource's
 * options as an optional second argument: they decide the default schema and which function generated
 * uuid columns default to (`uuidExtension`). Without them: `public` and `uuid_generate_v4()`, TypeORM's
 * own defaults.
 */
export interface PostgresDialect extends Dialect {
  normalize(model: SchemaModel, options?: DataSourceOptions): SchemaModel
}

/** postgresDialect serves TypeORM's `postgres` DataSources. */
export const postgresDialect: PostgresDialect = {
  name: 'postgres',
  capabilities: {
    schemas: true,
    enumTypes: true,
    extensions: true,
    transactionalDdl: true,
    concurrentIndexes: true,
    notValidConstraints: true,
  },
  quoteIdent,
  connect: connectPostgres,
  introspect: introspectPostgres,
  normalize: (model, options) => normalizePostgres(model, settingsFrom(options)),
  reconcile: reconcilePostgres,
  compile: compilePostgres,
  classifyTypeChange: classifyPostgresTypeChange,
  measure: measurePostgres,
}
