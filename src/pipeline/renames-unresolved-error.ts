import { UserError } from '../source/user-error'
import type { UnresolvedRename } from './resolve-renames'

/**
 * RenamesUnresolvedError stops `generate` when a dropped table or column looks renamed and nothing said
 * whether it was: writing the drop and add would lose its data. Each entry of `renames` says what to add.
 */
export class RenamesUnresolvedError extends UserError {
  constructor(readonly renames: readonly UnresolvedRename[]) {
    super(renames.map(unresolvedRenameLine).join('; ') || 'a rename is unresolved')
    this.name = 'RenamesUnresolvedError'
  }
}

/** unresolvedRenameLine is the one line `generate` prints for an unresolved rename. */
export function unresolvedRenameLine(rename: UnresolvedRename): string {
  return `${rename.description}: ${rename.advice}; pass --accept-data-loss to drop and add instead`
}
