import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// On the built CLI: a conflicting declaration makes `check` exit 1 even when the database matches the
// declaration the diff follows, and `generate` repeats it when it has nothing to write.

const entities = `
import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
@Entity('channel') export class Channel { @PrimaryGeneratedColumn() id: number }
@Entity('product') export class Product {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Channel) @JoinTable() channels: Channel[]
}
@Entity('product_channels_channel') export class ProductChannel {
  @PrimaryColumn() id: number
  @Column() productId: number
  @Column() channelId: number
}
`

let project: TempProject
beforeAll(() => {
  project = tempProject({ 'entities.ts': entities })
  project.write('ormconfig.ts', sqliteConfig({
    imports: "import { Channel, Product, ProductChannel } from './entities'",
    entities: '[Channel, Product, ProductChannel]',
    options: "migrations: ['migrations/*.ts'],",
  }))
})
afterAll(() => project.remove())

const cli = (...args: string[]) => runCliInProcess(project.dir, args)

it('reports DECLARATION_CONFLICT in generate, diff --format json and check, and check exits 1 while it lasts', async () => {
  const generated = await cli('generate', 'Init', '--timestamp', '1700000000000')
  expect(generated.code).toBe(0)
  expect(generated.stdout).toContain('DECLARATION_CONFLICT (danger): "product_channels_channel" is declared by @Entity ProductChannel and by @JoinTable of Product.channels')
  expect((await cli('upgrade')).code).toBe(0)

  const json = JSON.parse((await cli('diff', '--format', 'json')).stdout)
  expect(json.operations).toEqual([])
  expect(json.hazards.map((h: { code: string }) => h.code)).toEqual(['DECLARATION_CONFLICT'])
  expect(json.hazards[0].message).toContain('writes through Product.channels fail, because id is NOT NULL with no default')

  const check = await cli('check')
  expect(check.code).toBe(1)
  expect(check.stderr).toContain('the entities declare a table or an enum type twice, differently')
  expect(check.stdout).toContain('- DECLARATION_CONFLICT (danger):')

  const again = await cli('generate', 'Again', '--timestamp', '1700000001000')
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('No changes')
  expect(again.stderr).toContain('warning: DECLARATION_CONFLICT (danger):')
})
