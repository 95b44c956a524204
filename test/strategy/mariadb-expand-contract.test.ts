import { createMariaDbDatabase } from '../support/test-database'
import { describeExpandContract } from './expand-contract-cycle'

describeExpandContract('mariadb', () => createMariaDbDatabase('expandcontract'))
