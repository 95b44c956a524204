import { isMigrationName, toMigrationName } from '../render/migration-name'
import { UserError } from '../source/user-error'

/**
 * refuseBadMigrationName stops a NAME that cannot start a class and file name. Where it is words (Alembic's
 * `-m "add user email"`), the line offers them as the name it takes, `AddUserEmail`; else `example`.
 */
export function refuseBadMigrationName(name: string, example: string): void {
  if (isMigrationName(name)) return
  throw new UserError(`migration name "${name}" is not a valid class name: use letters, digits and _ (e.g. ${wordsAsName(name) ?? example})`)
}

function wordsAsName(text: string): string | undefined {
  try {
    return toMigrationName(text)
  } catch {
    return undefined
  }
}
