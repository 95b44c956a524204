import { ChildEntity, Column } from 'typeorm'
import { Post } from './post.entity'

/** PodcastEpisode is an audio post (single-table child of Post, discriminator `podcast`). */
@ChildEntity('podcast')
export class PodcastEpisode extends Post {
  @Column({ type: 'varchar', length: 500, nullable: true })
  audioUrl: string | null

  @Column({ type: 'integer', nullable: true })
  durationSeconds: number | null

  @Column({ type: 'integer', nullable: true })
  episodeNumber: number | null
}
