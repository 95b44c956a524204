import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { hazardCodes, hazardSeverity } from '../../src/hazards/hazard'
import { warningCodes } from '../../src/hazards/warning'

// Hazard and warning codes are a public contract: each has its row in the README, hazards with their severity.

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8').split('\n')
const rowOf = (code: string) => readme.filter((line) => line.startsWith(`| \`${code}\` |`))

it('documents every hazard code with its severity, and every warning code, once', () => {
  for (const code of hazardCodes) {
    expect({ code, rows: rowOf(code).map((line) => line.split(' | ')[1]) }).toEqual({ code, rows: [hazardSeverity[code]] })
  }
  for (const code of warningCodes) expect({ code, rows: rowOf(code).length }).toEqual({ code, rows: 1 })
})
