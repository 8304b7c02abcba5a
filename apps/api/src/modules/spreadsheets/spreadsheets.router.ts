import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createTargetsRepository } from '../targets/targets.repository';
import { createSpreadsheetsRepository } from './spreadsheets.repository';
import { createSpreadsheetsService } from './spreadsheets.service';

/** Templates, imports (preview and commit) and exports of the roster and the target book. */
export function createSpreadsheetsRouter(ctx: AppContext) {
  const router = Router();
  const spreadsheets = createSpreadsheetsService({
    db: ctx.db,
    repo: createSpreadsheetsRepository(ctx.db),
    targetsRepo: createTargetsRepository(ctx.db, ctx.pool),
    access: ctx.access,
    audit: ctx.audit,
  });

  mount(router, routes.downloadRosterTemplate, (_input, { res }) => spreadsheets.downloadRosterTemplate(res));
  mount(router, routes.previewRosterImport, ({ body }, { actor }) => spreadsheets.previewRoster(actor, body));
  mount(router, routes.importRoster, ({ body }, { actor }) => spreadsheets.importRoster(actor, body));
  mount(router, routes.downloadTargetTemplate, (_input, { res }) => spreadsheets.downloadTargetTemplate(res));
  mount(router, routes.previewTargetImport, ({ body }, { actor }) =>
    spreadsheets.previewTargets(actor, body),
  );
  mount(router, routes.importTargets, ({ body }, { actor }) => spreadsheets.importTargets(actor, body));
  mount(router, routes.exportRoster, (_input, { actor, res }) => spreadsheets.exportRoster(actor, res));
  mount(router, routes.exportTargets, ({ query }, { actor, res }) =>
    spreadsheets.exportTargets(actor, query, res),
  );

  return router;
}
