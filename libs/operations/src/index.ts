export { OperationCreateDto } from './dto/operation-create.dto.js';
export { OperationPageDto, OperationResponseDto, toOperationResponse } from './dto/operation-response.dto.js';
export { OperationUpdateDto } from './dto/operation-update.dto.js';
export { OperationService } from './operation.service.js';
export { OperationsModule } from './operations.module.js';
