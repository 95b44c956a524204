import { DefaultNamingStrategy } from 'typeorm'

/** snakeCase turns `postTags` or `Post tags` into `post_tags`. */
function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
}

/**
 * SnakeJunctionNamingStrategy is TypeORM's default naming, except that many-to-many junction tables
 * and their columns are snake_case: `post_tags(post_id, tag_id)` instead of `post_tags_tag(postId, tagId)`.
 */
export class SnakeJunctionNamingStrategy extends DefaultNamingStrategy {
  override joinTableName(
    firstTableName: string,
    _secondTableName: string,
    firstPropertyName: string,
    _secondPropertyName: string,
  ): string {
    return snakeCase(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}`)
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`)
  }

  override joinTableInverseColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return this.joinTableColumnName(tableName, propertyName, columnName)
  }
}
