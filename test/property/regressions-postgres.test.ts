import { regressionsOn } from './regression-cases'

regressionsOn('postgres')
