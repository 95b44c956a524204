/**
 * alembicTargetAdvice says what to write instead of an Alembic revision word, which names no migration here:
 * `head` (or `heads`), `base`, or a relative `+2` / `-1`. `newest` is the project's newest migration, when known.
 */
export function alembicTargetAdvice(target: string, newest?: string): string | undefined {
  if (target === 'head' || target === 'heads') {
    const migration = newest === undefined ? 'the newest migration' : `the newest migration, ${newest}`
    return `Alembic's ${target} is ${migration}: \`typeorm-autogen upgrade\` without --to goes there`
  }
  if (target === 'base') return "Alembic's base is before every migration: `typeorm-autogen downgrade --all` goes there"
  const relative = /^([+-])(\d+)$/.exec(target)
  if (relative === null) return undefined
  return `Alembic's relative ${target} is \`typeorm-autogen ${relative[1] === '+' ? 'upgrade' : 'downgrade'} --steps ${Number(relative[2])}\``
}
