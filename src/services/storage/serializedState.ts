/**
 * A state object's stored form (its JSON without the eTag), handed between the store and the change
 * detection so the same ~2 KB is not stringified again. Two separate hand-overs, each taken once:
 * what the store read (for the change detection's first snapshot) and what the change detection
 * compared just before writing (for the store's write). Absent, each side stringifies.
 */
const read = new WeakMap<object, string>();
const toWrite = new WeakMap<object, string>();

/** The store, on reading an item: the JSON it was parsed from. */
export function leaveReadJson(item: object, json: string): void {
  read.set(item, json);
}

export function takeReadJson(item: object): string | undefined {
  return take(read, item);
}

/** The change detection, just before writing an item: its JSON as compared (valid for this write only). */
export function leaveJsonToWrite(item: object, json: string): void {
  toWrite.set(item, json);
}

export function takeJsonToWrite(item: object): string | undefined {
  return take(toWrite, item);
}

function take(from: WeakMap<object, string>, item: object): string | undefined {
  const json = from.get(item);
  if (json !== undefined) from.delete(item);
  return json;
}
