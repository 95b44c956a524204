/** PostStatus is the editorial workflow state of a post (stored as `simple-enum`). */
export enum PostStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Published = 'published',
  Archived = 'archived',
}
