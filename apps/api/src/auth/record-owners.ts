import { Injectable } from '@nestjs/common';
import {
  ApiKeyRepository,
  CorridorRepository,
  LocationRepository,
  OperationRepository,
  ReportRepository,
  SubscriptionRepository,
  UserRepository,
  WebhookEndpointRepository,
} from '#cw/persistence';
import type { OwnedRecord } from './access-policy.js';

/** The organisation a record belongs to, for the object rules of the access policy. */
@Injectable()
export class RecordOwners {
  constructor(
    private readonly corridors: CorridorRepository,
    private readonly locations: LocationRepository,
    private readonly operations: OperationRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly reports: ReportRepository,
    private readonly webhookEndpoints: WebhookEndpointRepository,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  organisationOf(record: OwnedRecord, id: string): Promise<string | undefined> {
    switch (record) {
      case 'corridor':
        return this.corridors.organisationOf(id);
      case 'location':
        return this.locations.organisationOf(id);
      case 'operation':
        return this.operations.organisationOf(id);
      case 'api_key':
        return this.apiKeys.organisationOf(id);
      case 'user':
        return this.users.organisationOf(id);
      case 'webhook_endpoint':
        return this.webhookEndpoints.organisationOf(id);
      case 'subscription':
        return this.subscriptions.organisationOf(id);
      default:
        return this.reports.organisationOf(record, id);
    }
  }
}
