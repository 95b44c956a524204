import type { QueryRunner } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'

/**
 * createMigrationsTableSchema creates the schema TypeORM's migrations table lives in (the DataSource's
 * `schema`) where the database lacks it. TypeORM creates that table before it runs the first migration, the
 * one that creates the schema, and failed there: `schema "app" does not exist`. `reader` answers whether it
 * exists (an offline script records `runner`'s statements, not the question).
 */
export async function createMigrationsTableSchema(runner: QueryRunner, reader: QueryRunner = runner): Promise<void> {
  const options = runner.connection.options
  const schema = (options as { readonly schema?: string }).schema
  if (schema === undefined || schema === '' || !dialectFor(options).capabilities.schemas) return
  if (await reader.hasSchema(schema)) return
  await runner.createSchema(schema, true)
}
