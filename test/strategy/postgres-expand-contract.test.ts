import { createPostgresDatabase } from '../support/test-database'
import { describeExpandContract } from './expand-contract-cycle'

describeExpandContract('postgres', () => createPostgresDatabase('expandcontract'))
