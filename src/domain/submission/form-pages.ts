// Splitting a department's metrics into form pages: pure arithmetic, shared by the view that
// draws a page and the service that validates the same page.

export function pageCount(itemCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(itemCount / perPage));
}

export function itemsOnPage<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice(page * perPage, (page + 1) * perPage);
}
