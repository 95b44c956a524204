import { UserError } from '../source/user-error'
import { parseStepsFlag } from './steps-flag'

/**
 * RunTarget is how far upgrade or downgrade goes: up to NAME, N steps, or (downgrade) every applied migration;
 * with `--sql`, from where (Alembic's offline range `FROM:TO`).
 */
export interface RunTarget {
  readonly from?: string
  readonly to?: string
  readonly steps?: number
  /** The steps were given as Alembic's relative `+N` (`-N`), as errors then name them. */
  readonly relative?: boolean
  readonly all?: boolean
}

interface TargetFlags {
  readonly target?: string | number
  readonly to?: string
  readonly steps?: string
  readonly all?: boolean
  readonly sql?: boolean
}

/**
 * upgradeTarget reads `upgrade [TARGET]` and its flags. TARGET takes Alembic's words as well as a NAME: `head`
 * (or `heads`) is every pending migration, `+N` the next N; anything else is `--to NAME`. `--to head` is
 * every pending migration too.
 */
export function upgradeTarget(flags: TargetFlags): RunTarget {
  const target = givenOnce('upgrade', flags)
  if (target === undefined) return { steps: parseStepsFlag(flags.steps) }
  const range = offlineRange('upgrade', target, flags)
  if (range !== undefined) return range
  if (target === 'head' || target === 'heads') return {}
  const relative = /^\+(\d+)$/.exec(target)
  return relative === null ? { to: target } : { steps: parseStepsFlag(relative[1]), relative: true }
}

/**
 * downgradeTarget reads `downgrade [TARGET]` and its flags: `base` reverts every applied migration (`--all`),
 * `-N` the last N; anything else is `--to NAME`. `--to base` is `--all` too.
 */
export function downgradeTarget(flags: TargetFlags): RunTarget {
  const target = givenOnce('downgrade', flags)
  if (target === undefined) return { steps: parseStepsFlag(flags.steps), all: flags.all }
  const range = offlineRange('downgrade', target, flags)
  if (range !== undefined) return range
  if (target === 'base') return { all: true }
  const relative = /^-(\d+)$/.exec(target)
  return relative === null ? { to: target } : { steps: parseStepsFlag(relative[1]), relative: true }
}

/**
 * offlineRange reads Alembic's offline range `FROM:TO` (`upgrade base:head --sql`, `downgrade head:AddTags --sql`):
 * the script of a database at FROM, whatever the connected one records. Without `--sql` it is an error: a run
 * starts where the database is.
 */
function offlineRange(command: string, target: string, flags: TargetFlags): RunTarget | undefined {
  const range = /^([^:]+):([^:]+)$/.exec(target)
  if (range === null) return undefined
  if (flags.sql !== true) {
    throw new UserError(`${command} ${target} is Alembic's offline range, which only --sql takes (the script of a database at ${range[1]}): a run starts where the database's migrations table says it is; give ${command} ${range[2]}, or add --sql`)
  }
  return { from: range[1], to: range[2] }
}

/** givenOnce is the target of the positional or of `--to`; a positional beside `--to`, `--steps` or `--all` is an error. */
function givenOnce(command: string, flags: TargetFlags): string | undefined {
  if (flags.target === undefined) return flags.to
  const target = String(flags.target)
  const beside = [flags.to !== undefined && '--to', flags.steps !== undefined && '--steps', flags.all === true && '--all'].filter(Boolean)
  if (beside.length > 0) throw new UserError(`${command} ${target} and ${beside.join(' and ')} both say how far to go: give one of them`)
  return target
}
