import { createMariaDbDatabase } from '../support/test-database'
import { describeEditCycle } from './edit-cycle'

describeEditCycle('mariadb', () => createMariaDbDatabase('edits'))
