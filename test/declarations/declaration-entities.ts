import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'

// Product.channels's junction, product_channels_channel, is declared again by the entity ProductChannel.

@Entity('channel')
export class Channel {
  @PrimaryGeneratedColumn() id!: number
  @Column() name!: string
}

@Entity('product')
export class Product {
  @PrimaryGeneratedColumn() id!: number
  @Column() title!: string
  @ManyToMany(() => Channel)
  @JoinTable()
  channels!: Channel[]
}

/** ProductChannel disagrees with the junction: an `id` key nobody fills, no foreign keys, an extra column. */
@Entity('product_channels_channel')
export class ProductChannel {
  @PrimaryColumn() id!: number
  @Column() productId!: number
  @Column() channelId!: number
  @Column({ nullable: true }) position?: number
}

/** AgreeingProductChannel declares the junction exactly as TypeORM derives it. */
@Entity('product_channels_channel')
export class AgreeingProductChannel {
  @PrimaryColumn() productId!: number
  @PrimaryColumn() channelId!: number
}

// Two junctions on one table: Shop.outlets and Outlet.shops both own `shop_outlet`, keyed in other orders.

@Entity('shop')
export class Shop {
  @PrimaryGeneratedColumn() id!: number
  @ManyToMany(() => Outlet, (outlet) => outlet.shops)
  @JoinTable({ name: 'shop_outlet' })
  outlets!: Outlet[]
}

@Entity('outlet')
export class Outlet {
  @PrimaryGeneratedColumn() id!: number
  @ManyToMany(() => Shop, (shop) => shop.outlets)
  @JoinTable({ name: 'shop_outlet' })
  shops!: Shop[]
}
