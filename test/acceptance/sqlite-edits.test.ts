import { createSqliteDatabase } from '../support/test-database'
import { describeEditCycle } from './edit-cycle'

describeEditCycle('sqlite', createSqliteDatabase)
