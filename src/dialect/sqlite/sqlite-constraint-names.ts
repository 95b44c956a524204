import { DefaultNamingStrategy } from 'typeorm'

/**
 * Names for constraints SQLite keeps no name for. They are the names TypeORM's default naming strategy
 * gives, so that a constraint written without a name reads back as the entity side names it.
 */
const naming = new DefaultNamingStrategy()

/** primaryKeyName names a primary key constraint (SQLite does not report it; CREATE TABLE still writes one). */
export function primaryKeyName(table: string, columns: readonly string[]): string {
  return naming.primaryKeyName(table, [...columns])
}

/** uniqueName names an unnamed UNIQUE constraint. */
export function uniqueName(table: string, columns: readonly string[]): string {
  return naming.uniqueConstraintName(table, [...columns])
}

/** checkName names an unnamed CHECK constraint from its canonical expression. */
export function checkName(table: string, expression: string): string {
  return naming.checkConstraintName(table, expression)
}

/** foreignKeyName names an unnamed foreign key. */
export function foreignKeyName(table: string, columns: readonly string[], referencedTable: string, referencedColumns: readonly string[]): string {
  return naming.foreignKeyName(table, [...columns], referencedTable, [...referencedColumns])
}

/** temporaryTableName is the name a rebuilt table is created under before it takes its own (as TypeORM does). */
export function temporaryTableName(table: string): string {
  return `temporary_${table}`
}
