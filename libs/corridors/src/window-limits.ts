import { AppError, AppErrorCode } from '#cw/common';
import type { CorridorCreateDto } from './dto/corridor-create.dto.js';

/**
 * One request fans out into flags, e-mails and timeline events per window: a corridor body creates at most
 * MAX_WINDOWS_PER_REQUEST windows, listed and scheduled together.
 */
export function assertWindowsPerRequest(
  dto: CorridorCreateDto,
  maxPerRequest: number,
  maxPerCorridor: number,
): void {
  const listed = dto.windows?.length ?? 0;
  const scheduled = dto.schedule?.days ?? 0;
  const max = Math.min(maxPerRequest, maxPerCorridor);
  if (listed + scheduled <= max) return;
  throw new AppError(
    AppErrorCode.TooManyWindows,
    `A corridor is created with at most ${max} windows (${listed} listed and ${scheduled} scheduled here); add more with POST /corridors/:id/windows, up to ${maxPerCorridor} in all.`,
    listed > max ? 'windows' : 'schedule.days',
  );
}

/** A corridor holds at most MAX_WINDOWS_PER_CORRIDOR windows. */
export function assertRoomForWindows(held: number, adding: number, maxPerCorridor: number): void {
  if (held + adding <= maxPerCorridor) return;
  throw new AppError(
    AppErrorCode.TooManyWindows,
    `This corridor has ${held} windows, the most one corridor holds is ${maxPerCorridor}: record a longer promise as a new corridor.`,
  );
}
