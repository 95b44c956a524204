import { column, schema, table } from '../../support/model-builders'
import { mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'

export { table as myTable, schema as mySchema }

/** col builds a NOT NULL column of a MySQL type (`int` unless told), overridable. */
export const col: typeof column = (name, type = 'int', extra = {}) => column(name, type, extra)

export const mariadb1011 = mysqlServerOf('10.11.6-MariaDB-0+deb12u1', 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO')
export const mysql8 = mysqlServerOf('8.0.36', 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE')
export const mysql8Loose = mysqlServerOf('8.0.36', 'NO_ENGINE_SUBSTITUTION')
