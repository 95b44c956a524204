import { migrationClassName, migrationFileName, toMigrationName } from '../../src/render/migration-name'

describe('migration names', () => {
  it('makes a PascalCase name from free text', () => {
    expect(toMigrationName('add post tags')).toBe('AddPostTags')
    expect(toMigrationName('  add-user_email  index. (v2)! ')).toBe('AddUserEmailIndexV2')
    expect(toMigrationName('addOAuth2 tokens')).toBe('AddOAuth2Tokens')
    expect(toMigrationName('AddPostTags')).toBe('AddPostTags')
  })

  it('refuses text that gives no valid class name', () => {
    expect(() => toMigrationName('2fa secrets')).toThrow('render: migration name "2fa secrets" must start with a letter')
    expect(() => toMigrationName(' - ')).toThrow(/must start with a letter/)
    expect(() => toMigrationName('add café')).toThrow('render: migration name "add café" must start')
  })

  it("follows TypeORM's file and class names", () => {
    expect(migrationClassName('AddPostTags', 1700000000000)).toBe('AddPostTags1700000000000')
    expect(migrationFileName('AddPostTags', 1700000000000)).toBe('1700000000000-AddPostTags.ts')
    expect(() => migrationFileName('Add', 170000000000)).toThrow(/13-digit/)
  })
})
