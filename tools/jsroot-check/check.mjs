// Reads a ROOT file with JSROOT (an independent reader) and prints, as JSON, every key (directories
// walked recursively), every TH1/TH2 with its axes, contents, Σw² and statistics, and for every TTree
// the per-branch statistics in the layout of crema's StatsJson (entries, totalCount, sum, min, max).
// Usage: node check.mjs <file.root>
import { openFile } from 'jsroot';
import { TSelector, treeProcess } from 'jsroot/tree';

const path = process.argv[2];
if (!path) {
  console.error('usage: node check.mjs <file.root>');
  process.exit(2);
}

function axis(a) {
  return {
    name: a.fName, title: a.fTitle, nbins: a.fNbins, xmin: a.fXmin, xmax: a.fXmax,
    xbins: Array.from(a.fXbins ?? []),
  };
}

function hist(h) {
  const out = {
    className: h._typename, name: h.fName, title: h.fTitle, ncells: h.fNcells,
    entries: h.fEntries, tsumw: h.fTsumw, tsumw2: h.fTsumw2, tsumwx: h.fTsumwx, tsumwx2: h.fTsumwx2,
    maximum: h.fMaximum, minimum: h.fMinimum,
    xaxis: axis(h.fXaxis), yaxis: axis(h.fYaxis), zaxis: axis(h.fZaxis),
    contents: Array.from(h.fArray), sumw2: Array.from(h.fSumw2 ?? []),
  };
  if (h._typename.startsWith('TH2')) {
    out.tsumwy = h.fTsumwy; out.tsumwy2 = h.fTsumwy2; out.tsumwxy = h.fTsumwxy;
  }
  return out;
}

function num(v) {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

async function tree(t) {
  const leaves = t.fBranches.arr.map(b => b.fLeaves.arr[0]);
  const branches = t.fBranches.arr.map((b, i) => ({
    name: b.fName, title: b.fTitle, leafClass: leaves[i]._typename, leafTitle: leaves[i].fTitle,
    unsigned: !!leaves[i].fIsUnsigned, counter: leaves[i].fLeafCount ? leaves[i].fLeafCount.fName : null,
    nBaskets: b.fWriteBasket,
  }));
  const stats = branches.map(b => ({ entries: 0, totalCount: 0, sum: 0, min: null, max: null, nonFiniteCount: 0, first: [] }));
  const sel = new TSelector();
  branches.forEach((b, i) => sel.addBranch(b.name, 'b' + i));
  sel.Process = function () {
    branches.forEach((b, i) => {
      const s = stats[i];
      const v = this.tgtobj['b' + i];
      s.entries++;
      const values = b.counter ? Array.from(v) : [v];
      if (b.counter) {
        s.totalCount += values.length;
        if (s.first.length < 3) s.first.push(values.map(num));
      } else if (s.first.length < 5) {
        s.first.push(num(v));
      }
      for (const raw of values) {
        const x = num(raw);
        if (!Number.isFinite(x)) { s.nonFiniteCount++; continue; }
        s.sum += x;
        if (s.min === null || x < s.min) s.min = x;
        if (s.max === null || x > s.max) s.max = x;
      }
    });
  };
  if (t.fEntries > 0 && branches.length > 0) {
    await treeProcess(t, sel);
  }
  return { className: t._typename, name: t.fName, title: t.fTitle, entries: t.fEntries, branches: branches.map((b, i) => ({ ...b, stats: stats[i] })) };
}

async function walk(file, dir, prefix, keys, objects) {
  for (const k of dir.fKeys) {
    const p = prefix + k.fName;
    keys.push({ path: p, className: k.fClassName, cycle: k.fCycle, title: k.fTitle });
    if (k.fClassName === 'TDirectory' || k.fClassName === 'TDirectoryFile') {
      const sub = await file.readDirectory(p);
      await walk(file, sub, p + '/', keys, objects);
    } else if (k.fClassName.startsWith('TH1') || k.fClassName.startsWith('TH2')) {
      objects[p] = hist(await file.readObject(p + ';' + k.fCycle));
    } else if (k.fClassName === 'TTree') {
      objects[p] = await tree(await file.readObject(p + ';' + k.fCycle));
    }
  }
}

const file = await openFile(path);
const keys = [];
const objects = {};
await walk(file, file, '', keys, objects);
console.log(JSON.stringify({ file: path, version: file.fVersion, compress: file.fCompress, keys, objects }));
