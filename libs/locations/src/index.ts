export { LocationCreateDto } from './dto/location-create.dto.js';
export { LocationPageDto, LocationResponseDto, toLocationResponse } from './dto/location-response.dto.js';
export { LocationService } from './location.service.js';
export { LocationsModule } from './locations.module.js';
