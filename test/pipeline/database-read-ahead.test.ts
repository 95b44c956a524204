import { runBuiltCli } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// readProject starts reading the database before the entities load; what the user is told, and in which order,
// stays as if it read them one after the other: an entity error first, then the database's.

let project: TempProject
afterEach(() => project.remove())

const config = `const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'postgres', host: '127.0.0.1', port: 1, username: 'postgres', database: 'nowhere', entities: [__dirname + '/entities/*.js'] })
`
const entity = `const { EntitySchema } = require('typeorm')
module.exports = new EntitySchema({ name: 'thing', columns: { id: { type: Number, primary: true, generated: true } } })
`

test('an entity that fails to load is reported, not the database the run could not reach meanwhile', () => {
  project = tempProject({ 'ormconfig.js': config, 'entities/thing.js': "throw new Error('thing.js is broken')\n" })
  const run = runBuiltCli(project.dir, ['check', '-c', 'ormconfig.js'])
  expect(run.stderr).toContain('thing.js is broken')
  expect(run.stderr).not.toContain('cannot connect')
  expect(run.code).toBe(2)
})

test('with entities that load, the database that cannot be reached is reported', () => {
  project = tempProject({ 'ormconfig.js': config, 'entities/thing.js': entity })
  const run = runBuiltCli(project.dir, ['check', '-c', 'ormconfig.js'])
  expect(run.stderr).toContain('postgres: cannot connect to')
  expect(run.stderr).not.toContain('Unhandled')
  expect(run.code).not.toBe(0)
})
