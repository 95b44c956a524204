import { ViewColumn, ViewEntity } from 'typeorm'
import { quoted } from './database-url'

/** AuthorPostStats counts each author's live posts and their views: a view reading two tables. */
@ViewEntity({
  name: 'author_post_stats',
  expression: `SELECT a.id AS ${quoted('authorId')}, a.name AS ${quoted('authorName')}, COUNT(p.id) AS ${quoted('posts')}, COALESCE(SUM(p.views), 0) AS ${quoted('views')}
    FROM author a
    LEFT JOIN post p ON p.${quoted('authorId')} = a.id AND p.${quoted('deletedAt')} IS NULL
    GROUP BY a.id, a.name`,
})
export class AuthorPostStats {
  @ViewColumn()
  authorId: number

  @ViewColumn()
  authorName: string

  @ViewColumn()
  posts: number

  @ViewColumn()
  views: number
}
