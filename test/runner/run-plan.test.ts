import { resolveMigrationName } from '../../src/runner/migration-target'
import { planDowngrade, planUpgrade } from '../../src/runner/run-plan'

const init = 'Init1700000000000'
const addViews = 'AddViews1700000001000'
const addTags = 'AddTags1700000002000'
const all = [init, addViews, addTags]

describe('resolveMigrationName', () => {
  it.each([
    [init, init],
    ['1700000001000', addViews],
    ['AddViews', addViews],
    ['Ini', init],
    ['AddV', addViews],
    ['17000000020', addTags],
  ])('reads %s as %s', (target, name) => {
    expect(resolveMigrationName(target, all)).toBe(name)
  })

  it('prefers an exact name to a longer one it prefixes', () => {
    expect(resolveMigrationName('Add', ['Add1700000000000', 'AddMore1700000001000'])).toBe('Add1700000000000')
  })

  it('lists the candidates of an ambiguous target, in run order', () => {
    expect(() => resolveMigrationName('Add', [addTags, init, addViews])).toThrow(
      `"Add" matches 2 migrations (${addViews}, ${addTags}): give more of the name or the whole timestamp`)
  })

  it('lists the known names for an unknown target', () => {
    expect(() => resolveMigrationName('Nope', all)).toThrow(
      `no migration matches "Nope": name one of ${init}, ${addViews}, ${addTags} (its name, its timestamp, or a unique prefix of either)`)
    // stamp head on a database made by synchronize, before any migration: what to write first, and how to adopt it.
    expect(() => resolveMigrationName('head', [])).toThrow(new Error('no migration matches "head": the project has no migrations yet: write the first with ' +
      '`typeorm-autogen generate <Name>`, or, for a database that has the tables already (made by synchronize or by hand), ' +
      'with `typeorm-autogen generate Init --from-migrations`, then record it with `typeorm-autogen stamp Init`'))
  })
})

describe('planUpgrade', () => {
  const pending = [addViews, addTags]
  const applied = [init]
  it('applies everything pending by default, the first N with steps, up to and including a target', () => {
    expect(planUpgrade(pending, applied, {})).toEqual(pending)
    expect(planUpgrade(pending, applied, { steps: 1 })).toEqual([addViews])
    expect(planUpgrade(pending, applied, { to: 'AddT' })).toEqual([addViews, addTags])
    expect(planUpgrade(pending, applied, { to: 'AddV' })).toEqual([addViews])
  })

  it('refuses an applied target, a count beyond the pending ones, and a count below 1', () => {
    expect(() => planUpgrade(pending, applied, { to: 'Init' })).toThrow(`${init} is already applied`)
    expect(() => planUpgrade(pending, applied, { steps: 3 })).toThrow('upgrade --steps 3 asks for more than the 2 pending migrations')
    expect(() => planUpgrade(pending, applied, { steps: 0 })).toThrow('--steps 0 is not a count of migrations')
  })

  it('has nothing to do, with any count, when nothing is pending', () => {
    expect(planUpgrade([], all, { steps: 2 })).toEqual([])
  })
})

describe('planDowngrade', () => {
  const applied = [addTags, addViews, init] // latest first
  it('reverts one by default, N with steps, all with all, and down to a target that stays applied', () => {
    expect(planDowngrade(applied, [], {})).toEqual([addTags])
    expect(planDowngrade(applied, [], { steps: 2 })).toEqual([addTags, addViews])
    expect(planDowngrade(applied, [], { all: true })).toEqual(applied)
    expect(planDowngrade(applied, [], { to: '1700000000000' })).toEqual([addTags, addViews])
    expect(planDowngrade(applied, [], { to: addTags })).toEqual([])
  })

  it('refuses a pending target and a count beyond the applied ones', () => {
    expect(() => planDowngrade([init], [addViews], { to: 'AddViews' })).toThrow(`${addViews} is not applied`)
    expect(() => planDowngrade(applied, [], { steps: 4 })).toThrow('downgrade --steps 4 asks for more than the 3 applied migrations: pass --steps 3, or --all')
  })
})

describe('a --sql range in the wrong direction', () => {
  // The database of the script is at FROM, not where the connected one is: the error names the range that goes there.
  it('says which range writes the script going the other way', () => {
    expect(() => planUpgrade([addTags], [addViews, init], { from: 'head', to: 'AddViews' })).toThrow(new Error(
      `${addViews} is applied already at head, where the script starts: upgrade FROM:TO goes up from FROM; for the script that goes back to it, run \`typeorm-autogen downgrade head:AddViews --sql\``))
    expect(() => planDowngrade([], all, { from: 'base', to: 'AddViews' })).toThrow(new Error(
      `${addViews} is not applied at base, where the script starts: downgrade FROM:TO goes back from FROM; for the script that goes up to it, run \`typeorm-autogen upgrade base:AddViews --sql\``))
  })
})
