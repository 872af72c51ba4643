export { LocationCreateDto } from './dto/location-create.dto.js';
export { LocationUpdateDto } from './dto/location-update.dto.js';
export { LocationListQueryDto } from './dto/location-list-query.dto.js';
export { LocationPageDto, LocationResponseDto, toLocationResponse } from './dto/location-response.dto.js';
export { LocationService } from './location.service.js';
export { LocationsModule } from './locations.module.js';
export { foldForSearch, placeSearchText } from './place-search.js';
