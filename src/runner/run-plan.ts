import { UserError } from '../source/user-error'
import { namesBase, resolveMigrationName } from './migration-target'

/**
 * UpgradeTarget is how far `upgrade` goes: to a migration (`--to`), a number of them (`--steps`), or by default all
 * pending; `from`, for `--sql` only, is where the script starts instead of where the database is (see recordedFrom).
 */
export interface UpgradeTarget {
  readonly from?: string
  readonly to?: string
  readonly steps?: number
  /** The steps were given as Alembic's `+N`, which the errors then name. */
  readonly relative?: boolean
}

/** DowngradeTarget is how far `downgrade` goes back: to a migration left applied (`--to`), a number of them (`--steps`), or `--all`; by default one; `from` as in UpgradeTarget. */
export interface DowngradeTarget {
  readonly from?: string
  readonly to?: string
  readonly steps?: number
  /** The steps were given as Alembic's `-N`, which the errors then name. */
  readonly relative?: boolean
  readonly all?: boolean
}

/**
 * recordedFrom is the state of a database at `from` (base, or a migration of `inRunOrder`, as the migration
 * targets name it): the migrations up to it applied, latest first as TypeORM reads them, the others pending.
 */
export function recordedFrom(from: string, inRunOrder: readonly string[]): { pending: string[]; applied: string[] } {
  const at = namesBase(from, inRunOrder) ? 0 : inRunOrder.indexOf(resolveMigrationName(from, inRunOrder)) + 1
  return { applied: inRunOrder.slice(0, at).reverse(), pending: inRunOrder.slice(at) }
}

/**
 * planUpgrade names the migrations an upgrade to `target` applies, in the order they run. `pending` are the
 * project's unapplied migrations in TypeORM's order (by timestamp), `applied` the recorded ones. A target
 * that is applied already, or a count beyond the pending migrations, throws a UserError.
 */
export function planUpgrade(pending: readonly string[], applied: readonly string[], target: UpgradeTarget): string[] {
  if (target.steps !== undefined) {
    assertSteps(target.steps)
    if (pending.length > 0 && target.steps > pending.length) {
      throw new UserError(target.relative === true
        ? `upgrade +${target.steps} asks for more than the ${pending.length} pending migration${plural(pending.length)}: pass +${pending.length}, or head to apply them all`
        : `upgrade --steps ${target.steps} asks for more than the ${pending.length} pending migration${plural(pending.length)}: pass --steps ${pending.length} or leave --steps out to apply them all`)
    }
    return pending.slice(0, target.steps)
  }
  if (target.to !== undefined) {
    const name = resolveMigrationName(target.to, [...applied, ...pending])
    if (!pending.includes(name)) {
      throw new UserError(target.from === undefined
        ? `${name} is already applied: upgrade --to takes a pending migration; to go back to it, run \`typeorm-autogen downgrade --to ${name}\``
        : `${name} is applied already at ${target.from}, where the script starts: upgrade FROM:TO goes up from FROM; for the script that goes back to it, run \`typeorm-autogen downgrade ${target.from}:${target.to} --sql\``)
    }
    return pending.slice(0, pending.indexOf(name) + 1)
  }
  return [...pending]
}

/**
 * planDowngrade names the migrations a downgrade to `target` reverts, in the order they are reverted.
 * `applied` are the recorded migrations latest first (the order TypeORM reverts them in), `pending` the
 * project's others. A target that is not applied, or a count beyond the applied migrations, throws a UserError.
 */
export function planDowngrade(applied: readonly string[], pending: readonly string[], target: DowngradeTarget): string[] {
  if (target.all === true) return [...applied]
  if (target.steps !== undefined) {
    assertSteps(target.steps)
    if (applied.length > 0 && target.steps > applied.length) {
      throw new UserError(target.relative === true
        ? `downgrade -${target.steps} asks for more than the ${applied.length} applied migration${plural(applied.length)}: pass -${applied.length}, or base`
        : `downgrade --steps ${target.steps} asks for more than the ${applied.length} applied migration${plural(applied.length)}: pass --steps ${applied.length}, or --all`)
    }
    return applied.slice(0, target.steps)
  }
  if (target.to !== undefined) {
    if (namesBase(target.to, [...applied, ...pending])) return [...applied]
    const name = resolveMigrationName(target.to, [...applied, ...pending])
    if (!applied.includes(name)) {
      throw new UserError(target.from === undefined
        ? `${name} is not applied: downgrade --to takes an applied migration, which stays applied; to revert everything, pass --all`
        : `${name} is not applied at ${target.from}, where the script starts: downgrade FROM:TO goes back from FROM; for the script that goes up to it, run \`typeorm-autogen upgrade ${target.from}:${target.to} --sql\``)
    }
    return applied.slice(0, applied.indexOf(name))
  }
  return applied.slice(0, 1)
}

function assertSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 1) throw new UserError(`--steps ${steps} is not a count of migrations: pass a whole number of at least 1`)
}

function plural(count: number): string {
  return count === 1 ? '' : 's'
}
