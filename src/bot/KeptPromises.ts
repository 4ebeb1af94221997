/**
 * Values made once per key and handed out again, at most `capacity` of them (the oldest made is
 * dropped first). A making that fails is not kept, so the next caller tries again.
 */
export class KeptPromises<T> {
  private readonly kept = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.kept.get(key);
    if (known) return known;
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value as string);
    const made = make();
    this.kept.set(key, made);
    made.catch(() => {
      if (this.kept.get(key) === made) this.kept.delete(key);
    });
    return made;
  }
}
