import { parseDisputeId } from '../../services/disputes/disputeId';

/** A dispute reference typed anywhere in a message ("open fpd-7k2m..."), normalised; else undefined. */
export function findDisputeId(text: string): string | undefined {
  const match = /\bfpd[\s-]*[0-9a-z]{10}\b/i.exec(text);
  return match ? parseDisputeId(match[0]) : undefined;
}
