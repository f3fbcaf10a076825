import { createHash } from 'node:crypto';

/**
 * Deterministic split of the inputs for `--shard i/n`: an input belongs to shard
 * 1 + (first 32 bits of sha256(path)) mod n, so n machines given the same input list each take a
 * share, every input falls in exactly one, and adding files does not move the others.
 */
export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, shard: Shard | null): boolean {
  return !shard || shardOf(path, shard.count) === shard.index;
}
