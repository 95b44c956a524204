import * as fs from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// A mistyped command or option, or a NAME left out, is refused before anything loads, with one line that says what
// to type (exit 2). yargs said `Unknown argument: upgrad (see --help)`, listed a mistyped option twice
// (`fromm-migrations, frommMigrations`), and counted "non-option arguments" for a missing NAME.

let project: TempProject
beforeAll(() => {
  project = tempProject()
})
afterAll(() => project.remove())

it.each([
  [['upgrad'], 'Unknown argument: upgrad: did you mean `typeorm-autogen upgrade`?'],
  [['genrate', 'AddTags'], 'Unknown arguments: genrate, AddTags: did you mean `typeorm-autogen generate`?'],
  [['hist', '-i'], 'Unknown arguments: i, hist: did you mean `typeorm-autogen history`?'],
  [['st'], 'Unknown argument: st (see --help)'], // status or stamp: neither is named
  [['check', '--fromm-migrations'], 'Unknown argument: fromm-migrations: did you mean `--from-migrations`?'],
  [['upgrade', '--dryrun'], 'Unknown argument: dryrun: did you mean `--dry-run`?'],
  [['check', '--fail-of', 'danger'], 'Unknown argument: fail-of: did you mean `--fail-on`?'],
  [['upgrade', '--x'], 'Unknown argument: x (see --help)'],
  [['current', 'hel'], 'Unknown argument: hel (see --help)'], // a word, not an option: --help is not meant
  [['upgrade', '--dryrun', '--too', 'head'], 'Unknown arguments: dryrun, too (see --help)'],
  [['show'], 'show needs a migration NAME (its name, timestamp or a unique prefix; head for the newest: e.g. typeorm-autogen show head) (see --help)'],
  [['stamp', '--force'], 'stamp needs a migration NAME (its name, timestamp or a unique prefix; head for the newest, base for none: e.g. typeorm-autogen stamp head) (see --help)'],
  [['rebase'], 'rebase needs a migration NAME (its name, timestamp, a unique prefix or its file name: e.g. typeorm-autogen rebase AddTags) (see --help)'],
])('%j exits 2 with one line saying what to type', async (args, message) => {
  expect(await runCliInProcess(project.dir, args)).toEqual({ code: 2, stdout: '', stderr: `typeorm-autogen: ${message}\n` })
  expect(fs.readdirSync(project.dir)).toEqual(['node_modules'])
})
