import { ViewColumn, ViewEntity } from 'typeorm'

/** AuthorPostStats counts each author's live posts and their views: a view reading two tables. */
@ViewEntity({
  name: 'author_post_stats',
  expression: `SELECT a.id AS "authorId", a.name AS "authorName", COUNT(p.id) AS "posts", COALESCE(SUM(p.views), 0) AS "views"
    FROM author a
    LEFT JOIN post p ON p."authorId" = a.id AND p."deletedAt" IS NULL
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
