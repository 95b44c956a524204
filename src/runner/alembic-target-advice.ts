/**
 * alembicTargetAdvice says where an Alembic revision word that names no migration here goes: `base` and a
 * relative `-1` only downgrade, `+2` only upgrade, and `head` (or `heads`) names the newest migration, of which
 * there is none yet. `newest` is the project's newest migration, when known.
 */
export function alembicTargetAdvice(target: string, newest?: string): string | undefined {
  if (target === 'head' || target === 'heads') {
    return newest === undefined ? `Alembic's ${target} is the newest migration, and there is none yet` : undefined
  }
  if (target === 'base') return "Alembic's base is before every migration: `typeorm-autogen downgrade base` (or --all) goes there"
  const relative = /^([+-])(\d+)$/.exec(target)
  if (relative === null) return undefined
  const command = relative[1] === '+' ? 'upgrade' : 'downgrade'
  return `Alembic's relative ${target} is \`typeorm-autogen ${command} ${target}\` (or ${command} --steps ${Number(relative[2])})`
}
