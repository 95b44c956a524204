import { existsSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Alembic names a revision with a message of words (`-m "add user email"`); generate and create take a class
// name, and their one-line refusal offers those words as one: AddUserEmail.

let project: TempProject
beforeAll(() => {
  project = tempProject({ 'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }) })
})
afterAll(() => project?.remove())

it.each([
  [['generate', 'add user email'], 'migration name "add user email" is not a valid class name: use letters, digits and _ (e.g. AddUserEmail)'],
  [['create', 'backfill-slugs'], 'migration name "backfill-slugs" is not a valid class name: use letters, digits and _ (e.g. BackfillSlugs)'],
  [['generate', '2fa secrets'], 'migration name "2fa secrets" is not a valid class name: use letters, digits and _ (e.g. AddPostTags)'],
  // The words typed unquoted, and Alembic's own -m: the same refusal, never "Unknown arguments: user, email".
  [['generate', 'add', 'user', 'email'], 'migration name "add user email" is not a valid class name: use letters, digits and _ (e.g. AddUserEmail)'],
  [['create', 'backfill', 'slugs', '--timestamp', '1700000000000'], 'migration name "backfill slugs" is not a valid class name: use letters, digits and _ (e.g. BackfillSlugs)'],
  [['generate', '-m', 'add user email'], 'Alembic\'s -m "add user email" is the migration name here, one word: typeorm-autogen generate AddUserEmail'],
  [['create', '-m', 'backfill slugs'], 'Alembic\'s -m "backfill slugs" is the migration name here, one word: typeorm-autogen create BackfillSlugs'],
  [['generate', 'AddUserEmail', '--bogus'], 'Unknown argument: bogus (see --help)'],
  [['create', 'café'], 'migration name "café" is not a valid class name: use letters, digits and _ (e.g. BackfillSlugs)'],
])('%j exits 2 with one line, writing nothing', async (args, message) => {
  expect(await runCliInProcess(project.dir, args)).toMatchObject({ code: 2, stdout: '', stderr: `typeorm-autogen: ${message}\n` })
  expect(existsSync(project.file('migrations'))).toBe(false)
})
