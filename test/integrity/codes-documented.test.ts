import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { folderIntegrityCodes } from '../../src/pipeline/folder-integrity'

// The codes of check's folder findings are a public contract, as hazard and warning codes are: each has its row.

it('documents every folder integrity code once, in the autogen.sum section', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
  const section = readme.slice(readme.indexOf("## The migrations folder's `autogen.sum`"), readme.indexOf('## Reliability'))
  for (const code of folderIntegrityCodes) {
    expect({ code, rows: readme.split('\n').filter((line) => line.startsWith(`| \`${code}\` |`)).length }).toEqual({ code, rows: 1 })
    expect(section).toContain(`| \`${code}\` |`)
  }
})
