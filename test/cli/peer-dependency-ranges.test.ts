import { readFileSync } from 'node:fs'
import * as path from 'node:path'

// npm refuses to install two packages whose peer ranges for one package do not intersect, even an optional
// peer nobody installs (ERESOLVE). The tool's better-sqlite3 range was ^12.11.1, and TypeORM 0.3.20's is
// ^7.1.2 || ^8.0.0 || ^9.0.0: `npm install typeorm-autogen` failed in Twenty, a PostgreSQL project on 0.3.20.

const semver = require('semver') as { intersects(a: string, b: string): boolean }
const own = (JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { peerDependencies: Record<string, string> }).peerDependencies

// TypeORM's peerDependencies (optional) for better-sqlite3, as npm lists them, for versions the tool supports.
const typeormSqliteRanges: Record<string, string> = {
  '0.3.0': '^7.1.2',
  '0.3.12': '^7.1.2 || ^8.0.0',
  '0.3.20': '^7.1.2 || ^8.0.0 || ^9.0.0',
  '0.3.31': '^8.0.0 || ^9.0.0 || ^10.0.0 || ^11.0.0 || ^12.0.0',
  '1.1.1': '^12.0.0',
}

it.each(Object.entries(typeormSqliteRanges))('the better-sqlite3 peer range meets TypeORM %s\'s (%s), so npm installs the two together', (_version, range) => {
  expect(semver.intersects(own['better-sqlite3']!, range)).toBe(true)
})
