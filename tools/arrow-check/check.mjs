// Reads an Arrow IPC file or a Parquet file with readers independent of crema and prints what they
// see as JSON on stdout: schema, key-value metadata and every column's values per record batch or
// row group. Numbers that JSON cannot carry (NaN, ±Infinity, 64-bit integers) are printed as strings.
//   node check.mjs arrow FILE
//   node check.mjs parquet FILE
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { RecordBatchReader, makeVector } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';

const [mode, file] = process.argv.slice(2);

function num(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Object.is(v, -0)) return '-0'; // JSON would print 0 and lose the sign
  return v;
}

function arrow(path) {
  const bytes = readFileSync(path);
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
      const data = vector.data[0];
      if (data.children && data.children.length === 1 && data.valueOffsets) {
        const content = makeVector(data.children[0]);
        columns[f.name] = {
          nullCount: data.nullCount,
          offsets: Array.from(data.valueOffsets, Number),
          values: Array.from(content, num),
        };
      } else {
        columns[f.name] = { nullCount: data.nullCount, values: Array.from(vector, num) };
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

const result = mode === 'arrow' ? arrow(file) : await parquet(file);
process.stdout.write(JSON.stringify(result));
