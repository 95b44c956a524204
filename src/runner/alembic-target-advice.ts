/**
 * alembicTargetAdvice says where an Alembic revision word that names no migration here goes: `base` and a
 * relative `-1` only downgrade, `+2` only upgrade. (`head` names the newest migration wherever a NAME is taken.)
 */
export function alembicTargetAdvice(target: string): string | undefined {
  if (target === 'base') return "Alembic's base is before every migration: `typeorm-autogen downgrade base` (or --all) goes there"
  const relative = /^([+-])(\d+)$/.exec(target)
  if (relative === null) return undefined
  const command = relative[1] === '+' ? 'upgrade' : 'downgrade'
  return `Alembic's relative ${target} is \`typeorm-autogen ${command} ${target}\` (or ${command} --steps ${Number(relative[2])})`
}
