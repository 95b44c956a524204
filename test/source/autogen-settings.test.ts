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

describe('readAutogenSettings: minSeverity and ignore', () => {
  it('accepts a severity and known hazard or warning codes', () => {
    expect(readAutogenSettings({ minSeverity: 'warning', ignore: ['DROP_INDEX', 'NOT_DIFFED'] }, 'ormconfig.ts'))
      .toEqual({ minSeverity: 'warning', ignore: ['DROP_INDEX', 'NOT_DIFFED'] })
  })

  it('refuses anything else with one line naming the setting and what to write', () => {
    expect(() => readAutogenSettings({ minSeverity: 'high' }, 'ormconfig.ts'))
      .toThrow(new UserError("autogen.minSeverity in ormconfig.ts must be one of 'info', 'warning', 'danger'"))
    expect(() => readAutogenSettings({ ignore: 'DROP_INDEX' }, 'ormconfig.ts'))
      .toThrow(new UserError("autogen.ignore in ormconfig.ts must be an array of codes, like ['DROP_INDEX']"))
    expect(() => readAutogenSettings({ ignore: ['DROP_INDX'] }, 'ormconfig.ts'))
      .toThrow(new UserError('autogen.ignore in ormconfig.ts names "DROP_INDX", which is no hazard or warning code: use a code of the README\'s Hazards or Warnings table'))
  })
})

describe('readAutogenSettings: unknown settings', () => {
  it('refuses a setting it does not have, naming the one meant where the spelling is near', () => {
    expect(() => readAutogenSettings({ migrationDir: 'db/migrations' }, 'ormconfig.ts')).toThrow(new UserError(
      'autogen.migrationDir in ormconfig.ts is no setting (did you mean migrationsDir?): the settings are migrationsDir, ignoreTables, keepDatabaseNames, minSeverity, ignore, online, postWrite',
    ))
    expect(() => readAutogenSettings({ strategy: 'expand-contract' }, 'ormconfig.ts')).toThrow(new UserError(
      'autogen.strategy in ormconfig.ts is no setting: the settings are migrationsDir, ignoreTables, keepDatabaseNames, minSeverity, ignore, online, postWrite',
    ))
  })
})
