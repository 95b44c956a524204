import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

// Arrays of numbers whose elements `up` gives decimal places and more significant digits: `down` would round them back.

/** sampleEntity is the table `sample` as each side of the migration declares it. */
export function sampleEntity(widened: boolean): Function {
  @Entity('sample')
  class Sample {
    @PrimaryGeneratedColumn() id: number
    @Column(widened ? { type: 'numeric', precision: 10, scale: 2, array: true } : { type: 'integer', array: true }) counts: string[]
    @Column({ type: widened ? 'double precision' : 'real', array: true }) levels: number[]
  }
  return Sample
}
