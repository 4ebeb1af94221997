import { FixedOffsetZone, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/** Offsets are remembered per quarter hour: time-zone transitions fall on quarter hours (UTC). */
const BUCKET_MS = 15 * 60 * 1000;
/** Bounded: about six weeks of quarter hours per zone, then it starts afresh. */
const MAX_BUCKETS = 4096;

/**
 * An IANA zone whose offsets are remembered. Luxon asks Intl (formatToParts) for a zone's offset
 * every time it needs one, several times for each date it builds or moves in a named zone: about
 * 1 % of a filing turn's CPU. A quarter hour's offset is remembered only when its first and last
 * millisecond have the same one (no transition inside it), so every answer is Intl's.
 */
class OffsetCachingZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly inner: IANAZone) {
    super();
  }

  override get type(): string {
    return this.inner.type;
  }

  override get name(): string {
    return this.inner.name;
  }

  override get isUniversal(): boolean {
    return this.inner.isUniversal;
  }

  override get isValid(): true {
    return true;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.inner.offsetName(ts, options) ?? '';
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const bucket = Math.floor(ts / BUCKET_MS);
    const known = this.offsets.get(bucket);
    if (known !== undefined) return known;
    const offset = this.inner.offset(ts);
    const start = bucket * BUCKET_MS;
    if (this.inner.offset(start) === offset && this.inner.offset(start + BUCKET_MS - 1) === offset) {
      if (this.offsets.size >= MAX_BUCKETS) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/** Names luxon itself reads as something other than an IANA zone. */
const LUXON_SPECIAL_NAMES = new Set(['default', 'local', 'system', 'utc', 'gmt']);

/**
 * The zone to give luxon for a zone name: where luxon would use an IANA zone, the same zone with its
 * offsets remembered (one per name); anything else (UTC, a fixed offset such as "UTC+2", an unknown
 * name) is left to luxon as the name.
 */
export function zoneNamed(name: string): Zone | string {
  const known = zones.get(name);
  if (known) return known;
  const lowered = name.toLowerCase();
  if (LUXON_SPECIAL_NAMES.has(lowered) || FixedOffsetZone.parseSpecifier(lowered) !== null) return name;
  const iana = IANAZone.create(name);
  if (!iana.isValid) return name;
  const zone = new OffsetCachingZone(iana);
  zones.set(name, zone);
  return zone;
}
