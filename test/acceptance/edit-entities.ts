import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  ViewColumn,
  ViewEntity,
  type DataSource,
} from 'typeorm'

// Successive versions of a small schema, one edit apart, shared by the acceptance tests of every dialect.
// Columns without an explicit type rely on emitDecoratorMetadata, as users' entities do.

@Entity('author')
export class AuthorV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50 }) name: string
}

@Entity('post')
export class PostV2 {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @Column({ default: 'draft' }) status: string
  @Column() authorId: number
}

@Entity('author')
export class AuthorV3 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50 }) name: string
  @Column({ type: 'text', nullable: true }) bio: string | null
}

@Entity('author')
export class AuthorV4 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50 }) name: string
  @Column({ type: 'text', nullable: true }) bio: string | null
  @Column({ default: 0 }) rating: number
}

@Entity('author')
export class AuthorV5 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 120 }) name: string
  @Column({ type: 'text', nullable: true }) bio: string | null
  @Column({ type: 'bigint', default: 5 }) rating: number
}

@Entity('author')
@Unique('UQ_author_name', ['name'])
@Check('CHK_author_rating', 'rating >= 0')
export class AuthorV6 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 120 }) name: string
  @Column({ type: 'text', nullable: true }) bio: string | null
  @Column({ type: 'bigint', default: 5 }) rating: number
}

@Entity('post')
@Index('IDX_post_title', ['title'])
export class PostV6 {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @Column({ default: 'draft' }) status: string
  @Column() authorId: number
  @ManyToOne(() => AuthorV6, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author: AuthorV6
}

@Entity('author')
@Unique('UQ_author_name', ['name'])
@Check('CHK_author_rating', 'rating >= 0 AND rating <= 10')
export class AuthorV7 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 120 }) name: string
  @Column({ type: 'text', nullable: true }) bio: string | null
  @Column({ type: 'bigint', default: 5 }) rating: number
}

@Entity('post')
@Index('IDX_post_title', ['title'])
export class PostV7 {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @Column({ default: 'draft' }) status: string
  @Column() authorId: number
  @ManyToOne(() => AuthorV7, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author: AuthorV7
}

@Entity('author')
@Unique('UQ_author_name', ['name'])
@Check('CHK_author_rating', 'rating >= 0 AND rating <= 10')
export class AuthorV8 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 120 }) name: string
  @Column({ type: 'bigint', default: 5 }) rating: number
}

@Entity('post')
@Index('IDX_post_title', ['title'])
export class PostV8 {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @Column({ default: 'draft' }) status: string
  @Column() authorId: number
  @ManyToOne(() => AuthorV8, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author: AuthorV8
}

/** AuthorPosts is a view reading both tables, kept through every later edit of them. */
@ViewEntity({
  name: 'author_posts',
  // Built per dialect, so that "authorId" is quoted as each one quotes names.
  expression: (dataSource: DataSource) => dataSource.createQueryBuilder()
    .select('a.id', 'author_id').addSelect('a.name', 'author_name').addSelect('p.title', 'title')
    .from('author', 'a').innerJoin('post', 'p', `p.${dataSource.driver.escape('authorId')} = a.id`),
})
export class AuthorPosts {
  @ViewColumn() author_id: number
  @ViewColumn() author_name: string
  @ViewColumn() title: string
}
