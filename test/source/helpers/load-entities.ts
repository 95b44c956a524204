import { type EntityReadResult, readEntities } from '../../../src/source/entity-metadata'
import { type LoadedProject, loadProject } from '../../../src/source/load-config'
import type { TableModel } from '../../../src/model/schema-model'
import type { TempProject } from '../../support/temp-project'

/** ReadProject is a temp project loaded through loadProject and read through readEntities. */
export interface ReadProject extends EntityReadResult {
  readonly loaded: LoadedProject
  table(name: string): TableModel
}

/** readProject loads `ormconfig.ts` of a temp project and reads its entities. */
export async function readProject(project: TempProject, config = 'ormconfig.ts'): Promise<ReadProject> {
  const loaded = await loadProject(project.file(config))
  const result = await readEntities(loaded.dataSource)
  return {
    ...result,
    loaded,
    table(name) {
      const found = result.model.tables.find((t) => t.name === name)
      if (found === undefined) throw new Error(`no table ${name} in the model`)
      return found
    },
  }
}
