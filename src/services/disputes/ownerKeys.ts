import { createHash } from 'node:crypto';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A short, key-safe stand-in for an owner id (Teams ids and emails hold any character).
 * 64 bits: collisions are not a security matter because every read also checks dispute.ownerId.
 */
export function ownerKeyPart(ownerId: string): string {
  return sha256Hex(ownerId).slice(0, 16);
}

/** Binds the key to its owner, so two owners using the same idempotency key never meet. */
export function idempotencyKeyPart(ownerId: string, idempotencyKey: string): string {
  return sha256Hex(`${ownerId.length}:${ownerId}:${idempotencyKey}`);
}
