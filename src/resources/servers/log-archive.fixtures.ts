// Reads a download-logs archive back in tests. The archive is built with stored (uncompressed) entries and
// node:zlib's crc32, so reading it needs no zip library: walk the central directory, check each file's CRC.
import { crc32 } from 'node:zlib';

/** The archive's files by name, in archive order; throws on anything that is not a well-formed stored zip. */
export function unzipStored(zip: Buffer): Map<string, string> {
  const endAt = zip.length - 22;
  if (zip.readUInt32LE(endAt) !== 0x06054b50) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    if (zip.readUInt16LE(at + 10) !== 0) throw new Error(`entry ${i} is compressed`);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}`);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}
