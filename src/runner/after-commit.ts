import type { QueryRunner } from 'typeorm'

/**
 * afterEachCommit has `then` run each time `queryRunner` commits its transaction, right after the commit (a
 * migration may commit the one TypeORM's runner began), until the function it returns puts the runner's own
 * commit back.
 */
export function afterEachCommit(queryRunner: QueryRunner, then: () => void | Promise<void>): () => void {
  const commit = queryRunner.commitTransaction
  queryRunner.commitTransaction = async () => {
    await commit.call(queryRunner)
    await then()
  }
  return () => void (queryRunner.commitTransaction = commit)
}
