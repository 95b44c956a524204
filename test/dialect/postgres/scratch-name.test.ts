import { firstSchemaOnPath, scratchName } from '../../../src/dialect/postgres/postgres-scratch-database'

// A scratch database is named after the target one, within PostgreSQL's 63 bytes (longer names are cut).

it('is the target name, _autogen_ and 8 hex digits', () => {
  expect(scratchName('app')).toMatch(/^app_autogen_[0-9a-f]{8}$/)
})

it('shortens a long target name, by whole characters, to keep the name within 63 bytes', () => {
  const name = scratchName('é'.repeat(40))
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63)
  expect(name).toMatch(/^(é){23}_autogen_[0-9a-f]{8}$/)
})

// A search_path as the server prints it: the schema TypeORM puts tables in where it exists.
it('firstSchemaOnPath reads the first schema of a search_path, "$user" aside, unquoted', () => {
  expect(firstSchemaOnPath('app, public')).toBe('app')
  expect(firstSchemaOnPath('"$user", public')).toBe('public')
  expect(firstSchemaOnPath('"$user",  "My ""App""" ,public')).toBe('My "App"')
  expect(firstSchemaOnPath('sales')).toBe('sales')
  expect(firstSchemaOnPath('')).toBeUndefined()
})
