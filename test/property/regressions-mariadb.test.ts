import { regressionsOn } from './regression-cases'

regressionsOn('mariadb')
