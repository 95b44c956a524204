import { UserError } from '../source/user-error'

/**
 * requireDriver loads a database driver, an optional peer dependency: the project's own. Missing, it is a
 * UserError naming the package to install.
 */
export function requireDriver(name: string, database: string): unknown {
  try {
    return require(name)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes(`'${name}'`)) {
      throw new UserError(`the ${database} driver ${name} is not installed: install it in the project (npm install ${name})`)
    }
    throw err
  }
}
