import type { MigrationInterface, QueryRunner } from 'typeorm'

// The helpdesk app's own migrations, written by hand over the years as such migrations are: names of
// their authors' choosing (some copied from TypeORM output and edited, one TypeORM name given to the wrong
// table), IF NOT EXISTS, an index duplicated by a later migration, an expression index the entities
// cannot declare, a table without a primary key.

async function run(queryRunner: QueryRunner, sql: string): Promise<void> {
  for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await queryRunner.query(statement)
}

export class Init1693891895163 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
      CREATE TABLE IF NOT EXISTS "account" (
        "id" uuid DEFAULT uuid_generate_v4() PRIMARY KEY,
        "name" varchar(100) NOT NULL,
        "email" varchar(255) NOT NULL UNIQUE,
        "tempToken" text NULL,
        "tokenExpiry" timestamp NULL,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        "updatedDate" timestamp NOT NULL DEFAULT now(),
        "createdBy" uuid NULL,
        "updatedBy" uuid NULL,
        CONSTRAINT "fk_createdBy" FOREIGN KEY ("createdBy") REFERENCES "account" ("id"),
        CONSTRAINT "fk_updatedBy" FOREIGN KEY ("updatedBy") REFERENCES "account" ("id"));
      CREATE TABLE IF NOT EXISTS "flow" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "name" varchar NOT NULL,
        "flowData" text NOT NULL,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        CONSTRAINT "PK_3c7cea7d047ac4b91764574cdbf" PRIMARY KEY ("id"));
      CREATE TABLE IF NOT EXISTS "message" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "role" varchar NOT NULL,
        "flowId" uuid NOT NULL,
        "content" text NOT NULL,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        CONSTRAINT "PK_3cc0d85193aade457d3077dd06b" PRIMARY KEY ("id"));
      CREATE INDEX IF NOT EXISTS "IDX_6638a51296f0db3d21f23f6528" ON "message" ("flowId")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `DROP TABLE "message"; DROP TABLE "flow"; DROP TABLE "account"`)
  }
}

export class AddChatHistory1694658756136 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "message" ADD COLUMN IF NOT EXISTS "chatType" varchar NOT NULL DEFAULT 'INTERNAL'`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "message" DROP COLUMN "chatType"`)
  }
}

export class AddFeedback1707213601923 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      CREATE TABLE IF NOT EXISTS "feedback" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "flowId" uuid NOT NULL,
        "messageId" uuid NOT NULL,
        "rating" varchar NOT NULL,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_326c785b6f3c1c5c7eb8c2ed137" UNIQUE ("messageId"),
        CONSTRAINT "PK_98419043dd704f54-9830ab78f9" PRIMARY KEY ("id"))`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "feedback"`)
  }
}

export class FieldTypes1710497452584 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // Meant for feedback, the first one went to message, which had that index already.
    await run(queryRunner, `
      CREATE INDEX IF NOT EXISTS "IDX_2e8d7a6cb1170d8018044f83b5" ON "message" ("flowId");
      CREATE INDEX IF NOT EXISTS "IDX_2e8d7a6cb1170d8018044f83b6" ON "feedback" ("flowId");
      CREATE INDEX IF NOT EXISTS "IDX_flow_name" ON "flow" (SUBSTRING("name" FROM 1 FOR 255))`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      DROP INDEX "IDX_flow_name"; DROP INDEX "IDX_2e8d7a6cb1170d8018044f83b6"; DROP INDEX "IDX_2e8d7a6cb1170d8018044f83b5"`)
  }
}

export class AddTickets1711637331047 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      CREATE TYPE "ticket_state" AS ENUM ('open', 'pending', 'closed');
      CREATE TABLE "ticket" (
        "id" serial CONSTRAINT "ticket_pk" PRIMARY KEY,
        "email" varchar(255) NOT NULL,
        "priority" integer NOT NULL DEFAULT 0,
        "status" "ticket_state" NOT NULL DEFAULT 'open',
        "deletedAt" timestamp NULL,
        CONSTRAINT "ticket_priority_ck" CHECK ("priority" >= 0));
      CREATE UNIQUE INDEX "ticket_email_live" ON "ticket" ("email") WHERE "deletedAt" IS NULL;
      CREATE TABLE "tag" ("id" serial PRIMARY KEY, "label" varchar(50) NOT NULL);
      CREATE TABLE "flow_tags" (
        "flowId" uuid NOT NULL,
        "tagId" integer NOT NULL,
        CONSTRAINT "flow_tags_pkey" PRIMARY KEY ("flowId", "tagId"),
        CONSTRAINT "flow_tags_flow_fk" FOREIGN KEY ("flowId") REFERENCES "flow" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
        CONSTRAINT "flow_tags_tag_fk" FOREIGN KEY ("tagId") REFERENCES "tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
      CREATE INDEX "flow_tags_flow_idx" ON "flow_tags" ("flowId");
      CREATE INDEX "flow_tags_tag_idx" ON "flow_tags" ("tagId")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `DROP TABLE "flow_tags"; DROP TABLE "tag"; DROP TABLE "ticket"; DROP TYPE "ticket_state"`)
  }
}

export class AddWorkspaces1720230151484 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      CREATE TABLE IF NOT EXISTS "workspace" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "name" varchar(100) NOT NULL,
        "createdBy" uuid NOT NULL,
        CONSTRAINT "PK_98719043dd804f55-9830ab99f8" PRIMARY KEY ("id"),
        CONSTRAINT "fk_createdBy" FOREIGN KEY ("createdBy") REFERENCES "account" ("id"));
      ALTER TABLE "flow" ADD COLUMN IF NOT EXISTS "workspaceId" uuid;
      ALTER TABLE "flow" ADD CONSTRAINT "fk_flow_workspaceId" FOREIGN KEY ("workspaceId") REFERENCES "workspace" ("id");
      CREATE INDEX IF NOT EXISTS "idx_flow_workspaceId" ON "flow" ("workspaceId")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      DROP INDEX "idx_flow_workspaceId"; ALTER TABLE "flow" DROP CONSTRAINT "fk_flow_workspaceId";
      ALTER TABLE "flow" DROP COLUMN "workspaceId"; DROP TABLE "workspace"`)
  }
}

export class AddExecutionAndKeys1738090872625 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      CREATE TABLE IF NOT EXISTS "execution" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "state" varchar NOT NULL,
        "sessionId" varchar NOT NULL,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        CONSTRAINT "PK_936a419c3b8044598d72d95da61" PRIMARY KEY ("id"));
      ALTER TABLE "message" ADD COLUMN IF NOT EXISTS "executionId" uuid;
      CREATE TABLE IF NOT EXISTS "login_activity" (
        "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
        "username" text NOT NULL,
        "activity_code" integer NOT NULL,
        "attemptedDateTime" timestamp NOT NULL DEFAULT now());
      CREATE TABLE IF NOT EXISTS "api_key" (
        "id" varchar(20) NOT NULL,
        "keyName" text NOT NULL,
        "updatedDate" timestamp NOT NULL DEFAULT now(),
        CONSTRAINT "PK_96109043dd704f53-9830ab78f0" PRIMARY KEY ("id"))`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, `
      DROP TABLE "api_key"; DROP TABLE "login_activity"; ALTER TABLE "message" DROP COLUMN "executionId"; DROP TABLE "execution"`)
  }
}

/** helpdeskMigrations are the helpdesk project's migrations, listed as classes as its DataSource lists them. */
export const helpdeskMigrations = [
  Init1693891895163,
  AddChatHistory1694658756136,
  AddFeedback1707213601923,
  FieldTypes1710497452584,
  AddTickets1711637331047,
  AddWorkspaces1720230151484,
  AddExecutionAndKeys1738090872625,
]
