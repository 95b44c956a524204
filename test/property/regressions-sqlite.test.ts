import { regressionsOn } from './regression-cases'

regressionsOn('sqlite')
