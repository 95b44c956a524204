import { UserError } from '../source/user-error'
import { alembicTargetAdvice } from './alembic-target-advice'

const listedAtMost = 10

/** timestampOf is the 13-digit timestamp TypeORM reads at the end of a migration's name, if it has one. */
export function timestampOf(name: string): string | undefined {
  return /(\d{13})$/.exec(name)?.[1]
}

/**
 * resolveMigrationName finds the one migration of `names` that `target` names: its whole name
 * (`AddAge1700000000000`), its timestamp, its name without the timestamp (`AddAge`), or a prefix of its name
 * or timestamp that no other migration shares; Alembic's `head` (or `heads`) names the newest where no migration
 * has that name. An exact match wins over a prefix. No match, or several,
 * throws a UserError listing the candidates.
 */
export function resolveMigrationName(target: string, names: readonly string[]): string {
  const all = inRunOrder(new Set(names))
  const exact = [
    all.filter((name) => name === target),
    all.filter((name) => timestampOf(name) === target),
    all.filter((name) => baseNameOf(name) === target),
  ].find((matches) => matches.length > 0)
  if (exact === undefined && isHead(target) && all.length > 0) return all.at(-1)!
  const matches = exact ?? all.filter((name) => name.startsWith(target) || timestampOf(name)?.startsWith(target) === true)
  if (matches.length === 1) return matches[0]!
  if (matches.length === 0) {
    const known = all.length === 0 ? 'the project has no migrations' : `name one of ${listed(all)}`
    const advice = alembicTargetAdvice(target)
    throw new UserError(`no migration matches "${target}"${advice === undefined ? '' : ` (${advice})`}: ${known} (its name, its timestamp, or a unique prefix of either)`)
  }
  throw new UserError(`"${target}" matches ${matches.length} migrations (${listed(matches)}): give more of the name or the whole timestamp`)
}

/** inRunOrder sorts migration names by their timestamp, as TypeORM runs them (stable among equal ones). */
export function inRunOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => Number(timestampOf(a) ?? 0) - Number(timestampOf(b) ?? 0))
}

const isHead = (target: string) => target === 'head' || target === 'heads'

/** namesBase says whether `target` is Alembic's `base`, before every migration: the word where no migration has that name. */
export function namesBase(target: string, names: readonly string[]): boolean {
  return target === 'base' && !names.some((name) => name === target || baseNameOf(name) === target)
}

function baseNameOf(name: string): string {
  const timestamp = timestampOf(name)
  return timestamp === undefined ? name : name.slice(0, -timestamp.length)
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, listedAtMost).join(', ')
  return names.length > listedAtMost ? `${shown} and ${names.length - listedAtMost} more: see \`typeorm-autogen status\`` : shown
}
