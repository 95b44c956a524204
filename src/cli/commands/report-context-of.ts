import { changeSetOf } from '../../plan/change-set'
import type { ReportFormat } from '../../render/report'
import type { ReportContext } from '../../render/report-context'
import { entityLocations } from '../../source/entity-locations'
import type { PendingComparison } from './pending-comparison'

/**
 * reportContextOf gathers what a format shows beyond the plan: for `markdown` the tables before and after,
 * for `github` where the entities declare them, relative to `$GITHUB_WORKSPACE` (else the current folder),
 * for `sql` the dialect's script syntax; `verdict` is check's conclusion.
 */
export function reportContextOf(format: ReportFormat, pending: PendingComparison, verdict?: string): ReportContext {
  const { comparison, project } = pending
  return {
    ...(verdict !== undefined && { verdict }),
    ...(format === 'markdown' && { changes: changeSetOf(comparison.actual, comparison.up) }),
    ...(format === 'sql' && { script: comparison.dialect.migrationScript }),
    ...(format === 'github' && {
      locations: entityLocations(project.dataSource.entityMetadatas),
      root: process.env.GITHUB_WORKSPACE || process.cwd(),
    }),
  }
}
