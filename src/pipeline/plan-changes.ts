import type { Statement } from '../dialect/statement'
import { planViews } from '../diff/view-dependents'
import { findHazards } from '../hazards/find-hazards'
import type { HazardFinding } from '../hazards/hazard-finding'
import { type ChangeSet, changeSetOf } from '../plan/change-set'
import { inOnlineForms } from '../plan/online-forms'
import { UserError } from '../source/user-error'
import type { LoadedProject } from '../source/load-config'
import { type PlannedDown, planDown } from './planned-down'
import type { CompareOptions } from './compare-project'
import type { ProjectReading } from './read-project'
import { type ResolvedRenames, resolveRenames } from './resolve-renames'

/** PlannedChanges is the direct migration planned from a reading: renames, operations, SQL both ways, hazard findings. */
export interface PlannedChanges extends PlannedDown {
  readonly renamed: ResolvedRenames
  readonly changes: ChangeSet
  readonly upStatements: readonly Statement[]
  /** What may go wrong running `up`, its data not counted yet. */
  readonly findings: readonly HazardFinding[]
}

/**
 * planChanges decides renames (hints, then `options.ask`), diffs, compiles both ways and finds the hazards:
 * pure but for the questions `ask` puts to the user.
 */
export async function planChanges(project: LoadedProject, read: ProjectReading, options: CompareOptions): Promise<PlannedChanges> {
  const { dialect, actual, desired, entities } = read
  if (options.online === true && dialect.capabilities.concurrentIndexes !== true && dialect.capabilities.notValidConstraints !== true) {
    throw new UserError(`--online writes indexes built without blocking writes and constraints validated apart, which ${dialect.name} has not: leave out --online (or set autogen.online to false)`)
  }
  // keepDatabaseNames: an index, constraint or enum type that differs only in its name keeps the database's.
  const capabilities = project.settings.keepDatabaseNames === true ? { ...dialect.capabilities, renamesInPlace: false } : dialect.capabilities
  const renamed = await resolveRenames(actual, desired, capabilities, entities.renameHints, read.renameTargets, { ...options, keepDatabaseNames: project.settings.keepDatabaseNames })
  const ops = planViews(renamed.ops, actual, desired, dialect)
  const changes = changeSetOf(actual, options.online === true ? inOnlineForms(ops, { capabilities, before: actual, ...(dialect.storedName !== undefined && { storedName: (name: string) => dialect.storedName!(name) }) }) : ops)
  const upStatements = dialect.compile(changes)
  const findings = findHazards({
    changes, statements: upStatements, dialect, declared: entities.model, suspectedRenames: renamed.unresolved,
  })
  return { renamed, changes, upStatements, ...planDown(dialect, changes), findings }
}
