import type { ColumnModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'

/**
 * refuseNativeUuidLength stops on a uuid column (`type: 'uuid'`, or `generated: 'uuid'` on a varchar) whose
 * entity writes a length, where TypeORM makes it MariaDB's native uuid: TypeORM itself then refuses the
 * entities when it connects ("does not support length property"), so the migration could never be run by
 * the application nor by `upgrade`. Without a server TypeORM maps it to varchar(36), where a length is fine.
 */
export function refuseNativeUuidLength(tableName: string, column: ColumnModel): void {
  const { declared } = column
  if (declared?.type !== 'uuid' || column.length === undefined || declared.impliedLength === true) return
  throw new UserError(
    `"${tableName}"."${column.name}" is a uuid with length ${column.length}: on MariaDB 10.7+ TypeORM makes it the native uuid type, ` +
      'which takes no length, and refuses the entities when it connects; remove the length from the entity (or use type: \'mysql\' in the DataSource), then run again',
  )
}
