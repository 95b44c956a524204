import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// iasql checks a load balancer's subnets through a function (PostgreSQL has no foreign key over an array),
// whose body reads subnet.subnet_id. Renaming that column ran, without a word, and from then on every load
// balancer written failed: column "subnet_id" does not exist.

const subnetsExist = `CREATE FUNCTION check_load_balancer_subnets(_subnets text[]) RETURNS boolean LANGUAGE plpgsql AS $$
declare
  _count integer;
begin
  -- a comment naming name does not count
  select count(*) into _count from subnet where subnet_id = any(_subnets);
  return _count = array_length(_subnets, 1);
end;
$$`

@Entity('subnet')
class Subnet {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', nullable: true }) subnet_id: string | null
  @Column({ type: 'varchar', nullable: true }) name: string | null
}

@Entity('subnet')
class SubnetRenamed {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('subnet_id') @Column({ type: 'varchar', nullable: true }) cloud_subnet_id: string | null
  @RenamedFrom('name') @Column({ type: 'varchar', nullable: true }) label: string | null
}

@Entity('vpc_subnet')
@RenamedFrom('subnet')
class SubnetTableRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', nullable: true }) subnet_id: string | null
  @Column({ type: 'varchar', nullable: true }) name: string | null
}

@Entity('subnet')
class SubnetDropped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', nullable: true }) name: string | null
}

@Entity('load_balancer')
@Check('check_load_balancer_subnets', 'check_load_balancer_subnets(subnets)')
class LoadBalancer {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', array: true }) subnets: string[]
}

@Entity('load_balancer')
class LoadBalancerUnchecked {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', array: true }) subnets: string[]
}

// PostGIS's ST_IsValid(geometry, integer) is written in SQL, `SELECT (public.ST_isValidDetail($1, $2)).valid`:
// an extension's function is the extension's to keep working, whatever table of the schema shares its names.
@Entity('st_isvaliddetail')
class Detail {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'boolean', nullable: true }) valid: boolean | null
}

@Entity('st_isvaliddetail')
class DetailRenamed {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('valid') @Column({ type: 'boolean', nullable: true }) ok: boolean | null
}

@Entity('parcel')
@Check('parcel_valid', 'ST_IsValid(outline, 0)')
class Parcel {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'geometry', nullable: true }) outline: string | null
}

describe('postgres: a column that a check\'s function reads', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('checkfunction')
    await db.query(subnetsExist)
    await db.query('CREATE EXTENSION postgis')
    await migrateTo(db, [Subnet, LoadBalancer, Detail, Parcel], 'Init')
    await db.query(`INSERT INTO subnet (subnet_id, name) VALUES ('subnet-a', 'a'); INSERT INTO load_balancer (subnets) VALUES ('{subnet-a}')`)
  })
  afterAll(async () => db?.drop())

  const codesOf = async (entities: Function[]) => (await compareProject(projectFor(db, [...entities, Parcel]))).hazards
    .filter((h) => h.code === 'CHECK_FUNCTION_READS_COLUMN').map((h) => h.message)

  it('is named when renamed: the function names it, not the column its comment names', async () => {
    expect(await codesOf([SubnetRenamed, LoadBalancer])).toEqual([
      'Renames column "public"."subnet"."subnet_id" to "cloud_subnet_id", but check "check_load_balancer_subnets" on "public"."load_balancer" ' +
      'calls a function that names it by its old name: its table\'s inserts and updates fail from then on where the function reads it ' +
      '(does not exist); change the function (CREATE OR REPLACE FUNCTION) to the new name after the rename in up, and back to the old name in down.',
    ])
  })

  it('is named when dropped', async () => {
    expect(await codesOf([SubnetDropped, LoadBalancer])).toEqual([expect.stringMatching(/^Drops column "public"."subnet"."subnet_id", which check "check_load_balancer_subnets" on "public"."load_balancer" calls a function that names:/)])
  })

  it('is named when its table is renamed', async () => {
    expect(await codesOf([SubnetTableRenamed, LoadBalancer])).toEqual([expect.stringMatching(/^Renames table "public"."subnet" to "public"."vpc_subnet", but check "check_load_balancer_subnets" on "public"."load_balancer" calls a function that names it by its old name:/)])
  })

  it('is not named for an extension\'s function, whatever table shares its names', async () => {
    expect(await codesOf([Subnet, LoadBalancer, DetailRenamed])).toEqual([])
  })

  it('is not named when the migration drops the check too', async () => {
    expect(await codesOf([SubnetDropped, LoadBalancerUnchecked])).toEqual([])
  })

  it('is what happens: the migration runs, and the check then refuses a write', async () => {
    await migrateTo(db, [SubnetRenamed, LoadBalancer], 'Rename')
    await expect(db.query(`INSERT INTO load_balancer (subnets) VALUES ('{subnet-a}')`)).rejects.toThrow('column "subnet_id" does not exist')
  })
})
