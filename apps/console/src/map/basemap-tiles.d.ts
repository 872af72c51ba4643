/** Made by the build (apps/console/vite.config.ts, basemapTiles): where the 1:50m tiles are, and which exist. */
declare module 'virtual:basemap-tiles' {
  /** The folder of the tiles, with a slash at each end: "/assets/basemap-3fa09c1d2b7e/". */
  export const TILE_FOLDER: string;
  /** The cells that have land, by their south-west corner, separated by spaces: "30_40 40_40 …". */
  export const LAND_CELLS: string;
}
