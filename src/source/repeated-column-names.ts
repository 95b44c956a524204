import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import { UserError } from './user-error'

/**
 * refuseRepeatedColumnNames stops on two properties of `table` (as tableLabel names it) mapped to one column name: an embedded class
 * whose prefix repeats a column (`created` + `at` beside `@CreateDateColumn() createdAt`), or two `name`
 * options alike. TypeORM keeps both in its metadata and writes the column twice, which every database refuses,
 * after the statements before it had run where schema changes commit (MySQL). A relation's join column named
 * like a `@Column` of the entity is one column to TypeORM already, and so are the same column of two
 * single-table children.
 */
export function refuseRepeatedColumnNames(table: string, columns: readonly ColumnMetadata[]): void {
  const repeated = columns.find((column, i) => columns.findIndex((other) => other.databaseName === column.databaseName) !== i)
  if (repeated === undefined) return
  const owners = columns.filter((column) => column.databaseName === repeated.databaseName).map((column) => `${column.entityMetadata.targetName}.${column.propertyPath}`)
  throw new UserError(`table ${table} has two columns named "${repeated.databaseName}", of ${owners.join(' and ')}, which the database refuses ` +
    "(TypeORM's synchronize fails there too): give one of them another name (its name option, or another embedded prefix)")
}
