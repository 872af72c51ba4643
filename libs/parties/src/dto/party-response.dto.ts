import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import { PARTY_KINDS, type PartyKind } from '#cw/domain';
import type { PartyEntity } from '#cw/persistence';

export class PartyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ enum: PARTY_KINDS }) kind: PartyKind;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The side of the front line; null when not given.',
  })
  side: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PartyPageDto extends PageInfoDto {
  @ApiProperty({ type: [PartyResponseDto] }) items: PartyResponseDto[];
}

export function toPartyResponse(party: PartyEntity): PartyResponseDto {
  return {
    id: party.id,
    name: party.name,
    shortName: party.shortName,
    kind: party.kind as PartyKind,
    side: party.side,
    createdAt: party.createdAt.toISOString(),
  };
}
