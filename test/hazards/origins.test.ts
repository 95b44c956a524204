import { originsOf } from '../../src/hazards/origins'
import type { Operation } from '../../src/operations/operation'
import { changeSetOf } from '../../src/plan/change-set'
import { column, schema, table } from '../support/model-builders'

const users = table('users', [column('id'), column('name', 'varchar')])
const teams = table('teams', [column('id')])
const start = schema([users, teams])
const originsAfter = (ops: Operation[]) => originsOf(changeSetOf(start, ops))

describe('origins: names traced back to the tables before the migration', () => {
  it('follows a rename: the new name after it, the old one up to it', () => {
    const origins = originsAfter([
      { kind: 'add_column', table: { name: 'users' }, column: column('age') },
      { kind: 'rename_table', from: { name: 'users' }, to: { name: 'people' }, table: { ...users, name: 'people' } },
      { kind: 'add_column', table: { name: 'people' }, column: column('score') },
    ])
    expect(origins.table(0, { name: 'users' })).toBe(users)
    expect(origins.table(1, { name: 'users' })).toBe(users)
    expect(origins.table(2, { name: 'people' })).toBe(users)
    expect(origins.table(2, { name: 'users' })).toBeUndefined()
    expect(origins.table(0, { name: 'people' })).toBeUndefined()
    expect(origins.table(2, { name: 'teams' })).toBe(teams)
  })

  it('tells a dropped table from one created under its name, and a swap of two names apart', () => {
    const created = table('users', [column('id')])
    const dropAndCreate = originsAfter([
      { kind: 'drop_table', table: users },
      { kind: 'create_table', table: created },
      { kind: 'add_column', table: { name: 'users' }, column: column('age') },
    ])
    expect(dropAndCreate.table(0, { name: 'users' })).toBe(users)
    expect(dropAndCreate.table(2, { name: 'users' })).toBeUndefined()
    const swap = originsAfter([
      { kind: 'rename_table', from: { name: 'users' }, to: { name: 'tmp' }, table: { ...users, name: 'tmp' } },
      { kind: 'rename_table', from: { name: 'teams' }, to: { name: 'users' }, table: { ...teams, name: 'users' } },
      { kind: 'rename_table', from: { name: 'tmp' }, to: { name: 'teams' }, table: { ...users, name: 'teams' } },
      { kind: 'add_column', table: { name: 'users' }, column: column('a') },
      { kind: 'add_column', table: { name: 'teams' }, column: column('b') },
    ])
    expect(swap.table(3, { name: 'users' })).toEqual(teams)
    expect(swap.table(4, { name: 'teams' })).toEqual(users)
    expect(swap.table(1, { name: 'tmp' })).toEqual(users)
  })

  it('traces a column through its renames, and not to one the migration adds', () => {
    const origins = originsAfter([
      { kind: 'rename_column', table: { name: 'users' }, from: 'name', to: 'full_name', column: users.columns[1]! },
      { kind: 'add_column', table: { name: 'users' }, column: column('name', 'varchar') },
      { kind: 'add_column', table: { name: 'users' }, column: column('z') },
    ])
    expect(origins.column(2, { name: 'users' }, 'full_name')).toEqual({ table: users, column: users.columns[1] })
    expect(origins.column(2, { name: 'users' }, 'name')).toBeUndefined()
    expect(origins.column(0, { name: 'users' }, 'name')).toEqual({ table: users, column: users.columns[1] })
  })
})
