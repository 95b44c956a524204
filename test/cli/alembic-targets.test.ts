import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Alembic's revision words work where they mean something here: `upgrade head`, `upgrade +1`, `downgrade -1`,
// `downgrade base`, `--to head`, `stamp head`, `show head`, and the relative `head-1`, `AddViews+1`, `base+1`. Where they do not (`upgrade -1`, `upgrade base`), and
// for Alembic's commands that have no namesake (revision, heads, merge, init), the one-line error says which
// command does it, exit 2, and nothing is applied.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const current = async () => (await cli('current', '-q')).stdout.trim()

beforeAll(async () => {
  project = tempProject({
    'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }),
  })
  for (const [name, timestamp] of [['First', '1700000000000'], ['Second', '1700000001000'], ['Third', '1700000002000']]) {
    expect((await cli('create', name!, '--timestamp', timestamp!)).code).toBe(0)
  }
})
afterAll(() => project?.remove())

/** runsReaching runs each command, which must succeed quietly and leave `current` at the migration given beside it. */
async function runsReaching(steps: [string[], string][]): Promise<void> {
  for (const [args, reached] of steps) {
    const run = await cli(...args)
    expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' })
    expect({ args, current: await current() }).toEqual({ args, current: reached })
  }
}

it('runs upgrade and downgrade to the targets Alembic names them by', async () => {
  await runsReaching([
    [['upgrade', '+1'], 'First1700000000000'],
    [['upgrade', 'head'], 'Third1700000002000'],
    [['downgrade', '-2'], 'First1700000000000'],
    [['upgrade', 'Second'], 'Second1700000001000'],
    [['upgrade', '--to', 'head'], 'Third1700000002000'],
    [['downgrade', 'base'], ''],
    [['upgrade', 'heads'], 'Third1700000002000'],
    [['downgrade', 'First'], 'First1700000000000'],
    [['downgrade', '--to', 'base'], ''],
  ])
})

it('shows and stamps head, the newest migration', async () => {
  expect((await cli('show', 'head')).stdout).toContain('Third1700000002000')
  const stamped = await cli('stamp', 'head')
  expect(stamped.code).toBe(0)
  expect(await current()).toBe('Third1700000002000')
  expect((await cli('downgrade', 'base')).code).toBe(0)
})

// A NAME, head or base followed by +N or -N counts N migrations on or back from it, as Alembic's relative identifiers do.
it('runs upgrade, downgrade and stamp to a migration counted from head, base or a name', async () => {
  await runsReaching([
    [['upgrade', 'base+1'], 'First1700000000000'],
    [['upgrade', 'First+1'], 'Second1700000001000'],
    [['upgrade', 'head'], 'Third1700000002000'],
    [['downgrade', 'head-1'], 'Second1700000001000'],
    [['downgrade', 'Second-1'], 'First1700000000000'],
    [['upgrade', '--to', 'First+2'], 'Third1700000002000'],
    [['downgrade', 'head-3'], ''],
    [['upgrade', 'head'], 'Third1700000002000'],
    [['stamp', 'head-2'], 'First1700000000000'],
    [['stamp', 'head-1'], 'Second1700000001000'],
    [['downgrade', '--to', 'head-2'], 'First1700000000000'],
    [['stamp', 'head-3'], ''],
  ])
  expect((await cli('show', 'head-1')).stdout).toContain('Second1700000001000 [pending]')
})

it.each([
  [['upgrade', 'head+1'], 'head+1 goes past the newest migration, Third1700000002000, which is head itself'],
  [['upgrade', 'Third+1'], 'Third+1 goes past the newest migration, Third1700000002000, which is Third itself'],
  [['downgrade', 'base-1'], 'base-1 goes before base, where no migration has run, which is base itself'],
  [['upgrade', 'First+3'], 'First+3 goes past the newest migration, Third1700000002000, which is 2 steps after First'],
  [['downgrade', 'head-4'], 'head-4 goes before base, where no migration has run, which is 3 steps before head'],
  [['upgrade', 'head-3'], 'head-3 is base, before every migration: `typeorm-autogen downgrade head-3` (or downgrade base) goes there'],
  [['upgrade', '+4'], 'upgrade +4 asks for more than the 3 pending migrations: pass +3, or head to apply them all'],
  [['upgrade', 'Nope+1'], 'no migration matches "Nope": name one of First1700000000000, Second1700000001000, Third1700000002000 (its name, its timestamp, or a unique prefix of either)'],
])('relative target %j exits 2 with one line, applying nothing', async (args, message) => {
  const run = await cli(...args)
  expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
  expect(run.code).toBe(2)
  expect(await current()).toBe('')
})

it('names a count beyond the applied migrations as given, -N', async () => {
  expect((await cli('upgrade', 'First')).code).toBe(0)
  expect(await cli('downgrade', '-2')).toMatchObject({ code: 2, stderr: 'typeorm-autogen: downgrade -2 asks for more than the 1 applied migration: pass -1, or base\n' })
  expect(await current()).toBe('First1700000000000')
  expect((await cli('downgrade', 'base')).code).toBe(0)
})

it.each([
  [['upgrade', '-1'], 'no migration matches "-1" (Alembic\'s relative -1 is `typeorm-autogen downgrade -1` (or downgrade --steps 1)): name one of First1700000000000, Second1700000001000, Third1700000002000 (its name, its timestamp, or a unique prefix of either)'],
  [['downgrade', '+1'], 'no migration matches "+1" (Alembic\'s relative +1 is `typeorm-autogen upgrade +1` (or upgrade --steps 1)): name one of First1700000000000, Second1700000001000, Third1700000002000 (its name, its timestamp, or a unique prefix of either)'],
  [['upgrade', 'base'], 'no migration matches "base" (Alembic\'s base is before every migration: `typeorm-autogen downgrade base` (or --all) goes there): name one of First1700000000000, Second1700000001000, Third1700000002000 (its name, its timestamp, or a unique prefix of either)'],
  [['upgrade', 'head', '--steps', '1'], 'upgrade head and --steps both say how far to go: give one of them'],
  [['downgrade', 'base', '--all'], 'downgrade base and --all both say how far to go: give one of them'],
  [['upgrade', 'latest'], 'no migration matches "latest": name one of First1700000000000, Second1700000001000, Third1700000002000 (its name, its timestamp, or a unique prefix of either)'],
  [['upgrade', 'head', 'extra'], 'Unknown argument: extra (see --help)'],
  [['current', 'head'], 'Unknown argument: head (see --help)'],
])('%j exits 2 with one line saying what does that here, applying nothing', async (args, message) => {
  const run = await cli(...args)
  expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
  expect(run.code).toBe(2)
  expect(await current()).toBe('')
})

it.each([
  [['revision', '--autogenerate', '-m', 'add email'], "Unknown arguments: autogenerate, m, revision: Alembic's revision is `typeorm-autogen create <Name>` here, and revision --autogenerate is `typeorm-autogen generate <Name>`"],
  [['heads'], "Unknown argument: heads: Alembic's heads and branches are `typeorm-autogen status` here: migrations run in timestamp order, so there is one line of them, and `check` names one a merge left out of order"],
  [['merge'], "Unknown argument: merge: Alembic's merge is, after the git merge, `typeorm-autogen hash`, then `typeorm-autogen check`, which names a migration left out of order with the `rebase` that moves it on top"],
  [['init'], 'Unknown argument: init: typeorm-autogen needs no init: it reads the DataSource that -c names (./ormconfig.ts by default)'],
])('Alembic\'s command %j exits 2 with one line naming what does it here', async (args, message) => {
  expect(await cli(...args)).toMatchObject({ code: 2, stdout: '', stderr: `typeorm-autogen: ${message}\n` })
})

it('history -r FROM:TO lists the migrations of that range, both ends included, as Alembic\'s does', async () => {
  expect((await cli('upgrade', 'Second')).code).toBe(0)
  const listed = async (range: string) => {
    const run = await cli('history', '-r', range, '--format', 'json')
    expect({ range, code: run.code, stderr: run.stderr.replace(/^Database: .*\n/, '') }).toEqual({ range, code: 0, stderr: '' })
    return (JSON.parse(run.stdout) as { migrations: { name: string }[] }).migrations.map((m) => m.name.replace(/\d+$/, ''))
  }
  expect(await listed('base:head')).toEqual(['First', 'Second', 'Third'])
  expect(await listed('Second:')).toEqual(['Second', 'Third'])
  expect(await listed(':current')).toEqual(['First', 'Second'])
  expect(await listed('current:head')).toEqual(['Second', 'Third'])
  expect(await listed('head-1:head-1')).toEqual(['Second'])
  expect(await cli('history', '-r', 'Second')).toMatchObject({ code: 2, stderr: expect.stringContaining('typeorm-autogen: history -r Second is no range: give FROM:TO (base:head, AddTags:, :current, head-2:head)\n') })
  expect((await cli('downgrade', 'base')).code).toBe(0)
  // None applied, `:current` is empty: the line says so, not that the project has no migration.
  expect((await cli('history', '-r', ':current', '-q')).stdout).toBe('No migration in the range :current.\n')
})

it('history -i marks head and current, and current -v prints the migration as history --verbose does, as Alembic\'s do', async () => {
  expect((await cli('upgrade', 'First')).code).toBe(0)
  const statusLines = async (...args: string[]) => (await cli(...args)).stdout.split('\n').filter((line) => line.startsWith('['))
  expect(await statusLines('history', '-i', '-q')).toEqual([
    '[applied] First1700000000000 (current)',
    '[pending] Second1700000001000',
    '[pending] Third1700000002000 (head)',
  ])
  expect(await statusLines('history', '-q')).toEqual(['[applied] First1700000000000', '[pending] Second1700000001000', '[pending] Third1700000002000'])
  expect((await cli('upgrade', 'head')).code).toBe(0)
  expect(await statusLines('history', '--indicate-current', '-r', 'head:head', '-q')).toEqual(['[applied] Third1700000002000 (head) (current)'])
  const verbose = await cli('current', '-v', '-q')
  expect(verbose.code).toBe(0)
  expect(verbose.stdout.split('\n').slice(0, 2)).toEqual(['[applied] Third1700000002000', '    file: migrations/1700000002000-Third.ts'])
  expect((await cli('downgrade', 'base')).code).toBe(0)
})
