import { createSqliteDatabase } from '../support/test-database'
import { describeRenames } from './rename-cycle'

describeRenames('sqlite', createSqliteDatabase)
