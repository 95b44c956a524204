import { createPostgresDatabase } from '../support/test-database'
import { describeRenames } from './rename-cycle'

describeRenames('postgres', () => createPostgresDatabase('renames'))
