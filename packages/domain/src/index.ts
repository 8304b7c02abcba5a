// @zeren/domain: the pure rules of the post target responsibility system (no I/O).
export * from './vocabulary';
export * from './numbers';
export * from './outcome';
export * from './ordering';
export * from './chain';
export * from './gaps';
export * from './progress';
export * from './cycles';
export * from './scoring';
export * from './grading';
export * from './supervision';
export * from './spreadsheets';
