import { cacheWritesDone } from '../../../src/source/cache-writes'
import { type TempProject, tempProject } from '../../support/temp-project'

/**
 * tempProjectsRemovedAfterEach registers an afterEach that removes the temp projects a test made (once the
 * transpile cache's writes into them are done), and returns the function that makes them.
 */
export function tempProjectsRemovedAfterEach(): (files: Record<string, string>) => TempProject {
  let made: TempProject[] = []
  afterEach(async () => {
    await cacheWritesDone()
    for (const project of made) project.remove()
    made = []
  })
  return (files) => {
    const project = tempProject(files)
    made.push(project)
    return project
  }
}
