import { describe, expect, it } from '@jest/globals';
import { corridorWay } from './corridor-way.js';

const azovstal = { lat: 47.098, lon: 37.61 };
const manhush = { lat: 47.05, lon: 37.3 };
const zaporizhzhia = { lat: 47.833, lon: 35.167 };

describe('the way a corridor takes', () => {
  it('is the drawn route when there is one, whatever its places', () => {
    const route: [number, number][] = [
      [37.61, 47.098],
      [36.0, 47.5],
      [35.167, 47.833],
    ];
    expect(corridorWay(route, [azovstal, manhush, zaporizhzhia])).toEqual({
      coordinates: route,
      isDrawn: true,
    });
  });

  it('goes from the origin through each stop in order to the destination when no route is drawn', () => {
    expect(corridorWay(null, [azovstal, manhush, zaporizhzhia])).toEqual({
      coordinates: [
        [37.61, 47.098],
        [37.3, 47.05],
        [35.167, 47.833],
      ],
      isDrawn: false,
    });
  });

  it('leaves out a place known only by name, and is null when no place has a position', () => {
    expect(corridorWay(undefined, [azovstal, { lat: null, lon: null }, undefined, zaporizhzhia])).toEqual({
      coordinates: [
        [37.61, 47.098],
        [35.167, 47.833],
      ],
      isDrawn: false,
    });
    expect(corridorWay(null, [{ lat: null, lon: null }, null])).toBeNull();
  });

  it('is one position for a corridor with one known place and no destination', () => {
    expect(corridorWay(null, [azovstal, null])).toEqual({ coordinates: [[37.61, 47.098]], isDrawn: false });
  });
});
