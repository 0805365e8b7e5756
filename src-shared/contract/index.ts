export * from './bridge';
export * from './channels';
export * from './errors';
export * from './events';
export * from './session';
export * from './settings';
export * from './sync';
