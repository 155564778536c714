// A copy of an .xlsx workbook with one cell changed, for the tests of a workbook with a bad cell
// (the node tests and the browser test): the part of the sheet is unzipped with node:zlib, the cell
// of a column (found by its header, a shared string) in a row becomes an inline string, and the zip
// is written again (every entry's sizes and CRC in its local header; no data descriptors).
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** The entries of a zip: [{name, central, local, data}] (headers as copies; data as stored). */
function entries(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const len = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const central = Buffer.from(zip.subarray(at, at + len));
    const name = central.toString("utf8", 46, 46 + central.readUInt16LE(28));
    const l = central.readUInt32LE(42);
    const start = l + 30 + zip.readUInt16LE(l + 26) + zip.readUInt16LE(l + 28);
    out.push({ name, central, local: Buffer.from(zip.subarray(l, start)), data: zip.subarray(start, start + central.readUInt32LE(20)) });
    at += len;
  }
  return out;
}

/** The text of part `name` of a zip. */
export function zipText(zip, name) {
  const e = entries(Buffer.from(zip)).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  return (e.central.readUInt16LE(10) === 8 ? inflateRawSync(e.data) : e.data).toString("utf8");
}

/** The zip with part `name`'s text replaced by `edit(text)`. */
export function editZip(zip, name, edit) {
  const parts = [];
  const directory = [];
  let offset = 0;
  let found = false;
  for (const e of entries(Buffer.from(zip))) {
    if (e.name === name) {
      const raw = Buffer.from(edit(zipText(zip, name)), "utf8");
      e.data = deflateRawSync(raw);
      e.central.writeUInt16LE(8, 10);
      e.central.writeUInt32LE(crc32(raw) >>> 0, 16);
      e.central.writeUInt32LE(e.data.length, 20);
      e.central.writeUInt32LE(raw.length, 24);
      found = true;
    }
    // The local header gets the central directory's flags (without a data descriptor), method,
    // CRC and sizes.
    e.central.writeUInt16LE(e.central.readUInt16LE(8) & ~8, 8);
    e.local.writeUInt16LE(e.central.readUInt16LE(8), 6);
    e.central.copy(e.local, 8, 10, 12);
    e.central.copy(e.local, 14, 16, 28);
    e.central.writeUInt32LE(offset, 42);
    parts.push(e.local, e.data);
    directory.push(e.central);
    offset += e.local.length + e.data.length;
  }
  if (!found) throw new Error(`no part ${name}`);
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** The workbook with the cell of column `header` (a shared-string header in row 1) in row `row`
 *  of sheet part `sheet` (`xl/worksheets/sheet2.xml`) set to the text `value`. */
export function withCell(book, sheet, header, row, value) {
  const strings = [...zipText(book, "xl/sharedStrings.xml").matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1].replace(/<[^>]*>/g, ""));
  const index = strings.indexOf(header);
  return editZip(book, sheet, (xml) => {
    const column = xml.match(new RegExp(`<c r="([A-Z]+)1"[^>]*t="s"[^>]*><v>${index}</v>`))?.[1];
    const cell = new RegExp(`<c r="${column}${row}"[^>]*?(?:/>|>.*?</c>)`);
    if (index < 0 || !column || !cell.test(xml)) throw new Error(`no cell ${header} in row ${row}`);
    return xml.replace(cell, `<c r="${column}${row}" t="inlineStr"><is><t>${value}</t></is></c>`);
  });
}
