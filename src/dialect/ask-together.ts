/**
 * askTogether asks the database about all `items` in one query and, when it refuses that query, about each item
 * alone, so that one item it cannot answer (an expression it refuses) leaves the others answered. `refused` is the
 * answer for an item the database refuses alone; `ask` answers a batch in its order, or throws.
 */
export async function askTogether<Item, Answer>(
  items: readonly Item[],
  ask: (batch: readonly Item[]) => Promise<readonly Answer[]>,
  refused: (item: Item, err: unknown) => Answer,
): Promise<Answer[]> {
  try {
    return [...(await ask(items))]
  } catch (err) {
    if (items.length === 1) return [refused(items[0]!, err)]
  }
  const answers: Answer[] = []
  for (const item of items) {
    try {
      answers.push((await ask([item]))[0]!)
    } catch (err) {
      answers.push(refused(item, err))
    }
  }
  return answers
}
