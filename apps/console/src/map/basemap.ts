import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { LAND_CELLS, TILE_FOLDER } from 'virtual:basemap-tiles';
import { tilesCovering, type Extent } from './map-geometry';
// Natural Earth, cut by scripts/console-basemap.mjs and served by our own server: no tile service.
import worldUrl from './basemap/world-110m.json?url';

/** As scripts/console-basemap.mjs cuts the 1:50m tiles. */
export const TILE_DEGREES = 10;
/** A view wider than this many tiles is drawn from the world at 1:110m (the dashboard's overview of far places). */
export const MAX_TILES = 9;

// The cells (by their south-west corner, "30_40") that have land, each a file in the build's tile folder.
const LAND = new Set(LAND_CELLS.split(' '));
const tileUrl = (cell: string) => `${TILE_FOLDER}tile_${cell}.json`;

/** What a map draws under its corridors: land filled, coast and borders as lines (a tile's edge is neither). */
export interface Basemap {
  land: Feature[];
  coast: Feature[];
  borders: Feature[];
  /** The coarse world map stood in: the view is wide, or its tiles did not load (offline, not yet kept). */
  isCoarse: boolean;
}

const loaded = new Map<string, Promise<Omit<Basemap, 'isCoarse'>>>();

function load(url: string): Promise<Omit<Basemap, 'isCoarse'>> {
  let layers = loaded.get(url);
  if (!layers) {
    layers = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json() as Promise<Topology>;
      })
      .then((topology) => {
        const layer = (name: string) => {
          const object = topology.objects[name] as GeometryCollection | undefined;
          return object ? (feature(topology, object) as { features: Feature[] }).features : [];
        };
        return { land: layer('land'), coast: layer('coast'), borders: layer('borders') };
      });
    // A failed load is tried again by the next map, not remembered.
    layers.catch(() => loaded.delete(url));
    loaded.set(url, layers);
  }
  return layers;
}

function merged(parts: Omit<Basemap, 'isCoarse'>[], isCoarse: boolean): Basemap {
  return {
    land: parts.flatMap((p) => p.land),
    coast: parts.flatMap((p) => p.coast),
    borders: parts.flatMap((p) => p.borders),
    isCoarse,
  };
}

/** The basemap of a view: its 1:50m tiles (a few KB each), else the world at 1:110m; empty when neither loads. */
export async function loadBasemap(extent: Extent): Promise<Basemap> {
  const cells = tilesCovering(extent, TILE_DEGREES, MAX_TILES);
  if (cells) {
    const urls = cells.filter((cell) => LAND.has(cell)).map(tileUrl);
    try {
      return merged(await Promise.all(urls.map(load)), false);
    } catch {
      // Offline and never seen: the world map is kept for offline use (precached), the tiles only once loaded.
    }
  }
  try {
    return merged([await load(worldUrl)], true);
  } catch {
    return { land: [], coast: [], borders: [], isCoarse: true };
  }
}
