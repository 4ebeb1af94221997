export { userClockFrom, type ClockActivity, type UserClock } from './userClock';
export { resolveArrivalDate, type ArrivalPrecision, type ArrivalResolution } from './arrivalDate';
export { computeDeadline, type Deadline } from './deadline';
export { formatDeadline, formatTimeLeft, formatUserDate } from './formatting';
export { warmUpDateRecognizer } from './dateRecognizer';
