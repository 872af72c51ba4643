export { PartyCreateDto } from './dto/party-create.dto.js';
export { PartyPageDto, PartyResponseDto, toPartyResponse } from './dto/party-response.dto.js';
export { PartiesModule } from './parties.module.js';
export { PartyService } from './party.service.js';
