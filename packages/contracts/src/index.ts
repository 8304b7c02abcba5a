export * from './common';
export * from './auth';
export * from './routes';
// The web's login and `me` need only these: importing `routes` would bring every area's schemas.
export * from './auth-routes';
export * from './common-http';
export * from './org';
// Each area's routes on their own, so a page loads only its area's schemas (web route budget).
export * from './org-routes';
export * from './targets';
export * from './target-routes';
export * from './chain';
export * from './gaps';
export * from './audit';
export * from './evaluations';
export * from './evaluation-routes';
export * from './registration-form';
export * from './registration-form-routes';
export * from './dashboards';
export * from './dashboard-routes';
export * from './supervision';
export * from './supervision-routes';
export * from './spreadsheets';
export * from './spreadsheet-routes';
