export { CorridorRecordService } from './corridor-record.service.js';
export { CorridorStateService, toStated } from './corridor-state.service.js';
export { corridorFilterOf, CorridorService } from './corridor.service.js';
export { CorridorsModule } from './corridors.module.js';
export { CorridorCancelDto } from './dto/corridor-cancel.dto.js';
export { CorridorCreateDto } from './dto/corridor-create.dto.js';
export { CorridorListQueryDto } from './dto/corridor-list-query.dto.js';
export {
  CorridorListItemDto,
  CorridorPageDto,
  CorridorResponseDto,
  WindowResponseDto,
} from './dto/corridor-response.dto.js';
export { CorridorUpdateDto } from './dto/corridor-update.dto.js';
export { DailyScheduleDto } from './dto/daily-schedule.dto.js';
export { EmbargoDto, EmbargoProperty, EmbargoResponseDto, toEmbargoResponse } from './dto/embargo.dto.js';
export { EvacuationSummaryDto } from './dto/evacuation-summary.dto.js';
export { InstantProperty } from './dto/instant.js';
export {
  ConfirmationResponseDto,
  EVACUATION_CATEGORIES,
  EvacuationReportResponseDto,
  INCIDENT_KINDS,
  IncidentResponseDto,
  RemainingReportResponseDto,
  REPORT_KIND_NAMES,
  toConfirmationResponse,
  toCountResponse,
  toEvacuationReportResponse,
  toIncidentResponse,
  toRemainingReportResponse,
  type EvacuationCategory,
  type IncidentKind,
} from './dto/report-response.dto.js';
export { TimelineDto } from './dto/timeline.dto.js';
export { TimelineQueryDto } from './dto/timeline-query.dto.js';
export { WindowCreateDto, WindowUpdateDto } from './dto/window-create.dto.js';
export { readInstant, readPastInstant } from './instants.js';
