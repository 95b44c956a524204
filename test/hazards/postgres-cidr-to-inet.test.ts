import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// iasql's security group rule made its cidr_ipv4 column an inet: a TYPE_CAST_MAY_FAIL danger ("fails if a value
// does not convert"), though every cidr is an inet (PostgreSQL casts one to the other without even rewriting
// the table). A macaddr made macaddr8 was one too, though every 6-byte address has its 8-byte form.

@Entity('security_group_rule')
class Rule {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'cidr', nullable: true }) cidrIpv4: string | null
  @Column({ type: 'cidr', array: true, nullable: true }) extraCidrs: string[] | null
  @Column({ type: 'macaddr', nullable: true }) mac: string | null
}

@Entity('security_group_rule')
class RuleInet {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'inet', nullable: true }) cidrIpv4: string | null
  @Column({ type: 'inet', array: true, nullable: true }) extraCidrs: string[] | null
  @Column({ type: 'macaddr8', nullable: true }) mac: string | null
}

describe('postgres: a cidr made inet, a macaddr made macaddr8', () => {
  const database = migratedDatabase(() => createPostgresDatabase('cidrinet'), [Rule],
    `INSERT INTO security_group_rule ("cidrIpv4", "extraCidrs", mac) VALUES
       ('0.0.0.0/0', '{10.0.0.0/8,192.168.1.0/24}', '08:00:2b:01:02:03'), (NULL, NULL, NULL)`)

  it('keeps every value: no danger, the cidr column not even rewritten', async () => {
    const { hazards } = await compareProject(projectFor(database(), [RuleInet]))
    expect(hazards.map((h) => [h.code, h.message.replace(/ from .*/, '')])).toEqual([
      ['TYPE_CHANGE_SAFE', 'Changes "public"."security_group_rule"."cidrIpv4"'],
      ['TYPE_CHANGE_REWRITE', 'Changes "public"."security_group_rule"."extraCidrs"'],
      ['TYPE_CHANGE_REWRITE', 'Changes "public"."security_group_rule"."mac"'],
    ])
  })

  it('migrates and reverts with the rows kept', async () => {
    await expectCleanCycle(database(), [Rule], [RuleInet], 'RuleInet',
      'SELECT "cidrIpv4"::text, "extraCidrs"::text, mac::text FROM security_group_rule ORDER BY id')
  })
})
