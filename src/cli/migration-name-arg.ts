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

/**
 * migrationNameArgument is the NAME that `generate` and `create` were given. Words typed unquoted after it
 * (`generate add user email`) are that NAME's words, refused as a whole with the name they make; Alembic's
 * `-m "add user email"` is refused with the command that takes them as a name.
 */
export function migrationNameArgument(command: string, name: string | undefined, moreWords: readonly unknown[], message: unknown): string | undefined {
  if (typeof message === 'string') {
    const offered = wordsAsName(message) ?? 'AddPostTags'
    throw new UserError(`Alembic's -m "${message}" is the migration name here, one word: typeorm-autogen ${command} ${offered}`)
  }
  return moreWords.length === 0 ? name : [name, ...moreWords].join(' ')
}

function wordsAsName(text: string): string | undefined {
  try {
    return toMigrationName(text)
  } catch {
    return undefined
  }
}
