export * from './auth.ts';
export * from './organisations.ts';
export * from './email.ts';
export * from './courses.ts';
export * from './safety.ts';
export * from './cohorts.ts';
export * from './invitations.ts';
export * from './live.ts';
