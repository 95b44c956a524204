import { createPostgresDatabase } from '../support/test-database'
import { describeEditCycle } from './edit-cycle'

describeEditCycle('postgres', () => createPostgresDatabase('edits'))
