import { ExitCode } from './exit-codes'

const precedence: readonly number[] = [
  ExitCode.error, ExitCode.folderIntegrity, ExitCode.changesMissing, ExitCode.drift, ExitCode.hazardPolicy,
]

/** firstExitCode is the exit code of a run that found several results: the first in ExitCode's order, else 0. */
export function firstExitCode(codes: readonly number[]): number {
  return precedence.find((code) => codes.includes(code)) ?? ExitCode.ok
}
