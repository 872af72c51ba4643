export { Clock, MovableClock, SystemClock } from './clock.js';
export { ClockModule } from './clock.module.js';
