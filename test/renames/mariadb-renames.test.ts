import { createMariaDbDatabase } from '../support/test-database'
import { describeRenames } from './rename-cycle'

describeRenames('mariadb', () => createMariaDbDatabase('renames'))
