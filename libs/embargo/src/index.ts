export { EmbargoLiftService } from './embargo-lift.service.js';
export { EmbargoModule } from './embargo.module.js';
