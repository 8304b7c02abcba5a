import { spreadsheetRoutes, type SpreadsheetKind } from '@zeren/contracts';

/** The routes of each importable workbook, so one component serves both 花名册 and 目标责任书. */
export const spreadsheetRoutesByKind = {
  roster: {
    template: spreadsheetRoutes.downloadRosterTemplate,
    preview: spreadsheetRoutes.previewRosterImport,
    commit: spreadsheetRoutes.importRoster,
  },
  targets: {
    template: spreadsheetRoutes.downloadTargetTemplate,
    preview: spreadsheetRoutes.previewTargetImport,
    commit: spreadsheetRoutes.importTargets,
  },
} as const satisfies Record<SpreadsheetKind, unknown>;
