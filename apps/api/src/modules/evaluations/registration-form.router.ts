import { routes } from '@zeren/contracts';
import type { Router } from 'express';
import { mount } from '../../http/route';
import { createRegistrationFormService } from './registration-form.service';

/** 考核登记表: mounted with the evaluation routes (same services, same rules for who reads what). */
export function mountRegistrationFormRoutes(
  router: Router,
  deps: Parameters<typeof createRegistrationFormService>[0],
) {
  const forms = createRegistrationFormService(deps);
  mount(router, routes.getRegistrationForm, ({ params }, { actor }) =>
    forms.getForm(actor, params.id, params.personId),
  );
  mount(router, routes.exportRegistrationForm, ({ params }, { actor, res }) =>
    forms.exportForm(actor, params.id, params.personId, res),
  );
  mount(router, routes.exportRegistrationForms, ({ params }, { actor, res }) =>
    forms.exportForms(actor, params.id, res),
  );
}
