// Helpers for the spreadsheet tests: raw-byte HTTP (uploads and downloads), workbooks built with
// exceljs as an office would fill them in, an empty organisation with only an administrator, and
// a hand-made ZIP (for archives exceljs would never write: bombs, lying sizes).
import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { SPREADSHEET_MIME_TYPE } from '@zeren/contracts';
import ExcelJS from 'exceljs';
import type { Db } from '../../src/db/database';
import { hashPassword } from '../../src/lib/passwords';
import { FIXTURE_PASSWORD } from './fixtures';

export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: unknown;
}

/** A session (cookie) that sends and receives raw bytes. */
export class ByteClient {
  private cookie: string | undefined;
  constructor(private readonly baseUrl: string) {}

  async login(username: string, password = FIXTURE_PASSWORD) {
    const res = await this.send(
      'POST',
      '/api/auth/login',
      JSON.stringify({ username, password }),
      'application/json',
    );
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return this;
  }

  async send(
    method: string,
    path: string,
    body?: Uint8Array | string,
    contentType?: string,
  ): Promise<RawResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(method === 'GET' ? {} : { 'x-requested-with': 'zeren' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const bytes = Buffer.from(await res.arrayBuffer());
    const isJson = res.headers.get('content-type')?.includes('json');
    return {
      status: res.status,
      headers: res.headers,
      bytes,
      json: isJson && bytes.length ? JSON.parse(bytes.toString()) : undefined,
    };
  }

  get = (path: string) => this.send('GET', path);
  upload = (path: string, bytes: Uint8Array, contentType = SPREADSHEET_MIME_TYPE) =>
    this.send('POST', path, bytes, contentType);
}

/** Values of a workbook's sheet as rows of cells (header first), as exceljs reads them. */
export async function readRows(bytes: Uint8Array, sheetName: string): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

/** Builds an .xlsx: sheet name → rows (first row the header). A cell `{ formula }` is a formula. */
export async function buildWorkbook(
  sheets: Record<string, readonly (readonly unknown[])[]>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as unknown[]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An organisation with nothing but its settings and one administrator (to import into). */
export async function createEmptyOrganisation(db: Db) {
  const suffix = randomUUID().slice(0, 8);
  const organisation = await db.organisation.create({
    data: { code: `empty-${suffix}`, name: `空白单位-${suffix}` },
  });
  await db.organisationSettings.create({ data: { organisationId: organisation.id } });
  const person = await db.person.create({
    data: { organisationId: organisation.id, employeeNo: `ADM-${suffix}`, name: '导入管理员' },
  });
  const username = `import-admin-${suffix}`;
  await db.userAccount.create({
    data: {
      organisationId: organisation.id,
      personId: person.id,
      username,
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
      roles: ['ADMIN'],
    },
  });
  return { organisationId: organisation.id, adminPersonId: person.id, username };
}

/** A ZIP archive of the given entries (deflated), optionally declaring other uncompressed sizes. */
export function buildZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // crc: not checked by the guard
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
