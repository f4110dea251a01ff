// Moving one item of an ordered list up or down, for lists kept in order by a position column.

/**
 * Swaps the item with its neighbour and saves every position from 0 (which also repairs gaps
 * and duplicates left by deletions). Returns false when the item is unknown or already at that end.
 */
export async function moveItem<T extends { id: string }>(
  items: T[],
  id: string,
  direction: 'up' | 'down',
  save: (id: string, position: number) => Promise<unknown>,
) {
  const index = items.findIndex((i) => i.id === id)
  const target = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || target < 0 || target >= items.length) return false
  const order = items.map((i) => i.id)
  ;[order[index], order[target]] = [order[target]!, order[index]!]
  for (const [position, itemId] of order.entries()) await save(itemId, position)
  return true
}
