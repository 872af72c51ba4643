#!/usr/bin/env node
// The console's basemap, cut from Natural Earth (the world-atlas package) with mapshaper and kept in the repository,
// so that a corridor's map loads a few kilobytes instead of the whole world at 1:50m (~230 KB gzip):
//   apps/console/src/map/basemap/world-110m.json   the world at 1:110m, for places far apart (the dashboard);
//   apps/console/src/map/basemap/50m/tile_<W>_<S>.json  1:50m in 10° tiles named by their south-west corner
//   (put in one folder of the build by apps/console/vite.config.ts; loaded as a map needs them, not precached).
// Each file holds three layers: `land` (filled), `coast` and `borders` (lines, cut at the tile's edge, so a tile's
// edge is never drawn as a coast). Crimea is drawn as part of Ukraine (UN General Assembly resolution 68/262);
// Natural Earth's de facto line puts it in Russia.
//   node scripts/console-basemap.mjs        (again after upgrading world-atlas or mapshaper)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const mapshaper = require('mapshaper');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'apps/console/src/map/basemap');
/** As apps/console/src/map/basemap.ts reads them. */
const TILE_DEGREES = 10;
const UKRAINE = '804';
const RUSSIA = '643';

/** Countries → land, coast and borders, with Crimea in Ukraine: three layers in one TopoJSON text. */
async function layers(source) {
  const crimea = `FID === "${RUSSIA}" && this.centroidX > 32 && this.centroidX < 36.6 && this.centroidY > 44 && this.centroidY < 46.3`;
  const commands = [
    '-i countries.json',
    '-drop target=land',
    '-explode target=countries',
    `-each 'if (${crimea}) FID = "${UKRAINE}"'`,
    '-dissolve FID',
    '-innerlines + name=borders',
    '-dissolve target=countries + name=land',
    '-lines target=land + name=coast',
    '-o layers.json format=topojson target=land,coast,borders',
  ].join(' ');
  const out = await mapshaper.applyCommands(commands, { 'countries.json': source });
  return out['layers.json'];
}

/** The layers inside one tile, or null when it holds no land. */
async function tile(all, west, south) {
  const bbox = [west, south, west + TILE_DEGREES, south + TILE_DEGREES].join(',');
  const out = await mapshaper.applyCommands(
    `-i all.json -clip bbox=${bbox} target=* -o tile.json format=topojson quantization=10000 target=*`,
    { 'all.json': all },
  );
  const topology = JSON.parse(out['tile.json']);
  const hasLand = (topology.objects.land?.geometries ?? []).some((g) => g.type !== null);
  return hasLand ? out['tile.json'] : null;
}

const atlas = (name) => readFileSync(require.resolve(`world-atlas/${name}`), 'utf8');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(path.join(OUT, '50m'), { recursive: true });

const world = await mapshaper.applyCommands(
  '-i world.json -o world-110m.json format=topojson quantization=20000 target=*',
  { 'world.json': await layers(atlas('countries-110m.json')) },
);
writeFileSync(path.join(OUT, 'world-110m.json'), world['world-110m.json']);

const detailed = await layers(atlas('countries-50m.json'));
let tiles = 0;
let bytes = 0;
for (let south = -90; south < 90; south += TILE_DEGREES) {
  for (let west = -180; west < 180; west += TILE_DEGREES) {
    const text = await tile(detailed, west, south);
    if (!text) continue;
    writeFileSync(path.join(OUT, '50m', `tile_${west}_${south}.json`), text);
    tiles += 1;
    bytes += text.length;
  }
}
console.log(
  `console-basemap: world-110m ${(world['world-110m.json'].length / 1024).toFixed(1)} KB; ${tiles} tiles of 1:50m, ${(bytes / 1024).toFixed(0)} KB in all`,
);
