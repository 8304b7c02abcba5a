// Spreadsheets in and out: the workbooks' layout, reading cells, and validating the roster and the
// target book rows against the organisation (pure; the API parses the files and writes the plan).
export * from './issues';
export * from './cells';
export * from './sheets';
export * from './reporting';
export * from './roster';
export * from './target-book';
