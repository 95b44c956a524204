import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

// Versions of one table for the expand and contract cases, shared by both dialects. V1 is where each starts.

@Entity('post')
export class PostV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Index() @Column({ type: 'text' }) body: string
  @Column({ type: 'text' }) score: string
}

/** body renamed to content (stated by --rename): its index follows it. */
@Entity('post')
export class PostContent {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Index() @Column({ type: 'text' }) content: string
  @Column({ type: 'text' }) score: string
}

/** score, numbers held as text, becomes an integer: a cast that may fail on both databases. */
@Entity('post')
export class PostScore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Index() @Column({ type: 'text' }) body: string
  @Column({ type: 'integer' }) score: number
}

/** Nothing risky: a column added. */
@Entity('post')
export class PostViews {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Index() @Column({ type: 'text' }) body: string
  @Column({ type: 'text' }) score: string
  @Column({ type: 'integer', default: 0 }) views: number
}

@Entity('post')
export class PostTitleCase {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) Title: string
  @Index() @Column({ type: 'text' }) body: string
  @Column({ type: 'text' }) score: string
}
