import 'reflect-metadata'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource, type DataSourceOptions } from 'typeorm'
import { AuthorPostStats } from './entities/author-post-stats.view'
import { AuthorProfile } from './entities/author-profile.entity'
import { Author } from './entities/author.entity'
import { BlogPost } from './entities/blog-post.entity'
import { BookAuthor } from './entities/book-author.entity'
import { mysqlType } from './entities/database-url'
import { Book } from './entities/book.entity'
import { Comment } from './entities/comment.entity'
import { SnakeJunctionNamingStrategy } from './entities/naming-strategy'
import { PodcastEpisode } from './entities/podcast-episode.entity'
import { Post } from './entities/post.entity'
import { Publisher } from './entities/publisher.entity'
import { Tag } from './entities/tag.entity'

const DEFAULT_SQLITE_FILE = '.data/app.sqlite'

// Migrations are SQL of one database, so each database keeps its own folder.
const migrationsDir = !process.env.DATABASE_URL ? 'migrations/sqlite'
  : mysqlType(process.env.DATABASE_URL) ? 'migrations/mysql'
  : 'migrations/postgres'

const common = {
  entities: [Author, AuthorProfile, Publisher, Post, BlogPost, PodcastEpisode, Tag, Comment, Book, BookAuthor, AuthorPostStats],
  migrations: [`${migrationsDir}/*.ts`],
  namingStrategy: new SnakeJunctionNamingStrategy(),
  synchronize: false,
  logging: false,
}

function options(): DataSourceOptions {
  const url = process.env.DATABASE_URL
  const mysql = mysqlType(url)
  if (url && mysql) return { type: mysql, url, ...common }
  if (url) return { type: 'postgres', url, ...common }
  const database = process.env.AUTOGEN_SQLITE_FILE ?? DEFAULT_SQLITE_FILE
  // better-sqlite3 does not create missing folders; `.data/` is git-ignored and may not exist yet.
  if (database === DEFAULT_SQLITE_FILE) mkdirSync(dirname(database), { recursive: true })
  return { type: 'better-sqlite3', database, ...common }
}

/** autogen tells typeorm-autogen where this project keeps its migrations. */
export const autogen = { migrationsDir }

export default new DataSource(options())
