import { createSqliteDatabase } from '../support/test-database'
import { describeExpandContract } from './expand-contract-cycle'

describeExpandContract('sqlite', createSqliteDatabase)
