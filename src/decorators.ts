/**
 * typeorm-autogen/decorators: the decorators entities use, without the tool. It loads nothing but
 * themselves (no TypeORM, no driver, no CLI), so an app may import it at run time with typeorm-autogen
 * installed as a development dependency only if its build does not ship the import (see the README).
 */
export { RenamedFrom } from './source/renamed-from'
export { RenamedLabel } from './source/renamed-label'
