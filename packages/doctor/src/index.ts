export { DOCTOR_HELP } from './args';
export type { Finding, Status } from './checks';
export type { DoctorReport } from './report';
export { DOCTOR_EXIT } from './report';
export { type DoctorIo, runDoctor } from './run';
