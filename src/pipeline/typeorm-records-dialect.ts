import type { DataSourceOptions } from 'typeorm'
import type { Dialect } from '../dialect/dialect'
import { type StoredRecords, typeormRecordChanges } from '../plan/typeorm-records'

/**
 * keepingTypeormRecords is `dialect` whose compile also keeps TypeORM's `typeorm_metadata` rows of generated
 * columns and views, in the DataSource's metadata table, after the schema changes: then TypeORM's own schema
 * builder (`schema:log`, `migration:generate`, `synchronize`) finds them as it would have made them; `stored`
 * are the rows the database holds (see StoredRecords).
 */
export function keepingTypeormRecords(dialect: Dialect, options: DataSourceOptions, stored?: StoredRecords): Dialect {
  return { ...dialect, compile: (changes) => [...dialect.compile(changes), ...dialect.typeormRecords(typeormRecordChanges(changes, stored), options)] }
}
