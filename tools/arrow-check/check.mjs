// Reads an Arrow IPC file or a Parquet file with readers independent of crema and prints what they
// see as JSON on stdout: schema, key-value metadata and every column's values per record batch or
// row group. Numbers that JSON cannot carry (NaN, ±Infinity, 64-bit integers) are printed as strings.
//   node check.mjs arrow FILE          Arrow IPC through apache-arrow
//   node check.mjs parquet FILE        Parquet through hyparquet (pure JavaScript)
//   node check.mjs parquet-arrow FILE  Parquet through parquet-wasm (the Rust arrow-rs reader) into
//                                      Arrow, so the Parquet → Arrow type mapping is checked too
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DataType, RecordBatchReader, makeVector } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { readParquet } from 'parquet-wasm';

const [mode, file] = process.argv.slice(2);

function num(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Object.is(v, -0)) return '-0'; // JSON would print 0 and lose the sign
  return v;
}

function arrow(bytes) {
  const reader = RecordBatchReader.from(bytes);
  reader.open();
  const schema = reader.schema;
  const out = {
    isFile: reader.isFile(),
    metadata: Object.fromEntries(schema.metadata),
    fields: schema.fields.map((f) => ({
      name: f.name,
      type: String(f.type),
      nullable: f.nullable,
      children: (f.type.children || []).map((c) => ({ name: c.name, type: String(c.type), nullable: c.nullable })),
    })),
    batches: [],
  };
  for (const batch of reader) {
    const columns = {};
    schema.fields.forEach((f, i) => {
      const vector = batch.getChildAt(i);
      if (DataType.isList(f.type)) {
        // A list vector is read through its own offsets and child, not per row, so the test sees
        // the offsets exactly as stored.
        const offsets = [];
        const values = [];
        for (const data of vector.data) {
          const base = values.length;
          const o = data.valueOffsets || new Int32Array([0]);
          for (let k = offsets.length === 0 ? 0 : 1; k <= data.length; k++) offsets.push(base + o[k] - o[0]);
          if (data.length > 0) {
            const content = makeVector(data.children[0]);
            for (let k = o[0]; k < o[data.length]; k++) values.push(num(content.get(k)));
          }
        }
        if (offsets.length === 0) offsets.push(0);
        columns[f.name] = { nullCount: vector.nullCount, offsets, values };
      } else {
        columns[f.name] = { nullCount: vector.nullCount, values: Array.from(vector, num) };
      }
    });
    out.batches.push({ numRows: batch.numRows, columns });
  }
  return out;
}

// hyparquet decodes Snappy itself; GZIP pages go through node's own zlib.
const compressors = { GZIP: (input) => new Uint8Array(gunzipSync(input)) };

async function parquet(path) {
  const b = readFileSync(path);
  const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  const meta = parquetMetadata(file);
  const schema = parquetSchema(meta);
  const out = {
    numRows: num(meta.num_rows),
    createdBy: meta.created_by,
    metadata: Object.fromEntries((meta.key_value_metadata || []).map((kv) => [kv.key, kv.value])),
    schema: meta.schema.map((s) => ({
      name: s.name,
      type: s.type ?? null,
      repetition: s.repetition_type ?? null,
      convertedType: s.converted_type ?? null,
      numChildren: s.num_children ?? null,
    })),
    rowGroups: [],
  };
  let rowStart = 0;
  for (const rg of meta.row_groups) {
    const n = Number(rg.num_rows);
    const rows = n === 0 ? [] : await parquetReadObjects({ file, rowStart, rowEnd: rowStart + n, compressors });
    const columns = {};
    for (const child of schema.children) {
      const name = child.element.name;
      columns[name] = rows.map((r) => (Array.isArray(r[name]) ? r[name].map(num) : num(r[name])));
    }
    out.rowGroups.push({ numRows: n, columns, codecs: rg.columns.map((c) => c.meta_data.codec) });
    rowStart += n;
  }
  return out;
}

const result =
  mode === 'arrow' ? arrow(readFileSync(file))
  : mode === 'parquet-arrow' ? arrow(readParquet(new Uint8Array(readFileSync(file))).intoIPCStream())
  : await parquet(file);
process.stdout.write(JSON.stringify(result));
