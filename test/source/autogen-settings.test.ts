import { readAutogenSettings } from '../../src/source/autogen-settings'
import { UserError } from '../../src/source/user-error'

// Issue 8 item 1: autogen.keepDatabaseNames leaves the database's names of indexes, constraints and enum types.
describe('readAutogenSettings: keepDatabaseNames', () => {
  it('accepts true or false', () => {
    expect(readAutogenSettings({ keepDatabaseNames: true }, 'ormconfig.ts')).toEqual({ keepDatabaseNames: true })
    expect(readAutogenSettings({ keepDatabaseNames: false }, 'ormconfig.ts')).toEqual({ keepDatabaseNames: false })
  })

  it('refuses anything else with one line naming the setting', () => {
    expect(() => readAutogenSettings({ keepDatabaseNames: 'yes' }, 'ormconfig.ts')).toThrow(UserError)
    expect(() => readAutogenSettings({ keepDatabaseNames: 'yes' }, 'ormconfig.ts'))
      .toThrow('autogen.keepDatabaseNames in ormconfig.ts must be true or false')
  })
})
