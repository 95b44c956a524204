import { migrationsTarget } from '../../src/source/migrations-dir'
import { globPatternRegExp } from '../../src/source/glob-pattern'

// Which folder generate writes to, for every shape of the DataSource's `migrations` option, and when it refuses.

const cwd = '/work/app'
const dataSourceWith = (migrations: unknown) => ({ options: { migrations } }) as never
const target = (migrations: unknown, migrationsDir?: string) => migrationsTarget(dataSourceWith(migrations), migrationsDir ? { migrationsDir } : {}, cwd)

it('writes into the one folder whose glob loads a new .ts file', () => {
  expect(target(['migrations/*.ts'])).toEqual({ dir: '/work/app/migrations' })
  expect(target(['src/db/migrations/*.ts'])).toEqual({ dir: '/work/app/src/db/migrations' })
  expect(target(['dist/migrations/*.js', 'src/migrations/*.ts'])).toEqual({ dir: '/work/app/src/migrations' })
  expect(target(['src/migrations/*.ts', 'src/migrations/**/*.ts'])).toEqual({ dir: '/work/app/src/migrations' })
  expect(target({ a: 'src/db/**/*{.ts,.js}' })).toEqual({ dir: '/work/app/src/db' })
  expect(target(undefined)).toEqual({ dir: '/work/app/migrations' })
})

it('lets autogen.migrationsDir win over any DataSource shape', () => {
  expect(target(['dist/migrations/*.js'], 'src/migrations')).toEqual({ dir: '/work/app/src/migrations' })
  expect(target([class Init1700000000000 {}], 'src/migrations')).toEqual({ dir: '/work/app/src/migrations' })
})

it('refuses build output, classes, ambiguous globs and globs that would not load the file', () => {
  expect(target(['dist/migrations/*.js']).refusal).toMatch(/dist\/migrations\/\*\.js, which is build output: set autogen\.migrationsDir/)
  expect(target([class Init1700000000000 {}]).refusal).toMatch(/as classes.*autogen\.migrationsDir/)
  expect(target(['a/*.ts', 'b/*.ts']).refusal).toMatch(/a\/\*\.ts, b\/\*\.ts, and a new migration could go to any of them: set autogen\.migrationsDir/)
  expect(target(['src/**/migrations/*.ts']).refusal).toMatch(/would not load a new .*autogen\.migrationsDir/)
  expect(target(['src/migrations/*.migration.ts']).refusal).toMatch(/would not load a new/)
  expect(target(['dist/migrations/*.js']).dir).toBe('/work/app/dist/migrations')
})

it('globPatternRegExp reads globs as TypeORM does', () => {
  const matches = (glob: string, file: string) => globPatternRegExp(glob)?.test(file)
  expect(matches('/a/**/*.ts', '/a/1-X.ts')).toBe(true)
  expect(matches('/a/**/*.ts', '/a/b/c/1-X.ts')).toBe(true)
  expect(matches('/a/*.{ts,js}', '/a/1-X.js')).toBe(true)
  expect(matches('/a/*{.ts,.js}', '/a/1-X.mjs')).toBe(false)
  expect(matches('/a/*.ts', '/a/b/1-X.ts')).toBe(false)
  expect(matches('/a/[0-9]*.ts', '/a/1-X.ts')).toBe(true)
  expect(matches('/a.b/?-X.ts', '/a.b/1-X.ts')).toBe(true)
  expect(matches('/a.b/*.ts', '/aXb/1-X.ts')).toBe(false)
  expect(globPatternRegExp('/a/+(x|y).ts')).toBeUndefined()
})
