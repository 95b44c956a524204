import type { ProbeResult } from '../dialect/probe'
import { type Hazard, type HazardMeasurement, hazardSeverity } from './hazard'
import type { DescribedFinding } from './hazard-finding'
import { measurementText } from './measurement-text'

/**
 * describeHazard writes a finding as a Hazard: `<what> (<measurement>); <advice>.`, on one line (a reviewer
 * accepts it by editing its comment line in the migration file). Without a result the measurement is left out.
 */
export function describeHazard(finding: DescribedFinding, result?: ProbeResult, rowLimit = 0): Hazard {
  const measurement: HazardMeasurement | undefined = result && finding.probe && {
    count: result.count,
    complete: result.complete,
    ...(result.estimate !== undefined && { estimate: result.estimate }),
    text: measurementText(finding.probe, result, rowLimit),
  }
  const counted = measurement === undefined ? '' : ` (${measurement.text})`
  const message = `${finding.what}${counted}; ${finding.advice}.`.replace(/[\r\n\u2028\u2029]+/g, ' ')
  return {
    code: finding.code,
    severity: hazardSeverity[finding.code],
    message,
    ...(finding.operation !== undefined && { operation: finding.operation }),
    ...(finding.subject !== undefined && { subject: finding.subject }),
    ...(finding.column !== undefined && { column: finding.column }),
    ...(measurement !== undefined && { measurement }),
  }
}
