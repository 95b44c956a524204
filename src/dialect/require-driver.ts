import { UserError, messageOf } from '../source/user-error'

/** The database each driver package serves, as the line naming a missing one says it. */
const databaseOfDriver: Readonly<Record<string, string>> = {
  pg: 'PostgreSQL',
  mysql2: 'MySQL/MariaDB',
  'better-sqlite3': 'SQLite',
  sqlite3: 'SQLite',
}

/**
 * requireDriver loads a database driver (`mysql2/promise`: a module of the package), an optional peer
 * dependency: the project's own. Missing, it is a UserError naming the package to install.
 */
export function requireDriver(name: string): unknown {
  try {
    return require(name)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes(`'${name}'`)) {
      const packageName = packageOf(name)
      throw new UserError(`the ${databaseOf(packageName)} driver ${packageName} is not installed: install it in the project (npm install ${packageName})`)
    }
    throw err
  }
}

/**
 * driverLoadFailure is the line for the error TypeORM throws as a DataSource is made when it cannot require
 * the driver (DriverPackageNotInstalledError), which it throws too where the package is installed but fails
 * to load (a native module built for another Node version): requiring it again tells which. Undefined for any
 * other error, and where the driver loads here.
 */
export function driverLoadFailure(err: unknown): UserError | undefined {
  if (!(err instanceof Error) || err.name !== 'DriverPackageNotInstalledError') return undefined
  const packageName = /"npm install (\S+)"/.exec(err.message)?.[1]
  if (packageName === undefined) return undefined
  try {
    requireDriver(packageName)
    return undefined
  } catch (cause) {
    if (cause instanceof UserError) return cause
    return new UserError(
      `the ${databaseOf(packageName)} driver ${packageName} is installed but fails to load (${messageOf(cause)}): reinstall it in the project (npm rebuild ${packageName})`,
      { cause },
    )
  }
}

/** packageOf is the package a module path is in: `mysql2` for `mysql2/promise`, `@scope/name` for `@scope/name/x`. */
function packageOf(name: string): string {
  return name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')
}

function databaseOf(packageName: string): string {
  return Object.hasOwn(databaseOfDriver, packageName) ? databaseOfDriver[packageName]! : 'database'
}
