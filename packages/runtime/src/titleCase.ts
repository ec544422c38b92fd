// Titlecase mappings of CPython 3.11 (Unicode 14) that differ from the
// uppercase mapping, which JS toUpperCase gives for every other character:
// digraphs (U+01C4 to ǅ), ligatures (U+FB01 to "Fi"), Greek letters with
// ypogegrammeni, and Georgian letters that titlecase to themselves. Generated
// by comparing str.title() with str.upper() for every code point.

const TITLE_DIFFERENCES: [number, string][] = [
  [0xdf, '\u0053\u0073'], [0x1c4, '\u01c5'], [0x1c5, '\u01c5'], [0x1c6, '\u01c5'], [0x1c7, '\u01c8'], [0x1c8, '\u01c8'],
  [0x1c9, '\u01c8'], [0x1ca, '\u01cb'], [0x1cb, '\u01cb'], [0x1cc, '\u01cb'], [0x1f1, '\u01f2'], [0x1f2, '\u01f2'],
  [0x1f3, '\u01f2'], [0x587, '\u0535\u0582'], [0x10d0, '\u10d0'], [0x10d1, '\u10d1'], [0x10d2, '\u10d2'], [0x10d3, '\u10d3'],
  [0x10d4, '\u10d4'], [0x10d5, '\u10d5'], [0x10d6, '\u10d6'], [0x10d7, '\u10d7'], [0x10d8, '\u10d8'], [0x10d9, '\u10d9'],
  [0x10da, '\u10da'], [0x10db, '\u10db'], [0x10dc, '\u10dc'], [0x10dd, '\u10dd'], [0x10de, '\u10de'], [0x10df, '\u10df'],
  [0x10e0, '\u10e0'], [0x10e1, '\u10e1'], [0x10e2, '\u10e2'], [0x10e3, '\u10e3'], [0x10e4, '\u10e4'], [0x10e5, '\u10e5'],
  [0x10e6, '\u10e6'], [0x10e7, '\u10e7'], [0x10e8, '\u10e8'], [0x10e9, '\u10e9'], [0x10ea, '\u10ea'], [0x10eb, '\u10eb'],
  [0x10ec, '\u10ec'], [0x10ed, '\u10ed'], [0x10ee, '\u10ee'], [0x10ef, '\u10ef'], [0x10f0, '\u10f0'], [0x10f1, '\u10f1'],
  [0x10f2, '\u10f2'], [0x10f3, '\u10f3'], [0x10f4, '\u10f4'], [0x10f5, '\u10f5'], [0x10f6, '\u10f6'], [0x10f7, '\u10f7'],
  [0x10f8, '\u10f8'], [0x10f9, '\u10f9'], [0x10fa, '\u10fa'], [0x10fd, '\u10fd'], [0x10fe, '\u10fe'], [0x10ff, '\u10ff'],
  [0x1f80, '\u1f88'], [0x1f81, '\u1f89'], [0x1f82, '\u1f8a'], [0x1f83, '\u1f8b'], [0x1f84, '\u1f8c'], [0x1f85, '\u1f8d'],
  [0x1f86, '\u1f8e'], [0x1f87, '\u1f8f'], [0x1f88, '\u1f88'], [0x1f89, '\u1f89'], [0x1f8a, '\u1f8a'], [0x1f8b, '\u1f8b'],
  [0x1f8c, '\u1f8c'], [0x1f8d, '\u1f8d'], [0x1f8e, '\u1f8e'], [0x1f8f, '\u1f8f'], [0x1f90, '\u1f98'], [0x1f91, '\u1f99'],
  [0x1f92, '\u1f9a'], [0x1f93, '\u1f9b'], [0x1f94, '\u1f9c'], [0x1f95, '\u1f9d'], [0x1f96, '\u1f9e'], [0x1f97, '\u1f9f'],
  [0x1f98, '\u1f98'], [0x1f99, '\u1f99'], [0x1f9a, '\u1f9a'], [0x1f9b, '\u1f9b'], [0x1f9c, '\u1f9c'], [0x1f9d, '\u1f9d'],
  [0x1f9e, '\u1f9e'], [0x1f9f, '\u1f9f'], [0x1fa0, '\u1fa8'], [0x1fa1, '\u1fa9'], [0x1fa2, '\u1faa'], [0x1fa3, '\u1fab'],
  [0x1fa4, '\u1fac'], [0x1fa5, '\u1fad'], [0x1fa6, '\u1fae'], [0x1fa7, '\u1faf'], [0x1fa8, '\u1fa8'], [0x1fa9, '\u1fa9'],
  [0x1faa, '\u1faa'], [0x1fab, '\u1fab'], [0x1fac, '\u1fac'], [0x1fad, '\u1fad'], [0x1fae, '\u1fae'], [0x1faf, '\u1faf'],
  [0x1fb2, '\u1fba\u0345'], [0x1fb3, '\u1fbc'], [0x1fb4, '\u0386\u0345'], [0x1fb7, '\u0391\u0342\u0345'], [0x1fbc, '\u1fbc'], [0x1fc2, '\u1fca\u0345'],
  [0x1fc3, '\u1fcc'], [0x1fc4, '\u0389\u0345'], [0x1fc7, '\u0397\u0342\u0345'], [0x1fcc, '\u1fcc'], [0x1ff2, '\u1ffa\u0345'], [0x1ff3, '\u1ffc'],
  [0x1ff4, '\u038f\u0345'], [0x1ff7, '\u03a9\u0342\u0345'], [0x1ffc, '\u1ffc'], [0xfb00, '\u0046\u0066'], [0xfb01, '\u0046\u0069'], [0xfb02, '\u0046\u006c'],
  [0xfb03, '\u0046\u0066\u0069'], [0xfb04, '\u0046\u0066\u006c'], [0xfb05, '\u0053\u0074'], [0xfb06, '\u0053\u0074'], [0xfb13, '\u0544\u0576'], [0xfb14, '\u0544\u0565'],
  [0xfb15, '\u0544\u056b'], [0xfb16, '\u054e\u0576'], [0xfb17, '\u0544\u056d'],
];

export const TITLE_CASE = new Map<number, string>(TITLE_DIFFERENCES);
