import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createOrgRepository } from './org.repository';
import { createOrgService } from './org.service';

/** Organisation administration: units, people, posts and holdings (see org.service.ts for the rules). */
export function createOrgRouter(ctx: AppContext) {
  const router = Router();
  const org = createOrgService({ repo: createOrgRepository(ctx.db), access: ctx.access, audit: ctx.audit });

  mount(router, routes.listUnits, (_input, { actor }) => org.listUnits(actor));
  mount(router, routes.createUnit, ({ body }, { actor }) => org.createUnit(actor, body));
  mount(router, routes.updateUnit, ({ params, body }, { actor }) => org.updateUnit(actor, params.id, body));
  mount(router, routes.archiveUnit, ({ params }, { actor }) => org.archiveUnit(actor, params.id));
  mount(router, routes.deleteUnit, ({ params }, { actor }) => org.deleteUnit(actor, params.id));

  mount(router, routes.listPeople, ({ query }, { actor }) => org.listPeople(actor, query));
  mount(router, routes.createPerson, ({ body }, { actor }) => org.createPerson(actor, body));
  mount(router, routes.updatePerson, ({ params, body }, { actor }) =>
    org.updatePerson(actor, params.id, body),
  );
  mount(router, routes.archivePerson, ({ params }, { actor }) => org.archivePerson(actor, params.id));
  mount(router, routes.deletePerson, ({ params }, { actor }) => org.deletePerson(actor, params.id));

  mount(router, routes.listPosts, ({ query }, { actor }) => org.listPosts(actor, query));
  mount(router, routes.createPost, ({ body }, { actor }) => org.createPost(actor, body));
  mount(router, routes.updatePost, ({ params, body }, { actor }) => org.updatePost(actor, params.id, body));
  mount(router, routes.archivePost, ({ params }, { actor }) => org.archivePost(actor, params.id));
  mount(router, routes.deletePost, ({ params }, { actor }) => org.deletePost(actor, params.id));

  mount(router, routes.createHolding, ({ body }, { actor }) => org.createHolding(actor, body));
  mount(router, routes.endHolding, ({ params }, { actor }) => org.endHolding(actor, params.id));

  return router;
}
