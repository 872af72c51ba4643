import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { DEFAULT_LANGUAGE, type Language } from '#cw/domain';
import { Database, OrganisationRepository, UniqueViolation } from '#cw/persistence';
import {
  OrganisationPageDto,
  OrganisationResponseDto,
  toOrganisationResponse,
} from './dto/organisation.dto.js';

@Injectable()
export class OrganisationService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /** `actor` null: the command line on the server. */
  async create(
    actor: AuditActor | null,
    name: string,
    language: Language = DEFAULT_LANGUAGE,
  ): Promise<OrganisationResponseDto> {
    const organisation = { id: newId(), name: name.trim(), language, createdAt: this.clock.now() };
    try {
      await this.db.transaction(async (tx) => {
        await this.organisations.insert(organisation, tx);
        await this.audit.record(tx, {
          actor,
          action: 'organisation.create',
          entity: 'organisation',
          entityId: organisation.id,
          organisationId: organisation.id,
          after: { name: organisation.name, language: organisation.language },
        });
      });
    } catch (error) {
      if (error instanceof UniqueViolation) {
        throw new AppError(
          AppErrorCode.Duplicate,
          `An organisation named "${organisation.name}" exists already.`,
          'name',
        );
      }
      throw error;
    }
    return toOrganisationResponse(organisation);
  }

  /** Its language, for the subscriptions made from now on (those made before keep theirs). */
  async setLanguage(actor: AuditActor, id: string, language: Language): Promise<OrganisationResponseDto> {
    const updated = await this.db.transaction(async (tx) => {
      const before = await this.organisations.findById(id, tx);
      if (!before || !(await this.organisations.setLanguage(id, language, tx))) return undefined;
      await this.audit.record(tx, {
        actor,
        action: 'organisation.update',
        entity: 'organisation',
        entityId: id,
        organisationId: id,
        before: { language: before.language },
        after: { language },
      });
      return { ...before, language };
    });
    if (!updated) throw AppError.notFound('organisation', id);
    return toOrganisationResponse(updated);
  }

  async findByName(name: string): Promise<OrganisationResponseDto | undefined> {
    const found = await this.organisations.findByName(name.trim());
    return found && toOrganisationResponse(found);
  }

  async list(limit: number, cursor?: string): Promise<OrganisationPageDto> {
    const page = await this.organisations.list(limit, cursor);
    return { items: page.items.map(toOrganisationResponse), nextCursor: page.nextCursor };
  }
}
