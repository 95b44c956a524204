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
 * has that name; Alembic's relative `head-1`, `AddAge+2` or `base+1` counts from there in run order. An exact
 * match wins over a prefix. No match, or several, throws a UserError listing the candidates.
 */
export function resolveMigrationName(target: string, names: readonly string[]): string {
  const all = inRunOrder(new Set(names))
  const relative = relativeIndex(target, all)
  if (relative !== undefined) {
    if (relative === -1) throw new UserError(`${target} is base, before every migration: \`typeorm-autogen downgrade ${target}\` (or downgrade base) goes there`)
    return all[relative]!
  }
  const exact = [
    all.filter((name) => name === target),
    all.filter((name) => timestampOf(name) === target),
    all.filter((name) => baseNameOf(name) === target),
  ].find((matches) => matches.length > 0)
  if (exact === undefined && isHead(target) && all.length > 0) return all.at(-1)!
  const matches = exact ?? all.filter((name) => name.startsWith(target) || timestampOf(name)?.startsWith(target) === true)
  if (matches.length === 1) return matches[0]!
  if (matches.length === 0) {
    const known = all.length === 0
      ? 'the project has no migrations yet: write the first with `typeorm-autogen generate <Name>`, or, for a database that has the tables already ' +
        '(made by synchronize or by hand), with `typeorm-autogen generate Init --from-migrations`, then record it with `typeorm-autogen stamp Init`'
      : `name one of ${listed(all)} (its name, its timestamp, or a unique prefix of either)`
    const advice = alembicTargetAdvice(target)
    throw new UserError(`no migration matches "${target}"${advice === undefined ? '' : ` (${advice})`}: ${known}`)
  }
  throw new UserError(`"${target}" matches ${matches.length} migrations (${listed(matches)}): give more of the name or the whole timestamp`)
}

/** inRunOrder sorts migration names by their timestamp, as TypeORM runs them (stable among equal ones). */
export function inRunOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => Number(timestampOf(a) ?? 0) - Number(timestampOf(b) ?? 0))
}

const isHead = (target: string) => target === 'head' || target === 'heads'

/**
 * namesBase says whether `target` is Alembic's `base`, before every migration: the word where no migration has
 * that name, or a relative target that lands there (`head-3` of three migrations, `First-1`).
 */
export function namesBase(target: string, names: readonly string[]): boolean {
  if (target === 'base') return !names.some((name) => name === target || baseNameOf(name) === target)
  return relativeIndex(target, inRunOrder(new Set(names))) === -1
}

/**
 * relativeIndex reads Alembic's relative target `<from>+N` or `<from>-N`, where `<from>` is `head`, `base` or a
 * migration as resolveMigrationName takes it (`head-1`, `AddTags+2`, `base+1`): the index in `all` (run order) it
 * lands on, -1 for base. Undefined where `target` has no such form (`+2` alone counts from the database's
 * current migration, which upgrade and downgrade read as steps). Landing past the newest migration, or before
 * base, throws a UserError.
 */
function relativeIndex(target: string, all: readonly string[]): number | undefined {
  const relative = /^(.+?)([+-])(\d+)$/.exec(target)
  if (relative === null || all.includes(target)) return undefined
  const [, from, sign, count] = relative
  const start = namesBase(from!, all) ? -1 : all.indexOf(resolveMigrationName(from!, all))
  const index = start + (sign === '+' ? 1 : -1) * Number(count)
  if (index >= all.length) throw new UserError(`${target} goes past the newest migration${all.length === 0 ? ': the project has none' : `, ${all.at(-1)}, which is ${distance(all.length - 1 - start, 'after', from!)}`}`)
  if (index < -1) throw new UserError(`${target} goes before base, where no migration has run, which is ${distance(start + 1, 'before', from!)}`)
  return index
}

function baseNameOf(name: string): string {
  const timestamp = timestampOf(name)
  return timestamp === undefined ? name : name.slice(0, -timestamp.length)
}

function distance(count: number, direction: 'after' | 'before', from: string): string {
  return count === 0 ? `${from} itself` : `${count} step${count === 1 ? '' : 's'} ${direction} ${from}`
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, listedAtMost).join(', ')
  return names.length > listedAtMost ? `${shown} and ${names.length - listedAtMost} more: see \`typeorm-autogen status\`` : shown
}
