/**
 * Reading an input file within a size limit: a file past it is not read at all (its size says enough), so that a
 * 50 MB file costs nothing but its refusal.
 */
import type { CliIo } from './io';

export type LimitedRead = { readonly bytes: Buffer } | { readonly tooLarge: number };

/** The file's bytes, or its size when it is larger than `maxBytes`. Read errors are thrown as `readFile` throws them. */
export function readLimited(io: CliIo, path: string, maxBytes: number): LimitedRead {
  const size = io.fileSize?.(path);
  if (size !== undefined && size > maxBytes) return { tooLarge: size };
  return { bytes: io.readFile(path) };
}
