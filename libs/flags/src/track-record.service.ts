import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppError } from '#cw/common';
import { AppConfig } from '#cw/config';
import { partyTrackRecord, type AnnouncedWindowFacts, type ConfirmationStance, type Count } from '#cw/domain';
import { PartyRepository, TrackRecordRepository } from '#cw/persistence';
import type { TrackRecordDto } from './dto/track-record.dto.js';
import { attributeEvacuations } from './window-facts.js';

/** "Many previous assurances have fallen through", as numbers: per announcing party, over all its windows. */
@Injectable()
export class TrackRecordService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly parties: PartyRepository,
    private readonly records: TrackRecordRepository,
  ) {}

  async of(partyId: string): Promise<TrackRecordDto> {
    if (!(await this.parties.findById(partyId))) throw AppError.notFound('party', partyId);
    const facts = await this.records.announcedBy(partyId);
    const byCorridor = new Map<string, typeof facts.windows>();
    for (const w of facts.windows) byCorridor.set(w.corridorId, [...(byCorridor.get(w.corridorId) ?? []), w]);
    const windows: AnnouncedWindowFacts[] = [];
    for (const [corridorId, corridorWindows] of byCorridor) {
      // The flag rules' attribution of reports to windows, so both count the same evacuations.
      const reported = attributeEvacuations(
        {
          corridorId,
          isCancelled: false,
          requiredPartyIds: [],
          windows: corridorWindows.map((w) => ({
            id: w.windowId,
            startsAt: w.startsAt,
            endsAt: w.endsAt,
            nextEvaluationAt: null,
          })),
          confirmations: [],
          evacuations: facts.evacuations.get(corridorId) ?? [],
          flags: [],
        },
        this.config.NO_EVACUATION_GRACE_HOURS,
      );
      const confirmations = (facts.confirmations.get(corridorId) ?? []).map((c) => ({
        ...c,
        stance: c.stance as ConfirmationStance,
      }));
      for (const w of corridorWindows) {
        const claims = reported.get(w.windowId) ?? [];
        windows.push({
          window: { startsAt: w.startsAt, endsAt: w.endsAt },
          requiredPartyIds: facts.requiredPartyIds.get(corridorId) ?? [],
          confirmations,
          hasEvacuationReports: claims.length > 0,
          claims: claims.map((e) => ({ qualifier: e.qualifier, value: e.value, max: e.max }) as Count),
          isCancelled: w.isCancelled,
        });
      }
    }
    return partyTrackRecord(windows, this.config.CONFIRMATION_LEAD_MINUTES, this.clock.now());
  }
}
