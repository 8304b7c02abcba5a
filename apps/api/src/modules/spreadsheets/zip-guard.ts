// An uploaded .xlsx is a ZIP archive. Before exceljs (JSZip) inflates it, this reads the ZIP's
// central directory itself and inflates every entry with a hard output limit, so that a zip bomb
// (a small file that unpacks to gigabytes, or entries whose declared sizes lie) is refused before
// any unbounded allocation. No dependency: the format is simple (APPNOTE.TXT 4.3).
import { inflateRawSync } from 'node:zlib';
import { SPREADSHEET_MAX_UNCOMPRESSED_BYTES } from '@zeren/contracts';
import { DomainError } from '../../http/errors';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;

export const notAWorkbook = (detail = '') =>
  new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    `文件不是有效的 Excel 工作簿（.xlsx）${detail}，请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再上传`,
  );

const tooLargeUnpacked = () =>
  new DomainError(
    'PAYLOAD_TOO_LARGE',
    `工作簿解压后超过 ${SPREADSHEET_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB，已拒绝（可能是异常文件）；请拆分后分批导入`,
  );

/** What the old binary formats start with: .xls and other OLE2 files. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface ZipEntryInfo {
  name: string;
  uncompressedSize: number;
}

/**
 * Checks that `bytes` is a ZIP archive whose entries inflate to what they declare, at most
 * `maxTotal` bytes together. Throws 415 (not a workbook) or 413 (too large unpacked).
 */
export function checkZipArchive(
  bytes: Buffer,
  maxTotal = SPREADSHEET_MAX_UNCOMPRESSED_BYTES,
): ZipEntryInfo[] {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2)) {
    throw notAWorkbook('（这是旧版 .xls 或加密的文件）');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL_SIGNATURE) throw notAWorkbook();

  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAWorkbook('（文件不完整）');
  const entryCount = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw notAWorkbook('（不支持 ZIP64）');
  if (entryCount > MAX_ENTRIES) throw notAWorkbook('（内部文件过多）');
  if (directoryOffset + directorySize > eocd) throw notAWorkbook('（文件已损坏）');

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notAWorkbook('（文件已损坏）');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw notAWorkbook('（文件已加密）');
    if (method !== 0 && method !== 8) throw notAWorkbook('（不支持的压缩方式）');
    total += uncompressedSize;
    if (total > maxTotal) throw tooLargeUnpacked();

    // The data follows the local header; inflate it with a hard limit of the declared size.
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
      throw notAWorkbook('（文件已损坏）');
    }
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw notAWorkbook('（文件已损坏）');
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    let actualSize: number;
    if (method === 0) actualSize = data.length;
    else {
      try {
        actualSize = inflateRawSync(data, { maxOutputLength: Math.max(1, uncompressedSize) }).length;
      } catch (error) {
        // ERR_BUFFER_TOO_LARGE: the entry unpacks to more than it declares — a bomb, or damage.
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeUnpacked();
        throw notAWorkbook('（文件已损坏）');
      }
    }
    if (actualSize !== uncompressedSize) throw notAWorkbook('（文件已损坏）');
    entries.push({ name, uncompressedSize });
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw notAWorkbook();
  return entries;
}
